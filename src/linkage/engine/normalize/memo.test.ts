import { describe, expect, it } from 'vitest';
import { forgetMemos, memo } from './memo.ts';

describe('memo', () => {
  it('answers a repeated question from its cache, and asks again after forgetMemos', () => {
    let asked = 0;
    const upper = memo((s: string) => {
      asked++;
      return s.toUpperCase();
    });
    expect([upper('иван'), upper('пётр'), upper('иван')]).toEqual(['ИВАН', 'ПЁТР', 'ИВАН']);
    expect(asked).toBe(2);
    forgetMemos();
    // The last question is forgotten too, not only the cache.
    expect(upper('иван')).toBe('ИВАН');
    expect(asked).toBe(3);
  });

  it('drops its cache when full and stays right', () => {
    let asked = 0;
    const double = memo((s: string) => {
      asked++;
      return s + s;
    }, 2);
    for (const s of ['a', 'b', 'c', 'a']) expect(double(s)).toBe(s + s);
    expect(asked).toBe(4);
  });
});
