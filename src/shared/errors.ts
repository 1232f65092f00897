// Domain errors are typed values; the web error handler maps them to status codes and pages.
// Never classify an error by its message text: check `instanceof` or `kind`.

export class DomainError extends Error {
  constructor(
    readonly kind: 'not_found' | 'forbidden' | 'invalid' | 'conflict' | 'unauthenticated' | 'rate_limited',
    message?: string,
  ) {
    super(message ?? kind);
    this.name = new.target.name;
  }
}

export class NotFound extends DomainError {
  constructor(message?: string) {
    super('not_found', message);
  }
}

/** Used sparingly: object-level access failures answer NotFound so existence is not revealed. */
export class Forbidden extends DomainError {
  constructor(message?: string) {
    super('forbidden', message);
  }
}

export class Unauthenticated extends DomainError {
  constructor(message?: string) {
    super('unauthenticated', message);
  }
}

export class RateLimited extends DomainError {
  constructor(message?: string) {
    super('rate_limited', message);
  }
}

export interface FieldProblem {
  field: string;
  /** i18n key of the message, e.g. "errors.required" */
  key: string;
  params?: Record<string, string | number>;
  /**
   * Not a mistake in this field but what another one cost it (a good file not kept because a field
   * was wrong): the form's summary does not count it among the fields to correct, and says this
   * i18n key apart instead.
   */
  notice?: string;
}

/** Bad input: carries field-level problems with translation keys, never raw text. */
export class Invalid extends DomainError {
  readonly problems: FieldProblem[];
  constructor(problems: FieldProblem[] | FieldProblem) {
    const list = Array.isArray(problems) ? problems : [problems];
    super('invalid', list.map((p) => `${p.field}:${p.key}`).join(','));
    this.problems = list;
  }
}

export class Conflict extends DomainError {
  constructor(readonly key: string) {
    super('conflict', key);
  }
}
