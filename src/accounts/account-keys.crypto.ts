import { randomBytes } from 'node:crypto';
import { hkdfSync, randomUUID } from 'node:crypto';
import type { Config } from '../config.ts';
import { derivePassphraseKeys, generateKeyPair, newSalt, seal, type KeyPair } from '../shared/crypto/index.ts';

// Where each wrapped secret lives, as AAD strings: a ciphertext copied into another row or
// another purpose fails to open. Keep these stable: changing one makes stored data unreadable.
export const aad = {
  userPrivateKey: (userId: string) => `user:${userId}:private-key`,
  userTotp: (userId: string) => `user:${userId}:totp`,
  orgWrap: (orgId: string, userId: string) => `org:${orgId}:user:${userId}`,
  session: (idHash: string) => `session:${idHash}:private-key`,
  pendingTotp: (idHash: string) => `session:${idHash}:pending-totp`,
  pendingCodes: (idHash: string) => `session:${idHash}:recovery-codes`,
  recovery: (codeId: string) => `recovery:${codeId}`,
  invite: (inviteId: string) => `invite:${inviteId}`,
};

/** A key from a high-entropy random token (recovery code, invite token): HKDF is enough, no Argon2. */
export const tokenKey = (token: string, purpose: 'recovery' | 'invite'): Buffer =>
  Buffer.from(hkdfSync('sha256', Buffer.from(token, 'utf8'), Buffer.alloc(0), `kintrace-${purpose}-v1`, 32));

export const newId = (): string => randomUUID();

/**
 * Pseudonyms are compared through a folded key: case, Unicode form and Latin letters that look
 * like Cyrillic ones are folded, so nobody can register "Мама" with a Latin "a" next to an
 * existing "Мама" and pass for her in a cohort thread.
 */
const LOOKALIKES: Record<string, string> = {
  a: 'а',
  b: 'в',
  c: 'с',
  e: 'е',
  h: 'н',
  k: 'к',
  m: 'м',
  o: 'о',
  p: 'р',
  t: 'т',
  x: 'х',
  y: 'у',
  '0': 'о',
  '3': 'з',
};
export const pseudonymKey = (pseudonym: string): string =>
  pseudonym
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s._-]+/g, ' ')
    .trim()
    .replace(/[a-z0-9]/g, (ch) => LOOKALIKES[ch] ?? ch);

export const organisationNameKey = (name: string): string =>
  name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

export interface NewUserSecrets {
  id: string;
  keyPair: KeyPair;
  salt: string;
  verifier: string;
  privateKeySealed: string;
  kek: Buffer;
}

/** Everything a new account stores, derived outside any transaction (Argon2 is slow on purpose). */
export const newUserSecrets = async (
  passphrase: string,
  config: Pick<Config, 'argon2'>,
  keyPair: KeyPair = generateKeyPair(),
): Promise<NewUserSecrets> => {
  const id = newId();
  const salt = newSalt();
  const { verifier, kek } = await derivePassphraseKeys(passphrase, salt, config.argon2);
  return { id, keyPair, salt, verifier, kek, privateKeySealed: seal(kek, keyPair.privateKey, aad.userPrivateKey(id)) };
};

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** 24 characters from 31 unambiguous ones (about 119 bits), in groups of four for typing. */
export const generatePassphrase = (): string => {
  const out: string[] = [];
  while (out.length < 24) {
    const b = randomBytes(1)[0];
    if (b < 248) out.push(ALPHABET[b % 31]); // 248 = 8 * 31: no modulo bias
  }
  return out.join('').match(/.{4}/g)!.join('-');
};
