import { describe, expect, it } from 'vitest';
import { daitchMokotoff, metaphoneRu, nameKey, surnameGenderless } from './index.ts';

const mp = (s: string) => metaphoneRu(surnameGenderless(nameKey(s, 'surname')));
const dm = (s: string) => daitchMokotoff(nameKey(s, 'surname'));

describe('phonetic keys', () => {
  it('metaphone gives spelling variants one code', () => {
    expect(mp('Кузнецов')).toBe(mp('Kuznetsov'));
    expect(mp('Кузнецов')).toBe(mp('Кузнетсов'));
    expect(mp('Иванов')).toBe(mp('Иванова'));
    expect(mp('Аболмасов')).toBe(mp('Аболмасаф'));
    expect(mp('Зубков')).toBe(mp('Зупков')); // voicing before a voiceless consonant
    expect(mp('Дуб')).toBe(mp('Дуп')); // and at the end
    expect(mp('Петровский')).toBe(mp('Petrovskaya'));
    expect(mp('Шевчук')).not.toBe(mp('Шевченко'));
  });

  it('Daitch–Mokotoff gives spelling variants one code and returns six digits', () => {
    expect(dm('Щукин')).toEqual(dm('Schukin'));
    expect(dm('Щукин')).toEqual(dm('Ŝukin'));
    expect(dm('Шварценеггер')).toEqual(dm('Shvartsenegger'));
    expect(dm('Иванов')[0]).toMatch(/^\d{6}$/);
    expect(dm('Magomedov')).toEqual(dm('Магомедов'));
    expect(dm('Цыренов')).toEqual(dm('Tsirenov'));
    expect(dm('Мосин')).toEqual(dm('Масин'));
    expect(daitchMokotoff('')).toEqual([]);
    expect(metaphoneRu('')).toBe('');
  });
});
