import { describe, expect, it } from 'vitest';
import { damerau, jaroWinkler, PairCache, soundex } from './strings.ts';

describe('string similarity', () => {
  it('Jaro–Winkler gives the textbook values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', 'abc')).toBe(0);
  });
  it('Damerau (OSA) counts a transposition as one edit and stops past the bound', () => {
    expect(damerau('иванов', 'иванов')).toBe(0);
    expect(damerau('иванов', 'иавнов')).toBe(1);
    expect(damerau('ab', 'ba')).toBe(1);
    expect(damerau('abcdef', 'abdcef')).toBe(1);
    expect(damerau('иванов', 'иваное')).toBe(1);
    expect(damerau('kitten', 'sitting', 5)).toBe(3);
    expect(damerau('kitten', 'sitting', 1)).toBe(2);
    expect(damerau('a', 'abcd', 1)).toBe(2);
  });
  it('Soundex', () => {
    expect(soundex('Robert')).toBe('r163');
    expect(soundex('Rupert')).toBe('r163');
    expect(soundex('Tymczak')).toBe('t522');
  });
  describe('the pair cache', () => {
    const level = (x: number, y: number): number => (x * 7 + y * 7 + x * y) % 13;
    it('answers as the function does, either way round, and computes a repeated pair once', () => {
      const cache = new PairCache();
      let computed = 0;
      const counted = (x: number, y: number): number => {
        computed++;
        return level(x, y);
      };
      for (let round = 0; round < 50; round++)
        for (let x = 0; x < 20; x++) for (let y = 0; y < 20; y++) expect(cache.get(x, y, counted)).toBe(level(x, y));
      // 210 unordered pairs; a few may collide in the table and be computed again.
      expect(computed).toBeLessThan(400);
      expect(cache.size).toBe(1 << 14);
    });
    it('grows to eight entries a spelling, within its bounds, and stays right after growing', () => {
      const cache = new PairCache();
      expect(cache.get(3, 9, level)).toBe(level(3, 9));
      cache.fit(100);
      expect(cache.size).toBe(1 << 14);
      cache.fit(50_000);
      expect(cache.size).toBe(1 << 19);
      cache.fit(10_000_000);
      expect(cache.size).toBe(1 << 20);
      cache.fit(10);
      expect(cache.size).toBe(1 << 20);
      let seed = 7;
      const next = (): number => {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        return seed % 3_000_000;
      };
      for (let i = 0; i < 300_000; i++) {
        const x = next();
        const y = next();
        if (cache.get(x, y, level) !== level(x, y)) throw new Error(`wrong answer for ${x}, ${y}`);
      }
    });
    it('never keeps a value an entry cannot hold, and answers it right every time', () => {
      const cache = new PairCache();
      const odd = (x: number, y: number): number => (x === 1 ? -1 : 20 + y);
      for (let round = 0; round < 3; round++) {
        expect(cache.get(1, 5, odd)).toBe(-1);
        expect(cache.get(2, 5, odd)).toBe(25);
        expect(cache.get(5, 2, odd)).toBe(25);
      }
    });
  });
});
