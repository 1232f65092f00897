import { z } from 'zod';
import { optionalText, requiredText } from '../shared/validation.ts';
import { inFuture, isMissingDay, isShortYear, parsePartialDate, type PartialDate } from './partial-date.ts';
import { isRegionCode } from './regions.ts';

export const SERVICE_CATEGORIES = [
  'conscript',
  'contract',
  'mobilised',
  'volunteer',
  'convict_recruit',
  'pmc',
  'unknown',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

/** Field lengths, shared by the schema and the form's maxlength (people.views.tsx). */
export const PERSON_LIMITS = { name: 100, date: 20, unitNumber: 40, unitName: 200, rank: 80 } as const;

// Any script, as typed: letters and marks of any alphabet, with the spaces, hyphens,
// apostrophes and dots real names carry (Мамедов-Оглы, O'Neil, Абдулла угли). Digits and
// symbols are refused: they are always a typo or a paste of something else.
const NAME_RE = /^[\p{L}\p{M}][\p{L}\p{M}\s'’.-]*$/u;

/**
 * Trimmed required text. Not forms.tsx's requiredText: there the string's own message
 * ("errors.required") also replaces the max-length message, so "too long" read "required".
 */
export const requiredField = requiredText;

const requiredName = () =>
  requiredField(PERSON_LIMITS.name).refine((v) => v === '' || NAME_RE.test(v), 'people.errors.nameChars');
const optionalName = () =>
  optionalText(PERSON_LIMITS.name).refine((v) => v === undefined || NAME_RE.test(v), 'people.errors.nameChars');

/**
 * A date of day, month or year precision, never after `today`. Empty is allowed unless
 * `required`. The parsed value replaces the text.
 */
export const partialDateField = (today: string, opts: { required?: boolean; minYear?: number } = {}) =>
  z
    .preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().max(PERSON_LIMITS.date).optional())
    .transform((v, ctx): PartialDate | undefined => {
      if (v === undefined || v === '') {
        if (opts.required) ctx.addIssue({ code: 'custom', message: 'errors.required' });
        return undefined;
      }
      const d = parsePartialDate(v);
      if (!d || Number(d.value.slice(0, 4)) < (opts.minYear ?? 1900)) {
        // Sent back to the example in the field's own hint (every date field has one: DateField):
        // the general «Напишите год (1998)… (03.2024)…» under «last contact», whose hint says
        // 03.2025 and 14.03.2025, gave two sets of examples (QA walk 9).
        const message = d
          ? 'errors.badPartialDate'
          : isMissingDay(v)
            ? 'errors.noSuchDay'
            : isShortYear(v)
              ? 'errors.shortYear'
              : 'errors.badPartialDate';
        ctx.addIssue({ code: 'custom', message });
        return undefined;
      }
      if (inFuture(d, today)) {
        ctx.addIssue({ code: 'custom', message: 'people.errors.futureDate' });
        return undefined;
      }
      return d;
    });

/** The person part of the tracing-request form (field names match the form). */
export const personFields = (today: string) => ({
  surname: requiredName(),
  given_name: requiredName(),
  patronymic: optionalName(),
  birth_date: partialDateField(today),
  region: optionalText(10).refine((v) => v === undefined || isRegionCode(v), 'errors.unknownRegion'),
  unit_number: optionalText(PERSON_LIMITS.unitNumber),
  unit_name: optionalText(PERSON_LIMITS.unitName),
  rank: optionalText(PERSON_LIMITS.rank),
  service_category: z.preprocess((v) => (v === '' || v === undefined ? 'unknown' : v), z.enum(SERVICE_CATEGORIES)),
});

export const personSchema = (today: string) => z.object(personFields(today));
export type PersonInput = z.infer<ReturnType<typeof personSchema>>;
