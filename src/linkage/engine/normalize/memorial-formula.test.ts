// A memorial formula before a whole name ("ВЕЧНАЯ ПАМЯТЬ Иванов Иван", as a memorial post copies
// it) stayed in the name: only a rank was looked for before the name, and the formula only inside
// or after it. Found by a bug hunt.
import { describe, expect, it } from 'vitest';
import { LinkageEngine } from '../engine.ts';
import { personConfig } from '../person-config.ts';
import { splitFullName } from './full-names.ts';

const parts = (surname: string, given: string, patronymic: string) => ({ surname, given, patronymic });

describe('a memorial formula before a whole name', () => {
  it('is left out wherever it stands', () => {
    expect(splitFullName('ВЕЧНАЯ ПАМЯТЬ Иванов Иван', '', '')).toEqual(parts('Иванов', 'Иван', ''));
    expect(splitFullName('Вечная память Иванов Иван Иванович', '', '')).toEqual(parts('Иванов', 'Иван', 'Иванович'));
    expect(splitFullName('Светлая память Петров Сергей', '', '')).toEqual(parts('Петров', 'Сергей', ''));
    expect(splitFullName('Вечная память сержант Иванов Иван', '', '')).toEqual(parts('Иванов', 'Иван', ''));
    expect(splitFullName('ВЕЧНАЯ ПАМЯТЬ! Иванов', '', '')).toEqual(parts('Иванов', '', ''));
    // As before: inside and after the name.
    expect(splitFullName('Иванов Иван ВЕЧНАЯ ПАМЯТЬ', '', '')).toEqual(parts('Иванов', 'Иван', ''));
  });
  it('leaves a field that holds only the formula as written, and names that merely contain the words', () => {
    expect(splitFullName('Вечная память', '', '')).toBeNull();
    expect(splitFullName('Памятов Иван', '', '')).toEqual(parts('Памятов', 'Иван', ''));
  });
  it('the record compares with the same man written field by field', () => {
    const engine = new LinkageEngine(personConfig());
    engine.add('a', { surname: 'ВЕЧНАЯ ПАМЯТЬ Иванов Иван', birth_date: '1985' });
    engine.add('b', { surname: 'Иванов', given_name: 'Иван', birth_date: '1985' });
    engine.sync();
    const label = (name: string) => {
      const c = engine.comparisons.find((x) => x.name === name)!;
      return c.levels[c.level(0, 1)].label;
    };
    expect([label('surname'), label('given_name')]).toEqual(['exact', 'exact']);
  });
});
