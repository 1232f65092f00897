import { describe, expect, it } from 'vitest';
import { canonicalGivenName, correctedGivenName, correctedGivenNameOf, misspeltFormOf, nameKey } from './index.ts';

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

describe('a short form mistyped beside a name', () => {
  const misspelt = (a: string, b: string) => misspeltFormOf(nameKey(a, 'given'), nameKey(b, 'given'));
  it('is one letter from a form of that name', () => {
    expect(misspelt('Слваа', 'Вячеслав')).toBe(true); // Слава
    expect(misspelt('Ммша', 'Михаил')).toBe(true); // Миша
    expect(misspelt('Вовк', 'Владимир')).toBe(true); // Вовка
    expect(misspelt('ЛЕАХ', 'Алексей')).toBe(true); // Леха
  });
  it('is not read so against another name, between two known names, or when too short', () => {
    expect(misspelt('Сошаа', 'Сергей')).toBe(false);
    expect(misspelt('Слава', 'Вячеслав')).toBe(false); // known: the diminutive table answers
    expect(misspelt('Максим', 'Михаил')).toBe(false); // two names: brothers are named so
    expect(misspelt('Ия', 'Иван')).toBe(false);
  });
});

describe('a given name misspelt by one letter as typed', () => {
  it('is read where the keys fold the slip into two letters', () => {
    expect(correctedGivenNameOf('Ниолай')).toBe(canonical('Николай')); // key «нелаи»
    expect(correctedGivenNameOf('Мкиола')).toBe(canonical('Николай')); // Микола, key «мкела»
    expect(correctedGivenNameOf('Дмтрий')).toBe(canonical('Дмитрий')); // as the key reads it
  });
  it('reads a man’s name in another case as the name, not as a typo of another', () => {
    expect(correctedGivenNameOf('Дмитрия')).toBe(canonical('Дмитрий'));
    expect(correctedGivenNameOf('Антону')).toBe(canonical('Антон'));
    expect(correctedGivenNameOf('Игорю')).toBe(canonical('Игорь'));
    expect(correctedGivenNameOf('Сергеем')).toBe(canonical('Сергей'));
  });
  it('leaves a surname as it is', () => {
    expect(correctedGivenNameOf('Павлов')).toBe(corrected('Павлов'));
  });
});
