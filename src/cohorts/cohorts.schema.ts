import { z } from 'zod';
import { optionalText, requiredText } from '../shared/validation.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { HIDE_REASONS, waveOf } from './cohorts.service.ts';
import { NAME_CHARS, NAME_MAX, NAME_MIN } from './family-names.ts';
import { REMOVE_REASONS } from './board-members.service.ts';
import { containsPhoneNumber } from './phone-numbers.ts';

// One schema per cohort form; messages are i18n keys.

export const optInSchema = z.object({
  opt_in: z.enum(['yes', 'no'], { error: 'errors.unknownOption' }),
  // Joining (or changing what one shares) takes a tick under the warning that anyone may be on
  // the board; leaving does not.
  understood: z.literal('yes', { error: 'cohorts.errors.understood' }).optional(),
  colony: optionalText(60),
  // Kept as the ISO month ("2022-09") or year the cohort key is made of, never as typed.
  mobilisation_wave: optionalText(20)
    .refine((v) => v === undefined || parsePartialDate(v) !== null, 'cohorts.errors.wave')
    .transform((v) => (v === undefined ? undefined : (waveOf(v) ?? undefined))),
});

export const boardPostSchema = z.object({
  body: requiredText(2000).refine((v) => !containsPhoneNumber(v), 'cohorts.errors.phone'),
});

export const hideSchema = z.object({ reason: z.enum(HIDE_REASONS, { error: 'errors.unknownOption' }) });

// A family's name on one board; empty goes back to the board's label for it. The rules that need
// the login or the board's other names are the service's (board-names.service.ts).
export const boardNameSchema = z.object({
  display_name: z.preprocess(
    (v) => (typeof v === 'string' ? v.normalize('NFC').trim().replace(/\s+/g, ' ') || undefined : v),
    z
      .string()
      .min(NAME_MIN)
      .max(NAME_MAX)
      .regex(NAME_CHARS, 'cohorts.errors.nameChars')
      .refine((v) => !containsPhoneNumber(v), 'cohorts.errors.phone')
      .optional(),
  ),
});

// Leaving a board, confirmed on its own page (the route shows that page for a form without the
// confirmation); the family may ask that its posts be hidden from the other families.
export const leaveSchema = z.object({
  confirm: z.literal('yes'),
  hide_posts: z.literal('yes', { error: 'errors.unknownOption' }).optional(),
});

// Staff removing a family, confirmed on its own page: which family (a post of it on the board, or
// its case) and why, as a code. The family is resolved by the service.
export const removeFamilySchema = z.object({
  confirm: z.literal('yes'),
  post: optionalText(40),
  case: optionalText(40),
  reason: z.enum(REMOVE_REASONS, { error: 'cohorts.errors.removeReason' }),
});

export const readmitSchema = z.object({ exit: requiredText(40) });
