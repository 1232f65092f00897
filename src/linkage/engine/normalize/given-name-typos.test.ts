import { describe, expect, it } from 'vitest';
import { canonicalGivenName, correctedGivenName, nameKey } from './index.ts';

const corrected = (raw: string): string => correctedGivenName(nameKey(raw, 'given'));
const canonical = (raw: string): string => canonicalGivenName(nameKey(raw, 'given'));

describe('a given name misspelt by one letter', () => {
  it('reads as the one known name it misspells: a letter wrong, missing, added or two swapped', () => {
    expect(corrected('Дмтрий')).toBe(canonical('Дмитрий'));
    expect(corrected('Мижаил')).toBe(canonical('Михаил'));
    expect(corrected('Алексанрд')).toBe(canonical('Александр'));
    expect(corrected('Сероей')).toBe(canonical('Сергей'));
    expect(corrected('Ниуита')).toBe(canonical('Никита'));
    // So a misspelt full name and its diminutive are one name.
    expect(corrected('Дитрий')).toBe(canonical('Дима'));
  });
  it('leaves known names, short names, surnames and what is near two names as they are', () => {
    expect(corrected('Александр')).toBe(canonical('Александр'));
    expect(corrected('Ильин')).toBe(canonical('Ильин')); // short, and a surname
    expect(corrected('Павлов')).toBe(canonical('Павлов')); // a surname one letter from Павел
    expect(corrected('Захаров')).toBe(canonical('Захаров'));
    expect(corrected('Мкасим')).toBe(canonical('Мкасим')); // two edits from Максим
    // A woman's name, or a man's in the genitive: one letter from his name, and no typo.
    for (const name of ['Александра', 'Евгения', 'Валентина']) expect(corrected(name)).toBe(canonical(name));
  });
});
