import { z } from 'zod';
import { Invalid, type FieldProblem } from './errors.ts';

// Input validation shared by every face of the app (web forms, the command line, imports): one
// zod schema per input whose messages are i18n keys ("errors.required"). A failed parse becomes
// Invalid with field-level problems; each face shows them in its own way.

/** The text a too-long field held, as typed (trimmed, as the schemas read it); undefined when it is not text. */
const typedLength = (body: unknown, path: readonly PropertyKey[]): number | undefined => {
  let v: unknown = body;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return typeof v === 'string' ? v.trim().length : undefined;
};

const problemFromIssue = (issue: z.core.$ZodIssue, body: unknown): FieldProblem => {
  const field = issue.path.map(String).join('.') || '_form';
  if (issue.message.includes('.') && !issue.message.includes(' ')) return { field, key: issue.message };
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1
        ? { field, key: 'errors.required' }
        : { field, key: 'errors.tooShort', params: { min: Number(issue.minimum) } };
    case 'too_big': {
      // With JavaScript off there is no counter beside the box: say how much is there now
      // (QA walk 12: 672 characters refused with «не больше 600» and nothing more).
      const count = issue.origin === 'string' ? typedLength(body, issue.path) : undefined;
      return count !== undefined && count > Number(issue.maximum)
        ? { field, key: 'errors.tooLongNow', params: { max: Number(issue.maximum), count } }
        : { field, key: 'errors.tooLong', params: { max: Number(issue.maximum) } };
    }
    case 'invalid_value':
      return { field, key: 'errors.unknownOption' };
    case 'invalid_type':
      return { field, key: issue.input === undefined ? 'errors.required' : 'errors.invalid' };
    default:
      return { field, key: 'errors.invalid' };
  }
};

/** Parses an input (a form body, command-line options) or throws Invalid. Unknown fields are stripped by zod objects. */
export const parseForm = <S extends z.ZodType>(schema: S, body: unknown): z.infer<S> => {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  throw new Invalid(result.error.issues.map((issue) => problemFromIssue(issue, body)));
};

/** Trimmed string; empty becomes undefined so optional fields stay optional. */
export const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
    z.string().max(max).optional(),
  );

// The type error is "required" only when the field is missing: a schema-wide message would also
// replace the max-length message (zod 4).
export const requiredText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z
      .string({ error: (iss) => (iss.input === undefined ? 'errors.required' : undefined) })
      .min(1, 'errors.required')
      .max(max),
  );
