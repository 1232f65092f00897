import { describe, expect, it } from 'vitest';
import { damerau, jaroWinkler, soundex } from './strings.ts';

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
});
