import { describe, expect, it } from 'vitest';
import { quoted } from './quotes.ts';

describe('a name in quotes', () => {
  it('nests the quotes a name carries instead of doubling ours', () => {
    expect(quoted('ru', 'Правозащитная группа «Север»')).toBe('«Правозащитная группа „Север“»');
    expect(quoted('ru', 'Мемориал')).toBe('«Мемориал»');
    expect(quoted('en', 'The “North” group')).toBe('“The ‘North’ group”');
    expect(quoted('en', 'Группа «Север»')).toBe('“Группа «Север»”');
  });
});
