import { randomBytes } from 'node:crypto';
import { derivePassphraseKeys, newSalt, type Argon2Params, type PassphraseKeys } from '../shared/crypto/index.ts';

// Receipt codes (docs/threat-model.md §13). A code is 24 characters of Crockford base32, shown
// as six groups of four: the first 8 (40 bits) are the lookup id, stored in clear to find the
// tip's row without trying every hash; the last 16 (80 bits) are the secret. The whole code goes
// through one Argon2id run with the tip's own salt (the deployment's passphrase cost): the first
// half of the output proves the code (only its SHA-256 is kept), the second half unwraps the tip
// key. So a seized database gives an offline guesser 80 bits of secret per tip, each guess
// costing one Argon2id run, and an online guesser is locked per lookup id after 5 failures.

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

/** Case, spaces, dashes and the letters people read as digits (O, I, L) do not matter. */
export const normaliseReceiptCode = (typed: string): string | null => {
  const code = typed
    .toUpperCase()
    .replace(/[\s\-–—.]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  return CODE_RE.test(code) ? code : null;
};

export const lookupIdOf = (code: string): string => code.slice(0, LOOKUP_CHARS);

/** A new lookup id (the first part of a new code) when the first one drawn is taken. */
export const withNewLookupId = (code: string): string => randomChars(LOOKUP_CHARS) + code.slice(LOOKUP_CHARS);

export const newCodeSalt = newSalt;

/** One Argon2id run: the verifier to compare, the key that unwraps the tip key. */
export const codeKeys = (code: string, salt: string, params: Argon2Params): Promise<PassphraseKeys> =>
  derivePassphraseKeys(code, salt, params);
