import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { createPrivateKey, createPublicKey, diffieHellman } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import {
  DecryptionFailed,
  derivePassphraseKeys,
  generateKeyPair,
  hashToken,
  newSalt,
  open,
  openOptional,
  openText,
  openWith,
  publicKeyOf,
  randomKey,
  randomToken,
  seal,
  sealOptional,
  sealTo,
  verifierMatches,
} from '../../src/shared/crypto/index.ts';

// Round-trip and tamper tests for the primitives everything at rest depends on: any change to a
// sealed value — one bit, a truncated tag, another key, another place (AAD) — fails with
// DecryptionFailed and nothing else, and never yields a plaintext.

const b64 = (b: Buffer) => b.toString('base64url');
const unb64 = (s: string) => Buffer.from(s, 'base64url');

/** Flips one bit of part `part` (1 nonce, 2 ciphertext, 3 tag) of an AEAD string. */
const flip = (sealed: string, part: number, bit: number): string => {
  const parts = sealed.split('.');
  const bytes = unb64(parts[part]);
  if (bytes.length === 0) return sealed;
  bytes[Math.floor(bit / 8) % bytes.length] ^= 1 << (bit % 8);
  parts[part] = b64(bytes);
  return parts.join('.');
};

const cryptoIndex = fileURLToPath(new URL('../../src/shared/crypto/index.ts', import.meta.url));
describe('AES-256-GCM seal/open', () => {
  it('round-trips any text and bytes under any AAD', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.uint8Array({ maxLength: 300 }),
        fc.string({ maxLength: 60 }),
        (text, bytes, aad) => {
          const key = randomKey();
          expect(openText(key, seal(key, text, aad), aad)).toBe(text);
          expect(open(key, seal(key, Buffer.from(bytes), aad), aad).equals(Buffer.from(bytes))).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never seals the same plaintext the same way twice (random nonce)', () => {
    const key = randomKey();
    const a = seal(key, 'Сын не выходит на связь', 'case:1:narrative');
    const b = seal(key, 'Сын не выходит на связь', 'case:1:narrative');
    expect(a).not.toBe(b);
    expect(a.split('.')[1]).not.toBe(b.split('.')[1]);
  });

  it('refuses any flipped bit in nonce, ciphertext or tag', () => {
    const key = randomKey();
    const sealed = seal(key, 'Жив ли он и где его держат', 'case:7:wants');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.nat(8 * 64), (part, bit) => {
        const bad = flip(sealed, part, bit);
        expect(() => open(key, bad, 'case:7:wants')).toThrow(DecryptionFailed);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses another key, another place (AAD), a truncated or extended tag, and malformed strings', () => {
    const key = randomKey();
    const sealed = seal(key, 'текст', 'case:1:narrative');
    const [v, n, c, t] = sealed.split('.');
    const tag = unb64(t);
    const bad = [
      [randomKey(), sealed, 'case:1:narrative'],
      [key, sealed, 'case:2:narrative'],
      [key, sealed, 'case:1:wants'],
      [key, [v, n, c, b64(tag.subarray(0, 12))].join('.'), 'case:1:narrative'],
      [key, [v, n, c, b64(tag.subarray(0, 4))].join('.'), 'case:1:narrative'],
      [key, [v, n, c, b64(Buffer.concat([tag, Buffer.from([0])]))].join('.'), 'case:1:narrative'],
      [key, [v, n, c, ''].join('.'), 'case:1:narrative'],
      [key, [v, '', c, t].join('.'), 'case:1:narrative'],
      [key, ['g2', n, c, t].join('.'), 'case:1:narrative'],
      [key, [v, n, c].join('.'), 'case:1:narrative'],
      [key, '', 'case:1:narrative'],
      [key, 'not sealed at all', 'case:1:narrative'],
      [key.subarray(0, 16), sealed, 'case:1:narrative'],
    ] as const;
    for (const [k, s, aad] of bad) expect(() => open(k as Buffer, s, aad), `${s} / ${aad}`).toThrow(DecryptionFailed);
    expect(() => seal(key.subarray(0, 16), 'x', 'a')).toThrow();
  });

  it('passes null through optional fields, and an empty text counts as none', () => {
    const key = randomKey();
    expect(sealOptional(key, null, 'a')).toBeNull();
    expect(sealOptional(key, undefined, 'a')).toBeNull();
    expect(sealOptional(key, '', 'a')).toBeNull();
    expect(openOptional(key, null, 'a')).toBeNull();
    expect(openOptional(key, sealOptional(key, 'место', 'a'), 'a')).toBe('место');
  });
});

describe('X25519 envelopes sealTo/openWith', () => {
  it('round-trip to the recipient, and the public key follows from the private one', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.string({ maxLength: 40 }), (data, aad) => {
        const kp = generateKeyPair();
        expect(publicKeyOf(kp.privateKey)).toBe(kp.publicKey);
        expect(
          openWith(kp.privateKey, sealTo(kp.publicKey, Buffer.from(data), aad), aad).equals(Buffer.from(data)),
        ).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("makes a fresh 32-byte private key each time, and derives public keys as RFC 7748's test vectors say", () => {
    const a = generateKeyPair();
    const b = generateKeyPair();
    expect(a.privateKey).toHaveLength(32);
    expect(a.privateKey.equals(b.privateKey)).toBe(false);
    expect(a.publicKey).not.toBe(b.publicKey);
    // RFC 7748, section 6.1: Alice's and Bob's keys and their shared secret. Keys stored before
    // generateKeyPair stopped using generateKeyPairSync are such 32-byte scalars too.
    const hex = (h: string) => Buffer.from(h, 'hex');
    const alice = hex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a');
    const bob = hex('5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb');
    expect(publicKeyOf(alice)).toBe(
      hex('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a').toString('base64url'),
    );
    expect(publicKeyOf(bob)).toBe(
      hex('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f').toString('base64url'),
    );
    const shared = diffieHellman({
      privateKey: createPrivateKey({
        key: { kty: 'OKP', crv: 'X25519', d: alice.toString('base64url'), x: publicKeyOf(alice) },
        format: 'jwk',
      }),
      publicKey: createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: publicKeyOf(bob) }, format: 'jwk' }),
    });
    expect(shared.toString('hex')).toBe('4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742');
    expect(openWith(bob, sealTo(publicKeyOf(bob), Buffer.from('тест'), 'aad'), 'aad').toString()).toBe('тест');
  });

  it('makes twenty thousand key pairs without freezing the process', () => {
    // generateKeyPairSync deadlocked Node 20 within 2,500–11,500 calls (a collected key-generation
    // job locks a mutex a JWK export holds). Run in a child, so that a deadlock fails this test at
    // its timeout instead of freezing the test run.
    const code = `const { generateKeyPair } = await import(${JSON.stringify(cryptoIndex)});
      for (let i = 0; i < 20000; i++) generateKeyPair();
      console.log('made');`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      encoding: 'utf8',
      timeout: 50_000,
    });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('made');
  }, 60_000);

  it('refuses another private key, another AAD, a swapped ephemeral key, flipped bits and malformed boxes', () => {
    const kp = generateKeyPair();
    const key = randomKey();
    const boxed = sealTo(kp.publicKey, key, 'case:1:key');
    const other = generateKeyPair();
    const swapped = `x1.${other.publicKey}.${boxed.split('.').slice(2).join('.')}`;
    const bad = [
      [generateKeyPair().privateKey, boxed, 'case:1:key'],
      [kp.privateKey, boxed, 'case:2:key'],
      [kp.privateKey, swapped, 'case:1:key'],
      [kp.privateKey, `x1.${'A'.repeat(43)}.${boxed.split('.').slice(2).join('.')}`, 'case:1:key'],
      [kp.privateKey, `x2${boxed.slice(2)}`, 'case:1:key'],
      [kp.privateKey, 'x1.', 'case:1:key'],
      [kp.privateKey, '', 'case:1:key'],
      [Buffer.alloc(5), boxed, 'case:1:key'],
    ] as const;
    for (const [k, b, aad] of bad)
      expect(() => openWith(k as Buffer, b, aad), b.slice(0, 20)).toThrow(DecryptionFailed);
    const inner = boxed.slice(boxed.indexOf('.', 3) + 1);
    for (const part of [1, 2, 3]) {
      for (const bit of [0, 9, 77]) {
        const tampered = boxed.slice(0, boxed.indexOf('.', 3) + 1) + flip(inner, part, bit);
        expect(() => openWith(kp.privateKey, tampered, 'case:1:key')).toThrow(DecryptionFailed);
      }
    }
  });
});

describe('passphrase keys (Argon2id)', () => {
  const params = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

  it('derives the same verifier and KEK for the same passphrase and salt, different ones otherwise', async () => {
    const salt = newSalt();
    const a = await derivePassphraseKeys('верба снег окно', salt, params);
    const b = await derivePassphraseKeys('верба снег окно', salt, params);
    expect(verifierMatches(a.verifier, b.verifier)).toBe(true);
    expect(a.kek.equals(b.kek)).toBe(true);
    const c = await derivePassphraseKeys('верба снег окна', salt, params);
    const d = await derivePassphraseKeys('верба снег окно', newSalt(), params);
    for (const x of [c, d]) {
      expect(verifierMatches(a.verifier, x.verifier)).toBe(false);
      expect(a.kek.equals(x.kek)).toBe(false);
    }
    // The verifier and the KEK are different halves: knowing one says nothing of the other.
    expect(unb64(a.verifier).equals(a.kek)).toBe(false);
  });

  it('treats composed and decomposed Unicode as the same passphrase (NFC)', async () => {
    const salt = newSalt();
    const composed = await derivePassphraseKeys('йод ёж café', salt, params);
    const decomposed = await derivePassphraseKeys('йод ёж café'.normalize('NFD'), salt, params);
    expect(composed.kek.equals(decomposed.kek)).toBe(true);
  });

  it('a sealed private key opens only with its KEK', async () => {
    const salt = newSalt();
    const { kek } = await derivePassphraseKeys('правильная фраза', salt, params);
    const { kek: wrong } = await derivePassphraseKeys('неправильная фраза', salt, params);
    const kp = generateKeyPair();
    const sealed = seal(kek, kp.privateKey, 'user:1:private-key');
    expect(open(kek, sealed, 'user:1:private-key').equals(kp.privateKey)).toBe(true);
    expect(() => open(wrong, sealed, 'user:1:private-key')).toThrow(DecryptionFailed);
  });

  it('compares verifiers safely and hashes tokens deterministically', () => {
    expect(verifierMatches('abc', 'abcd')).toBe(false);
    expect(verifierMatches('', '')).toBe(true);
    const token = randomToken();
    expect(unb64(token)).toHaveLength(32);
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).not.toBe(hashToken(randomToken()));
    expect(hashToken(token)).not.toContain(token);
  });
});
