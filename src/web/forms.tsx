import type { ComponentChildren } from 'preact';
import { Conflict, Invalid, RateLimited, type FieldProblem } from '../shared/errors.ts';
import type { PageContext } from './page-context.ts';

// Forms on pages. Inputs are parsed by src/shared/validation.ts (one zod schema per input, messages
// as i18n keys); a failed parse is Invalid with field problems, and the page is rendered again with
// what the user typed and a translated message beside each field.

export type FormValues = Record<string, string>;
export type FormErrors = Record<string, FieldProblem>;

/** The first problem per field: "required" before "too short" before "bad characters". */
export const formErrors = (problems: FieldProblem[]): FormErrors => {
  const out: FormErrors = {};
  for (const p of problems) if (!out[p.field]) out[p.field] = p;
  return out;
};

/**
 * The domain errors a form can cause, as field messages for re-rendering the form (with the
 * status to answer). Anything else is not a form problem and goes on to the error handler.
 */
export const formFailure = (err: unknown, conflictField = '_form'): { errors: FormErrors; status: number } | null => {
  if (err instanceof Invalid) return { errors: formErrors(err.problems), status: 400 };
  if (err instanceof Conflict)
    return { errors: { [conflictField]: { field: conflictField, key: err.key } }, status: 409 };
  if (err instanceof RateLimited)
    return { errors: { _form: { field: '_form', key: 'accounts.errors.locked' } }, status: 429 };
  return null;
};

/**
 * A form that was not sent at all (its CSRF cookie was lost; form-not-sent.ts): whatever was
 * typed is in it, so the page says so at its top and links down to it.
 */
export const NOT_SENT_KEYS = { plain: 'common.notSent', withFile: 'common.notSentFile' } as const;
export const notSentProblem = (errors: FormErrors): FieldProblem | undefined =>
  errors._form && Object.values(NOT_SENT_KEYS).some((k) => k === errors._form.key) ? errors._form : undefined;

/** Keeps only string values of a posted body, to echo back into a form. */
export const echoValues = (body: unknown): FormValues => {
  const out: FormValues = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body))
      if (typeof v === 'string' && k !== '_csrf' && !/pass/i.test(k)) out[k] = v;
  }
  return out;
};

interface FieldProps {
  ctx: PageContext;
  name: string;
  label: string;
  values: FormValues;
  errors: FormErrors;
  hint?: string;
  required?: boolean;
  /**
   * false on a form whose only field is this choice (assign someone else, a close reason, an
   * invite's role): the form itself is optional there, and «(обязательно)» read as if it were not.
   */
  requiredMark?: boolean;
}

interface LengthProps {
  /**
   * the server's limit for this field, from its schema. A one-line field's browser stops at the
   * same length; a long text's does not: a pasted story cut silently at the limit would lose its
   * end without a word, so the limit is said under the box and the server refuses what is over
   * it, handing everything typed back with its message.
   */
  maxLength?: number;
  /** false where the limit can never be met by what people type (a code, a date, a login name) */
  showLimit?: boolean;
}

/** "Не больше 20 000 символов.": said beside the field, so a long letter is not cut by surprise. */
const limitText = (ctx: PageContext, p: LengthProps): string | undefined =>
  p.maxLength && p.showLimit !== false
    ? ctx.t('common.maxChars', {
        count: p.maxLength,
        max: numberFormat(ctx).format(p.maxLength),
      })
    : undefined;

/** The hint under a field: what to write, then how much. */
const hintOf = (p: FieldProps & LengthProps): string | undefined =>
  [p.hint, limitText(p.ctx, p)].filter(Boolean).join(' ') || undefined;

const numberFormat = (ctx: PageContext) => new Intl.NumberFormat(ctx.lang === 'ru' ? 'ru-RU' : 'en-GB');

/** Numbers in messages read as in the hint beside the field: "20 000", not "20000". */
const readableParams = (ctx: PageContext, params: Record<string, unknown> = {}) =>
  Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'number' ? numberFormat(ctx).format(v) : v]),
  );

const FieldError = ({ ctx, name, errors }: { ctx: PageContext; name: string; errors: FormErrors }) => {
  const e = errors[name];
  return e ? (
    <small id={`${name}-error`} class="field-error">
      {ctx.t(e.key, readableParams(ctx, e.params))}
    </small>
  ) : null;
};

const describedBy = (name: string, errors: FormErrors, hint?: string): string | undefined =>
  [errors[name] ? `${name}-error` : '', hint ? `${name}-hint` : ''].filter(Boolean).join(' ') || undefined;

const LabelText = ({ ctx, label, required }: { ctx: PageContext; label: string; required?: boolean }) => (
  <>
    {label} {required ? <span class="req">({ctx.t('common.required')})</span> : null}
  </>
);

export const TextField = (
  p: FieldProps & LengthProps & { type?: string; autocomplete?: string; inputmode?: string },
) => {
  // A date picker or a number box is never typed into letter by letter: "no more than 10
  // characters" under a calendar only puzzles.
  const hint = hintOf(p.type === 'date' || p.type === 'number' ? { ...p, showLimit: false } : p);
  return (
    <label>
      <LabelText ctx={p.ctx} label={p.label} required={p.required} />
      <input
        type={(p.type ?? 'text') as 'text'}
        name={p.name}
        value={p.type === 'password' ? '' : (p.values[p.name] ?? '')}
        maxLength={p.maxLength}
        required={p.required}
        autocomplete={p.autocomplete ?? 'off'}
        inputMode={p.inputmode as never}
        aria-invalid={p.errors[p.name] ? 'true' : undefined}
        aria-describedby={describedBy(p.name, p.errors, hint)}
      />
      {hint && <small id={`${p.name}-hint`}>{hint}</small>}
      <FieldError ctx={p.ctx} name={p.name} errors={p.errors} />
    </label>
  );
};

export const TextArea = (p: FieldProps & LengthProps & { rows?: number }) => {
  const hint = hintOf(p);
  return (
    <label>
      <LabelText ctx={p.ctx} label={p.label} required={p.required} />
      <textarea
        name={p.name}
        // No maxlength: a browser cuts a paste there without a word (a 30 000-character story
        // lost its end). The limit is said beside the box, the server refuses past it with
        // everything handed back, and data-limit names it for the tests that hold the two equal.
        data-limit={p.maxLength}
        rows={p.rows ?? 4}
        required={p.required}
        aria-invalid={p.errors[p.name] ? 'true' : undefined}
        aria-describedby={describedBy(p.name, p.errors, hint)}
      >
        {p.values[p.name] ?? ''}
      </textarea>
      {hint && <small id={`${p.name}-hint`}>{hint}</small>}
      <FieldError ctx={p.ctx} name={p.name} errors={p.errors} />
    </label>
  );
};

/**
 * Words someone wrote that could not be sent (a visit or a session ended, a code refused): given
 * back read-only, tall enough to see, to copy before they are lost (tips, the session-ended page,
 * a registry request's addition).
 */
export const TextToCopy = ({ label, text }: { label: string; text: string }) => (
  <label>
    {label}
    <textarea readOnly rows={Math.min(16, 3 + Math.ceil(text.length / 40))}>
      {text}
    </textarea>
  </label>
);

// A list left at "—" is not a field left empty: say "choose", not "fill in".
const chooseInsteadOfFill = (errors: FormErrors, name: string): FormErrors =>
  errors[name]?.key === 'errors.required'
    ? { ...errors, [name]: { ...errors[name], key: 'errors.chooseOne' } }
    : errors;

export const SelectField = (
  props: FieldProps & { options: Array<{ value: string; label: string }>; emptyLabel?: string },
) => {
  const p = { ...props, errors: chooseInsteadOfFill(props.errors, props.name) };
  return (
    <label>
      <LabelText ctx={p.ctx} label={p.label} required={p.required && p.requiredMark !== false} />
      <select
        name={p.name}
        required={p.required}
        aria-invalid={p.errors[p.name] ? 'true' : undefined}
        aria-describedby={describedBy(p.name, p.errors, p.hint)}
      >
        <option value="">{p.emptyLabel ?? '—'}</option>
        {p.options.map((o) => (
          <option value={o.value} selected={p.values[p.name] === o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {p.hint && <small id={`${p.name}-hint`}>{p.hint}</small>}
      <FieldError ctx={p.ctx} name={p.name} errors={p.errors} />
    </label>
  );
};

/**
 * A POST form that always carries the CSRF token, as its first field: a multipart form's token
 * is read from its body's first part, before any file (multipart-token.ts).
 */
export const PostForm = ({
  ctx,
  action,
  children,
  enctype,
}: {
  ctx: PageContext;
  action: string;
  children: ComponentChildren;
  enctype?: string;
}) => (
  <form method="post" action={action} enctype={enctype} novalidate>
    <input type="hidden" name="_csrf" value={ctx.csrfToken} />
    {children}
  </form>
);

/**
 * The form of a page that asks before something that cannot be undone (withdrawing a request,
 * deleting an account, a tip or a file): its only field is the hidden confirmation, so a stray tap
 * elsewhere does nothing, and the way back is a plain link under it.
 */
export const ConfirmForm = ({
  ctx,
  action,
  submit,
  danger = false,
  back,
}: {
  ctx: PageContext;
  action: string;
  /** the button's words */
  submit: string;
  /** red: what it destroys cannot be had back at all */
  danger?: boolean;
  back: { href: string; label: string };
}) => (
  <>
    <PostForm ctx={ctx} action={action}>
      <input type="hidden" name="confirm" value="yes" />
      <button type="submit" class={danger ? 'danger' : 'secondary'}>
        {submit}
      </button>
    </PostForm>
    <p>
      <a href={back.href}>{back.label}</a>
    </p>
  </>
);

export const FormErrorSummary = ({ ctx, errors }: { ctx: PageContext; errors: FormErrors }) => {
  const all = Object.values(errors);
  if (all.length === 0) return null;
  // «исправьте 3 поля» for two wrong fields and a file to choose again (QA walk 5): only the
  // fields to correct are counted; what they cost another field is said apart, on its own line.
  const wrong = all.filter((p) => !p.notice).length;
  const notices = [...new Set(all.flatMap((p) => (p.notice ? [p.notice] : [])))];
  return (
    <p role="alert" class="form-errors">
      {errors._form
        ? ctx.t(errors._form.key, errors._form.params ?? {})
        : wrong > 0 && ctx.t('common.formHasErrors', { count: wrong })}
      {!errors._form &&
        notices.map((key, i) => (
          <>
            {(wrong > 0 || i > 0) && <br />}
            {ctx.t(key)}
          </>
        ))}
    </p>
  );
};

/**
 * A form far down a long page came back with errors: without JavaScript the browser shows the
 * top of the page again, where nothing said so. Said there, with a link to the form (`at`: the
 * id of the form or its heading; nothing when no form failed). `problem`: a problem with the
 * whole form (it was not sent at all), said in full instead.
 */
export const FailedFormNotice = ({
  ctx,
  at,
  problem,
}: {
  ctx: PageContext;
  at: string | undefined;
  problem?: FieldProblem;
}) =>
  at ? (
    <p class="form-errors" role="alert">
      {problem ? ctx.t(problem.key, problem.params ?? {}) : ctx.t('common.formFailed')}{' '}
      <a href={`#${at}`}>{ctx.t('common.toTheForm')}</a>
    </p>
  ) : null;
