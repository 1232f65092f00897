import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CODE_CHARS,
  formatReceiptCode,
  LOOKUP_CHARS,
  lookupIdOf,
  newReceiptCode,
  normaliseReceiptCode,
  SECRET_CHARS,
} from './receipt-code.ts';

describe('receipt codes', () => {
  it('carry at least 80 bits of secret besides a 40-bit lookup id', () => {
    expect(SECRET_CHARS * 5).toBeGreaterThanOrEqual(80);
    expect(LOOKUP_CHARS * 5).toBe(40);
    const codes = new Set(Array.from({ length: 2000 }, newReceiptCode));
    expect(codes.size).toBe(2000);
    for (const c of codes) expect(c).toHaveLength(CODE_CHARS);
    // Every one of the 32 characters turns up in every position over many codes (uniform draw).
    const firsts = new Set([...codes].map((c) => c[LOOKUP_CHARS]));
    expect(firsts.size).toBe(32);
  });

  it('reads back however it was copied: case, spaces, dashes, O for 0, I and L for 1', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Array.from({ length: 50 }, newReceiptCode)), fc.boolean(), (code, dashes) => {
        const shown = dashes ? formatReceiptCode(code) : code;
        const sloppy = shown.toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l').replace(/-/g, ' - ');
        expect(normaliseReceiptCode(sloppy)).toBe(code);
        expect(lookupIdOf(normaliseReceiptCode(sloppy)!)).toBe(code.slice(0, 8));
      }),
    );
    // Typed on a Russian keyboard: the Cyrillic letters that look like the code's Latin ones.
    expect(normaliseReceiptCode('5нтg-sт3g-6тns-6н7о-т0мd-dzr9')).toBe('5HTGST3G6TNS6H70T0MDDZR9');
    expect(normaliseReceiptCode('АВСЕ НКМР ТХУЗ 0000 0000 0000')).toBe('ABCEHKMPTXY3000000000000');
    expect(normaliseReceiptCode('ABC')).toBeNull();
    expect(normaliseReceiptCode(`${newReceiptCode()}X`)).toBeNull();
    expect(normaliseReceiptCode('UUUUUUUUUUUUUUUUUUUUUUUU')).toBeNull();
  });
});
