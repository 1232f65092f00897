import { randomBytes } from 'node:crypto';
import {
  derivePassphraseKeys,
  hashToken,
  newSalt,
  verifierMatches,
  type Argon2Params,
  type PassphraseKeys,
} from './passphrase.ts';

// Receipt codes (docs/threat-model.md §13), for whoever writes to an organisation without an
// account: a tip's sender (src/tips/) and a relative asking for a registry record to be removed or
// corrected (src/registry/). A code is 24 characters of Crockford base32, shown as six groups of
// four: the first 8 (40 bits) are the lookup id, stored in clear to find the row without trying
// every hash; the last 16 (80 bits) are the secret. The whole code goes through one Argon2id run
// with the row's own salt (the deployment's passphrase cost): the first half of the output proves
// the code (only its SHA-256 is kept), the second half unwraps the row's key. So a seized
// database gives an offline guesser 80 bits of secret per row, each guess costing one Argon2id
// run, and an online guesser is locked per lookup id after 5 failures (each domain's service).

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const LOOKUP_CHARS = 8;
export const SECRET_CHARS = 16;
export const CODE_CHARS = LOOKUP_CHARS + SECRET_CHARS;
const CODE_RE = new RegExp(`^[${CROCKFORD}]{${CODE_CHARS}}$`);

const randomChars = (n: number): string => Array.from(randomBytes(n), (b) => CROCKFORD[b & 31]).join('');

/** A fresh code, normalised (no dashes). 256 is a multiple of 32, so every character is uniform. */
export const newReceiptCode = (): string => randomChars(CODE_CHARS);

/** XXXX-XXXX-XXXX-XXXX-XXXX-XXXX: easy to copy by hand. */
export const formatReceiptCode = (code: string): string => code.match(/.{4}/g)!.join('-');

/**
 * Cyrillic capitals drawn like the code's Latin letters and digits: a code copied on paper is
 * typed back on a Russian keyboard without switching layout (Н for H, З for 3).
 */
const LOOKALIKES: Record<string, string> = {
  А: 'A',
  В: 'B',
  С: 'C',
  Е: 'E',
  Н: 'H',
  К: 'K',
  М: 'M',
  О: 'O',
  Р: 'P',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  З: '3',
};

/** Case, spaces, dashes, Cyrillic look-alikes and the letters people read as digits (O, I, L) do not matter. */
export const normaliseReceiptCode = (typed: string): string | null => {
  const code = typed
    .toUpperCase()
    .replace(/[\s\-–—.]/g, '')
    .replace(/[АВСЕНКМОРТХУЗ]/g, (ch) => LOOKALIKES[ch])
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  return CODE_RE.test(code) ? code : null;
};

export const lookupIdOf = (code: string): string => code.slice(0, LOOKUP_CHARS);

/** A new lookup id (the first part of a new code) when the first one drawn is taken. */
export const withNewLookupId = (code: string): string => randomChars(LOOKUP_CHARS) + code.slice(LOOKUP_CHARS);

export const newCodeSalt = newSalt;

/** One Argon2id run: the verifier to compare, the key that unwraps the row's key. */
export const codeKeys = (code: string, salt: string, params: Argon2Params): Promise<PassphraseKeys> =>
  derivePassphraseKeys(code, salt, params);

/** A code whose lookup id no row has yet (a clash is rare: 40 bits; a unique index is the real guard). */
export const freshReceiptCode = async (lookupIdTaken: (lookupId: string) => Promise<boolean>): Promise<string> => {
  let code = newReceiptCode();
  for (let i = 0; i < 5 && (await lookupIdTaken(lookupIdOf(code))); i++) code = withNewLookupId(code);
  return code;
};

const DUMMY_SALT = newSalt();
const DUMMY_VERIFIER = hashToken('no such receipt');

/**
 * The key a typed (normalised) code unwraps, or null when the row is missing or the code wrong.
 * The same Argon2id work either way: the time taken says nothing about whether the lookup id exists.
 */
export const proveReceiptCode = async (
  code: string,
  row: { code_salt: string; code_verifier: string } | undefined,
  params: Argon2Params,
): Promise<Buffer | null> => {
  const { verifier, kek } = await codeKeys(code, row?.code_salt ?? DUMMY_SALT, params);
  return verifierMatches(verifier, row?.code_verifier ?? DUMMY_VERIFIER) && row ? kek : null;
};
