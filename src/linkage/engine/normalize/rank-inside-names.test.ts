// Rank words that are names: "Серж" is a given name, Майор and Матрос are surnames. A whole name
// keeps them (name-extras.ts withoutRankInside); found by a bug hunt of the change that began to
// leave ranks out inside a whole name.
import { describe, expect, it } from 'vitest';
import { LinkageEngine } from '../engine.ts';
import { splitFullName } from './full-names.ts';
import { personConfig } from '../person-config.ts';

const parts = (surname: string, given: string, patronymic: string) => ({ surname, given, patronymic });

describe('rank words inside a whole name that are names', () => {
  it('keeps the given name Серж ("Саргсян Серж Азатович")', () => {
    expect(splitFullName('Саргсян Серж Азатович', '', '')).toEqual(parts('Саргсян', 'Серж', 'Азатович'));
  });
  it('keeps a surname that is a rank word at the end ("Иван Петрович Майор", "… Матрос", "… МАЙОР")', () => {
    expect(splitFullName('Иван Петрович Майор', '', '')).toEqual(parts('Майор', 'Иван', 'Петрович'));
    expect(splitFullName('Иван Петрович Матрос', '', '')).toEqual(parts('Матрос', 'Иван', 'Петрович'));
    expect(splitFullName('Иван Петрович МАЙОР', '', '')).toEqual(parts('МАЙОР', 'Иван', 'Петрович'));
  });
  it('the whole-name record still compares with the same man written field by field', () => {
    const engine = new LinkageEngine(personConfig());
    engine.add('a', { surname: 'Саргсян Серж Азатович' });
    engine.add('b', { surname: 'Саргсян', given_name: 'Серж', patronymic: 'Азатович' });
    engine.sync();
    const label = (name: string) => {
      const c = engine.comparisons.find((x) => x.name === name)!;
      return c.levels[c.level(0, 1)].label;
    };
    expect([label('surname'), label('given_name'), label('patronymic')]).toEqual(['exact', 'exact', 'exact']);
  });
});
