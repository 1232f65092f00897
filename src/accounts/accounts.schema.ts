import { z } from 'zod';
import { optionalText, requiredText } from '../shared/validation.ts';
import { STAFF_ROLES } from '../policy/principal.ts';

// One zod schema per form; messages are i18n keys. Passphrases are never trimmed (spaces may be
// part of them) and never echoed back into a form.

export const PASSPHRASE_MIN = 12;
export const PASSPHRASE_MAX = 256;
export const PSEUDONYM_MIN = 3;
export const PSEUDONYM_MAX = 40;
/** Typed at login or recovery: bounded, not checked against the rules (spaces are collapsed after). */
export const TYPED_PSEUDONYM_MAX = PSEUDONYM_MAX * 4;
/** Any passphrase typed to log in or confirm: bounded so that a huge body cannot cost Argon2 time. */
export const TYPED_PASSPHRASE_MAX = PASSPHRASE_MAX * 4;
export const ORGANISATION_NAME_MAX = 120;
export const RECOVERY_CODE_MAX = 64;
/** Six digits, with room for the spaces an app shows ("123 456") or a phone keyboard adds. */
export const CODE_MAX = 12;

export const pseudonymField = z.preprocess(
  (v) => (typeof v === 'string' ? v.normalize('NFC').trim().replace(/\s+/g, ' ') : v),
  z
    .string({ message: 'errors.required' })
    .min(1, 'errors.required')
    .min(PSEUDONYM_MIN, 'accounts.errors.pseudonymShort')
    .max(PSEUDONYM_MAX, 'accounts.errors.pseudonymLong')
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, 'accounts.errors.pseudonymChars'),
);

/**
 * The example in the passphrase hint (accounts.hints.passphrase, in both languages): frightened
 * people copy examples, and whoever guesses passphrases tries them first.
 */
export const EXAMPLE_PASSPHRASES = ['синий чайник стоит на окне', 'blue kettle on the window'] as const;

/** The same words however typed: case, ё/е, spaces, the quotes and the full stop copied with them. */
const wordsOf = (v: string): string =>
  v
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"“”„'‘’.!]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const EXAMPLES = new Set<string>(EXAMPLE_PASSPHRASES.map(wordsOf));

export const isExamplePassphrase = (v: string): boolean => EXAMPLES.has(wordsOf(v));

const newPassphrase = z
  .string({ message: 'errors.required' })
  .min(1, 'errors.required')
  .refine((v) => [...v].length >= PASSPHRASE_MIN, 'accounts.errors.passphraseShort')
  .refine((v) => [...v].length <= PASSPHRASE_MAX, 'accounts.errors.passphraseLong')
  .refine((v) => !isExamplePassphrase(v), 'accounts.errors.passphraseIsExample');

/** Any typed passphrase (login): only bounded, so a huge body cannot cost Argon2 time. */
const anyPassphrase = z
  .string({ message: 'errors.required' })
  .min(1, 'errors.required')
  .max(TYPED_PASSPHRASE_MAX, 'accounts.errors.passphraseLong');

/** The passphrase typed again: it cannot match if it is longer than a passphrase may be. */
const confirmField = z
  .string({ message: 'errors.required' })
  .min(1, 'errors.required')
  .refine((v) => [...v].length <= PASSPHRASE_MAX, 'accounts.errors.passphraseLong');

const confirmed = <T extends { passphrase: string; confirm: string }>(v: T, ctx: z.RefinementCtx) => {
  if (v.passphrase !== v.confirm)
    ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'accounts.errors.confirmMismatch' });
};

export const registerSchema = z
  .object({
    pseudonym: pseudonymField,
    passphrase: newPassphrase,
    confirm: confirmField,
  })
  .superRefine(confirmed)
  .superRefine((v, ctx) => {
    if (v.passphrase.trim().toLowerCase() === v.pseudonym.toLowerCase())
      ctx.addIssue({ code: 'custom', path: ['passphrase'], message: 'accounts.errors.passphraseIsPseudonym' });
  });

export const loginSchema = z.object({ pseudonym: requiredText(TYPED_PSEUDONYM_MAX), passphrase: anyPassphrase });

export const codeSchema = z.object({
  code: z
    .string({ message: 'errors.required' })
    .max(CODE_MAX)
    .transform((v) => v.replace(/\s/g, ''))
    .pipe(
      z
        .string()
        .min(1, 'errors.required')
        .regex(/^\d{6}$/, 'accounts.errors.codeFormat'),
    ),
});

export const recoverSchema = z
  .object({
    pseudonym: requiredText(TYPED_PSEUDONYM_MAX),
    code: requiredText(RECOVERY_CODE_MAX),
    passphrase: newPassphrase,
    confirm: confirmField,
  })
  .superRefine(confirmed);

export const reauthSchema = z.object({ passphrase: anyPassphrase });

export const changePassphraseSchema = z
  .object({
    current: anyPassphrase,
    passphrase: newPassphrase,
    confirm: confirmField,
  })
  .superRefine(confirmed);

/** A new staff member (invite) or the first administrator (setup). */
export const acceptInviteSchema = registerSchema;

export const resetSchema = z.object({ passphrase: newPassphrase, confirm: confirmField }).superRefine(confirmed);

export const INVITABLE_ROLES = STAFF_ROLES.filter((r) => r !== 'site_admin');

export const inviteSchema = z.object({
  organisationId: z.string({ message: 'errors.required' }).min(1, 'errors.required').max(64),
  role: z.enum(INVITABLE_ROLES as [string, ...string[]], { message: 'errors.unknownOption' }),
});

export const organisationSchema = z.object({
  name: requiredText(ORGANISATION_NAME_MAX).pipe(z.string().min(2, 'accounts.errors.organisationShort')),
});

/** What an organisation says of itself to families: a short paragraph, not a web page. */
export const ORGANISATION_ABOUT_MAX = 600;

export const organisationAboutSchema = z.object({
  organisationId: z.string().min(1).max(64),
  about_ru: optionalText(ORGANISATION_ABOUT_MAX),
  about_en: optionalText(ORGANISATION_ABOUT_MAX),
});

export const setupSchema = z
  .object({
    pseudonym: pseudonymField,
    passphrase: newPassphrase,
    confirm: confirmField,
    organisation: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
      z.string().min(2, 'accounts.errors.organisationShort').max(ORGANISATION_NAME_MAX).optional(),
    ),
  })
  .superRefine(confirmed);
