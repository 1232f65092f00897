import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import QRCode from 'qrcode';

// RFC 6238 TOTP: HMAC-SHA1, 30-second steps, 6 digits, one step of drift either way. Each
// accepted code's time step is stored so the same code is never accepted twice.

const STEP_SECONDS = 30;
const DIGITS = 6;
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export const base32Encode = (buf: Buffer): string => {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  return out;
};

export const base32Decode = (text: string): Buffer => {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const idx = B32.indexOf(ch);
    if (idx < 0) throw new Error('not base32');
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
};

/** 160 random bits, the size RFC 4226 recommends for HMAC-SHA1. */
export const newTotpSecret = (): string => base32Encode(randomBytes(20));

export const timeStep = (at: Date): number => Math.floor(at.getTime() / 1000 / STEP_SECONDS);

export const totpAt = (secret: string, step: number): string => {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** DIGITS;
  return code.toString().padStart(DIGITS, '0');
};

/** The code an authenticator app shows at `at` (used by tests and the demo). */
export const totpCode = (secret: string, at: Date): string => totpAt(secret, timeStep(at));

/**
 * Returns the matched time step, or null. A step at or before `lastUsedStep` is refused, so a
 * code seen over a shoulder or replayed from a log cannot be used again.
 */
export const verifyTotp = (secret: string, code: string, at: Date, lastUsedStep: number | null): number | null => {
  const typed = Buffer.from(code.replace(/\s/g, ''));
  if (!/^\d{6}$/.test(typed.toString())) return null;
  const now = timeStep(at);
  let matched: number | null = null;
  for (const step of [now - 1, now, now + 1]) {
    // Compare every candidate so the time taken does not depend on which one matched.
    const ok = timingSafeEqual(Buffer.from(totpAt(secret, step)), typed);
    if (ok && (lastUsedStep === null || step > lastUsedStep) && matched === null) matched = step;
  }
  return matched;
};

export const otpauthUri = (secret: string, account: string, issuer: string): string =>
  `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(account)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;

/**
 * An inline PNG data: URI (the CSP allows data: images; nothing is fetched from elsewhere).
 * PNG, not SVG: Tor Browser's safest mode blocks SVG images, and staff use it too.
 */
export const qrDataUri = (text: string): Promise<string> =>
  QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, scale: 6 });
