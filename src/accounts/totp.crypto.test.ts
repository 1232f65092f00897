import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, newTotpSecret, timeStep, totpCode, verifyTotp } from './totp.crypto.ts';
import { generatePassphrase } from './account-keys.crypto.ts';
import { newRecoveryCode, normaliseRecoveryCode } from './auth.service.ts';
import { pseudonymKey } from './account-keys.crypto.ts';

describe('TOTP (RFC 6238)', () => {
  const secret = base32Encode(Buffer.from('12345678901234567890'));

  it('matches the RFC 6238 SHA-1 test vectors (last six digits)', () => {
    expect(secret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(totpCode(secret, new Date(59_000))).toBe('287082');
    expect(totpCode(secret, new Date(1_111_111_109_000))).toBe('081804');
    expect(totpCode(secret, new Date(1_234_567_890_000))).toBe('005924');
    expect(totpCode(secret, new Date(2_000_000_000_000))).toBe('279037');
  });

  it('accepts one step of drift either way, not two, and never a step already used', () => {
    const at = new Date('2026-03-02T09:00:10Z');
    const now = timeStep(at);
    expect(verifyTotp(secret, totpCode(secret, new Date(at.getTime() - 30_000)), at, null)).toBe(now - 1);
    expect(verifyTotp(secret, totpCode(secret, new Date(at.getTime() + 30_000)), at, null)).toBe(now + 1);
    expect(verifyTotp(secret, totpCode(secret, new Date(at.getTime() - 60_000)), at, null)).toBeNull();
    expect(verifyTotp(secret, totpCode(secret, at), at, now)).toBeNull();
    expect(verifyTotp(secret, totpCode(secret, at), at, now - 1)).toBe(now);
    expect(verifyTotp(secret, 'abcdef', at, null)).toBeNull();
  });

  it('round-trips base32 and makes 160-bit secrets', () => {
    const s = newTotpSecret();
    expect(base32Decode(s)).toHaveLength(20);
    expect(base32Encode(base32Decode(s))).toBe(s);
  });
});

describe('generated secrets and folded names', () => {
  it('generates strong, typable admin passphrases', () => {
    const p = generatePassphrase();
    expect(p).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){5}$/);
    expect(new Set(Array.from({ length: 50 }, generatePassphrase)).size).toBe(50);
  });

  it('recovery codes survive case, spaces and O/0, I/1 confusion', () => {
    const c = newRecoveryCode();
    expect(c).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    expect(normaliseRecoveryCode(` ${c.toLowerCase().replace(/-/g, ' ')} `)).toBe(normaliseRecoveryCode(c));
    expect(normaliseRecoveryCode('O1IL0')).toBe('01110');
  });

  it('folds pseudonyms so look-alike letters and case do not make a new name', () => {
    expect(pseudonymKey('Мама Ивана')).toBe(pseudonymKey('MAMA  ИВАНА'));
    expect(pseudonymKey('Алёна')).toBe(pseudonymKey('Алена'));
    expect(pseudonymKey('Мама Ивана')).not.toBe(pseudonymKey('Мама Ивано'));
  });
});
