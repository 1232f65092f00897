import type { FastifyRequest } from 'fastify';

// What a form's fields mean, for the page that hands back what someone typed when their session
// ended before the form arrived (session-ended.tsx). Each route with such a form declares it in
// its config (`config: { echo: … }`): the label of every field, and for a choice how to name the
// chosen value ("мать", not "mother"; the organisation's name, not its id). Fields not declared
// (hidden ids, tokens) are not shown back.

export interface EchoField {
  /** i18n key of the field's label on the form */
  label: string;
  /** a choice: the i18n prefix of its options' labels, or a lookup (undefined: not a known option) */
  choice?: string | ((value: string, req: FastifyRequest) => string | undefined | Promise<string | undefined>);
  /** a long text, handed back in a box it can be copied from */
  long?: boolean;
}

export type EchoForm = Record<string, EchoField>;

export interface EchoedValue {
  /** the field's name on the form */
  name: string;
  label: string;
  value: string;
  long: boolean;
}

/** The form a route declared, if any. */
export const echoFormOf = (req: FastifyRequest): EchoForm | undefined =>
  (req.routeOptions.config as { echo?: EchoForm } | undefined)?.echo;

/** The declared fields that were filled in, in the order the form sent them, with their labels. */
export const echoed = async (req: FastifyRequest, form: EchoForm, body: Record<string, string>) => {
  const out: EchoedValue[] = [];
  for (const [name, raw] of Object.entries(body)) {
    const field = form[name];
    const value = raw.trim();
    if (!field || value === '') continue;
    const shown =
      typeof field.choice === 'string'
        ? req.t(`${field.choice}.${value}`, { defaultValue: '' }) || undefined
        : field.choice
          ? await field.choice(value, req)
          : value;
    // A value that is not one of the choices (a forged or stale form) is not worth keeping.
    if (shown !== undefined) out.push({ name, label: req.t(field.label), value: shown, long: field.long === true });
  }
  return out;
};
