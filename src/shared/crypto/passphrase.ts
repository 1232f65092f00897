import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hashRaw } from '@node-rs/argon2';

// Algorithm.Argon2id; the const enum cannot be imported under isolatedModules.
const ARGON2ID = 2;

// One Argon2id run per login yields 64 bytes: the first half proves the passphrase (only its
// SHA-256 is stored, as the verifier), the second half is the key-encryption key that unwraps
// the user's private key. The server stores neither the passphrase nor the KEK.

export interface Argon2Params {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

export interface PassphraseKeys {
  verifier: string;
  kek: Buffer;
}

export const newSalt = (): string => randomBytes(16).toString('base64url');

export const derivePassphraseKeys = async (
  passphrase: string,
  salt: string,
  params: Argon2Params,
): Promise<PassphraseKeys> => {
  const raw = await hashRaw(passphrase.normalize('NFC'), {
    algorithm: ARGON2ID,
    salt: Buffer.from(salt, 'base64url'),
    memoryCost: params.memoryCost,
    timeCost: params.timeCost,
    parallelism: params.parallelism,
    outputLen: 64,
  });
  return {
    verifier: createHash('sha256').update(raw.subarray(0, 32)).digest('base64url'),
    kek: Buffer.from(raw.subarray(32, 64)),
  };
};

export const verifierMatches = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Opaque random token (session ids, invite tokens, recovery codes). */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Tokens are stored only as their SHA-256, so a database copy cannot replay them. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');
