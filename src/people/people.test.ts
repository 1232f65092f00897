import { describe, expect, it } from 'vitest';
import { Invalid } from '../shared/errors.ts';
import { parseForm } from '../shared/validation.ts';
import { searchKey } from './names.ts';
import { personSchema } from './people.schema.ts';
import { REGIONS, isRegionCode, regionName, regionOptions } from './regions.ts';

const parse = (body: Record<string, string>) =>
  parseForm(personSchema('2026-03-02'), { surname: 'Иванов', given_name: 'Пётр', ...body });
const problems = (body: Record<string, string>) => {
  try {
    parse(body);
    return [];
  } catch (e) {
    if (!(e instanceof Invalid)) throw e;
    return e.problems.map((p) => `${p.field}:${p.key}`);
  }
};

describe('person input', () => {
  it('keeps names in any script exactly as typed (trimmed)', () => {
    for (const name of ['Ёлкин', 'Mamedov-Ogly', "O'Neil", 'Абдулла угли', 'ДаудаевӀ', 'Хәсәнов', 'Sørensen']) {
      expect(parse({ surname: ` ${name} ` }).surname).toBe(name);
    }
  });

  it('refuses digits and symbols in names, and empty required names', () => {
    expect(problems({ surname: 'Иванов1' })).toEqual(['surname:people.errors.nameChars']);
    expect(problems({ given_name: '<script>' })).toEqual(['given_name:people.errors.nameChars']);
    expect(problems({ surname: '   ' })).toEqual(['surname:errors.required']);
    expect(problems({ patronymic: 'x'.repeat(101) })).toEqual(['patronymic:errors.tooLongNow']);
    expect(problems({ surname: 'я'.repeat(101) })).toEqual(['surname:errors.tooLongNow']);
  });

  it('parses the date of birth with its precision and refuses bad ones', () => {
    expect(parse({ birth_date: '05.1998' }).birth_date).toEqual({ value: '1998-05', precision: 'month' });
    expect(parse({ birth_date: '' }).birth_date).toBeUndefined();
    expect(problems({ birth_date: '1800' })).toEqual(['birth_date:errors.badPartialDate']);
    // A full date of a day the month has not is said so, not sent back to the format it was in.
    expect(problems({ birth_date: '30.02.1999' })).toEqual(['birth_date:errors.noSuchDay']);
    expect(problems({ birth_date: '32.01.1999' })).toEqual(['birth_date:errors.badPartialDate']);
    expect(problems({ birth_date: '12.13.1999' })).toEqual(['birth_date:errors.badPartialDate']);
    expect(problems({ birth_date: '2027' })).toEqual(['birth_date:people.errors.futureDate']);
    // A year in two digits is said so (QA walk 9: «15.11.26» got the general «Неверная дата»), never guessed.
    expect(problems({ birth_date: '12.05.98' })).toEqual(['birth_date:errors.shortYear']);
    expect(problems({ birth_date: '05/98' })).toEqual(['birth_date:errors.shortYear']);
    expect(problems({ birth_date: '98' })).toEqual(['birth_date:errors.badPartialDate']);
    expect(problems({ birth_date: '12.05.998' })).toEqual(['birth_date:errors.badPartialDate']);
  });

  it('accepts only regions of the list, and "unknown" as the default category', () => {
    expect(parse({ region: 'RU-TA' }).region).toBe('RU-TA');
    expect(problems({ region: 'RU-ZZ' })).toEqual(['region:errors.unknownRegion']);
    expect(parse({}).service_category).toBe('unknown');
    expect(problems({ service_category: 'general' })).toEqual(['service_category:errors.unknownOption']);
  });
});

describe('regions', () => {
  it('loads the 85 federal subjects with Russian and English names', () => {
    expect(REGIONS).toHaveLength(85);
    expect(isRegionCode('RU-MOW')).toBe(true);
    expect(regionName('RU-MOW', 'ru')).toBe('Москва');
    expect(regionName('RU-MOW', 'en')).toBe('Moscow');
    expect(regionOptions('ru')[0].label.localeCompare(regionOptions('ru')[1].label, 'ru')).toBeLessThan(0);
  });
});

describe('search keys', () => {
  it('folds case, ё and spaces, and leaves the entered form alone', () => {
    expect(searchKey('  ЁЛКИН   Пётр ')).toBe('елкин петр');
    expect(searchKey('Mamedov-Ogly')).toBe('mamedov-ogly');
    // Latin look-alikes in a Cyrillic word are its Cyrillic letters; a Latin word stays Latin.
    expect(searchKey('Иванoв Пeтp')).toBe('иванов петр');
    expect(searchKey('Ivanov Иванoв')).toBe('ivanov иванов');
  });
});
