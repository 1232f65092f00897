import { z } from 'zod';
import { optionalText } from '../shared/validation.ts';
import { SERVICE_CATEGORIES } from '../people/people.schema.ts';
import { isRegionCode } from '../people/regions.ts';
import { PERSON_STATUSES } from '../cases/status-rules.ts';

// The person search's query string. Every filter is in the URL (GET): the page can be
// bookmarked, paginated by links and used with the back button, with no JavaScript. A value
// that is not one of the list's (a stale link) is ignored rather than refused; a malformed year
// is said so.

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.enum(values).optional()).catch(undefined);

export const ORIGINS = ['case', 'import', 'tip'] as const;

export const personSearchSchema = z.object({
  q: optionalText(100),
  year: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined),
    z
      .string()
      .regex(/^(19|20)\d\d$/, 'search.errors.year')
      .optional(),
  ),
  region: z
    .preprocess((v) => (v === '' ? undefined : v), z.string().max(10).optional())
    .transform((v) => (v && isRegionCode(v) ? v : undefined))
    .catch(undefined),
  unit: optionalText(100),
  category: choice(SERVICE_CATEGORIES),
  status: choice(PERSON_STATUSES),
  origin: choice(ORIGINS),
  page: z.coerce.number().int().min(1).max(500).optional().catch(undefined),
});
export type PersonSearchQuery = z.infer<typeof personSearchSchema>;

/** The query as URL parameters (for the pages' links), empty values left out. */
export const searchParams = (
  q: PersonSearchQuery,
  over: Partial<Record<keyof PersonSearchQuery, string | number>> = {},
): string => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...q, ...over })) if (v !== undefined && v !== '') params.set(k, String(v));
  return params.toString();
};
