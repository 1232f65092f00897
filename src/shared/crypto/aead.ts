import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// AES-256-GCM with a random 96-bit nonce. The "aad" binds a ciphertext to where it belongs
// (for example "case:<id>:narrative"), so a ciphertext copied into another row fails to open.
// Format: "g1.<nonce>.<ciphertext>.<tag>" in base64url, text so it fits both databases.

const VERSION = 'g1';

export class DecryptionFailed extends Error {
  constructor() {
    super('decryption failed');
  }
}

export const randomKey = (): Buffer => randomBytes(32);

export const seal = (key: Buffer, plaintext: string | Buffer, aad: string): string => {
  if (key.length !== 32) throw new Error('key must be 32 bytes');
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: 16 });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
  const ct = Buffer.concat([cipher.update(data), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, nonce.toString('base64url'), ct.toString('base64url'), tag.toString('base64url')].join('.');
};

export const open = (key: Buffer, sealed: string, aad: string): Buffer => {
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION || key.length !== 32) throw new DecryptionFailed();
  try {
    // authTagLength pins the tag to 16 bytes: without it Node accepts a tag cut to as little as
    // 4 bytes, and a forger then needs only about 2^32 tries.
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(parts[1], 'base64url'), { authTagLength: 16 });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(parts[3], 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(parts[2], 'base64url')), decipher.final()]);
  } catch {
    throw new DecryptionFailed();
  }
};

export const openText = (key: Buffer, sealed: string, aad: string): string => open(key, sealed, aad).toString('utf8');

/** Seal that passes null through, for optional encrypted columns. */
export const sealOptional = (key: Buffer, plaintext: string | null | undefined, aad: string): string | null =>
  plaintext === null || plaintext === undefined || plaintext === '' ? null : seal(key, plaintext, aad);

export const openOptional = (key: Buffer, sealed: string | null, aad: string): string | null =>
  sealed === null ? null : openText(key, sealed, aad);
