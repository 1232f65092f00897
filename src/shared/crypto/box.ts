import { createPrivateKey, createPublicKey, diffieHellman, hkdfSync, type KeyObject, randomBytes } from 'node:crypto';
import { DecryptionFailed, open, seal } from './aead.ts';

// Public-key envelopes (X25519 + HKDF-SHA256 + AES-256-GCM), so that anyone can encrypt to an
// organisation or a user without holding any secret: a family's submission is sealed to the
// organisation's public key by a server that cannot read it back.
// Format: "x1.<ephemeral public key>.<aead>".

export interface KeyPair {
  /** raw 32-byte X25519 public key, base64url */
  publicKey: string;
  /** raw 32-byte X25519 private key: never stored in clear */
  privateKey: Buffer;
}

/**
 * A new key pair: 32 random bytes are an X25519 private key (the scalar is clamped where it is
 * used), and the public key follows from it. Not generateKeyPairSync: on Node 20 a collected
 * key-generation job locks a mutex in its destructor that a JWK export holds while it allocates,
 * so a garbage collection at that moment deadlocks the process for good (seen once in CI: the main
 * thread waiting on a futex in ~KeyGenJob under ExportJWKEdKey, a PostgreSQL transaction left open).
 */
export const generateKeyPair = (): KeyPair => {
  const privateKey = randomBytes(32);
  return { publicKey: publicKeyOf(privateKey), privateKey };
};

const publicKeyObject = (raw: string): KeyObject =>
  createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw }, format: 'jwk' });

const privateJwk = (raw: Buffer, x: string) =>
  ({ key: { kty: 'OKP', crv: 'X25519', d: raw.toString('base64url'), x }, format: 'jwk' }) as const;

/** The raw public key of a raw private key (the JWK import reads d; an empty x is not checked). */
export const publicKeyOf = (privateKey: Buffer): string =>
  createPublicKey(createPrivateKey(privateJwk(privateKey, ''))).export({ format: 'jwk' }).x as string;

/** A private key object from the raw key and its public key (publicKeyOf), derived once by the caller. */
const privateKeyObject = (raw: Buffer, publicKey: string): KeyObject => createPrivateKey(privateJwk(raw, publicKey));

const boxKey = (shared: Buffer, ephPub: string, recipientPub: string): Buffer =>
  Buffer.from(hkdfSync('sha256', shared, Buffer.from(`${ephPub}.${recipientPub}`), 'kintrace-box-v1', 32));

export const sealTo = (recipientPublicKey: string, data: Buffer, aad: string): string => {
  const eph = generateKeyPair();
  const shared = diffieHellman({
    privateKey: privateKeyObject(eph.privateKey, eph.publicKey),
    publicKey: publicKeyObject(recipientPublicKey),
  });
  return `x1.${eph.publicKey}.${seal(boxKey(shared, eph.publicKey, recipientPublicKey), data, aad)}`;
};

export const openWith = (privateKey: Buffer, boxed: string, aad: string): Buffer => {
  const dot = boxed.indexOf('.', 3);
  if (!boxed.startsWith('x1.') || dot < 0) throw new DecryptionFailed();
  const ephPub = boxed.slice(3, dot);
  let shared: Buffer;
  let recipientPub: string;
  try {
    recipientPub = publicKeyOf(privateKey);
    shared = diffieHellman({
      privateKey: privateKeyObject(privateKey, recipientPub),
      publicKey: publicKeyObject(ephPub),
    });
  } catch {
    throw new DecryptionFailed();
  }
  return open(boxKey(shared, ephPub, recipientPub), boxed.slice(dot + 1), aad);
};
