import { Conflict, Invalid, RateLimited, type FieldProblem } from '../shared/errors.ts';
import type { FormErrors } from '../web/forms.tsx';

// Turns the domain errors a form can cause into field-level messages for re-rendering the form.
// Anything else is not a form problem and goes on to the error handler.

/** The first problem per field: "required" before "too short" before "bad characters". */
export const firstErrors = (problems: FieldProblem[]): FormErrors => {
  const out: FormErrors = {};
  for (const p of problems) if (!out[p.field]) out[p.field] = p;
  return out;
};

export const formFailure = (err: unknown, conflictField = '_form'): { errors: FormErrors; status: number } | null => {
  if (err instanceof Invalid) return { errors: firstErrors(err.problems), status: 400 };
  if (err instanceof Conflict)
    return { errors: { [conflictField]: { field: conflictField, key: err.key } }, status: 409 };
  if (err instanceof RateLimited)
    return { errors: { _form: { field: '_form', key: 'accounts.errors.locked' } }, status: 429 };
  return null;
};
