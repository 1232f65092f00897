// A full name in one field is spread over the name fields before the record is kept.
import { describe, expect, it } from 'vitest';
import { LinkageEngine } from './engine.ts';
import { personConfig } from './person-config.ts';
import { readInput } from '../linkage.run.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const labels = (engine: LinkageEngine, a: number, b: number): Record<string, string> => {
  engine.sync();
  return Object.fromEntries(engine.comparisons.map((c) => [c.name, c.levels[c.level(a, b)].label]));
};

describe('full names written in one field', () => {
  it('compare with the same man written field by field', () => {
    const engine = new LinkageEngine(personConfig());
    engine.add('a', { surname: 'Иванов', given_name: 'Иван', patronymic: 'Иванович', birth_date: '1990-03-12' });
    engine.add('b', { surname: 'Иванов Иван Иванович', birth_date: '12.03.1990' });
    engine.add('c', { surname: 'Иванов', given_name: 'Иван Иванович', birth_date: '1990' });
    engine.add('d', { surname: 'Иванов И.И.' });
    expect(labels(engine, 0, 1)).toMatchObject({ surname: 'exact', given_name: 'exact', patronymic: 'exact' });
    expect(labels(engine, 0, 2)).toMatchObject({ surname: 'exact', given_name: 'exact', patronymic: 'exact' });
    expect(labels(engine, 0, 3)).toMatchObject({
      surname: 'exact',
      given_name: 'initial agrees',
      patronymic: 'initial agrees',
    });
  });

  it('are split when the other name fields hold placeholders ("н/д", "не указано")', () => {
    const engine = new LinkageEngine(personConfig());
    engine.add('a', { surname: 'Ерофеев', given_name: 'Владимир', patronymic: 'Владимирович' });
    engine.add('b', { surname: 'Ерофеев Владимир', given_name: 'н/д', patronymic: 'не указано' });
    expect(labels(engine, 0, 1)).toMatchObject({ surname: 'exact', given_name: 'exact', patronymic: 'null' });
  });
  it('with a rank, a call sign, in the given-name field or in an oblique case, compare as the man written plainly', () => {
    const engine = new LinkageEngine(personConfig());
    engine.add('a', { surname: 'Ерёмин', given_name: 'Андрей', patronymic: 'Петрович' });
    engine.add('b', { surname: 'мл. сержант Ерёмин Андрей Петрович' });
    engine.add('c', { given_name: 'Андрей Ерёмин' });
    engine.add('d', { surname: 'Андрею Ерёмину' });
    engine.add('e', { surname: 'Ерёмин', given_name: 'Андрей (Гром)' });
    engine.add('f', { given_name: 'Ерёмина Андрея Петровича' });
    for (const other of [1, 2, 3, 4, 5])
      expect(labels(engine, 0, other), String(other)).toMatchObject({ surname: 'exact', given_name: 'exact' });
    expect(labels(engine, 0, 5)).toMatchObject({ patronymic: 'exact' });
  });

  it("with the given name and the patronymic in each other's fields, compare as the man written plainly", () => {
    const engine = new LinkageEngine(personConfig());
    engine.add('a', { surname: 'Ерёмин', given_name: 'Андрей', patronymic: 'Петрович' });
    engine.add('b', { surname: 'Ерёмин', given_name: 'Петрович', patronymic: 'Андрей' });
    // The patronymic alone in the given name's field: his given name is missing, not another.
    engine.add('c', { surname: 'Ерёмин', given_name: 'Петрович' });
    expect(labels(engine, 0, 1)).toMatchObject({ surname: 'exact', given_name: 'exact', patronymic: 'exact' });
    expect(labels(engine, 0, 2)).toMatchObject({ surname: 'exact', given_name: 'null', patronymic: 'exact' });
  });
  it('with what he was called in brackets after the given name, compare as the man written plainly', () => {
    const engine = new LinkageEngine(personConfig());
    engine.add('a', { surname: 'Ерёмин', given_name: 'Андрей' });
    engine.add('b', { surname: 'Ерёмин', given_name: 'Андрей (Андрюха)' });
    engine.add('c', { surname: 'Ерёмин', given_name: 'андрей(андрюша)' });
    expect(labels(engine, 0, 1)).toMatchObject({ given_name: 'exact' });
    expect(labels(engine, 0, 2)).toMatchObject({ given_name: 'exact' });
  });

  it('are split when read from a CSV file too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kintrace-fullname-'));
    const file = join(dir, 'people.csv');
    writeFileSync(
      file,
      'record_id,surname,given_name,patronymic\n1,Петров,Сергей,Андреевич\n2,Сергей Андреевич Петров,,\n',
    );
    const engine = new LinkageEngine(personConfig());
    await readInput(engine, file);
    expect(labels(engine, 0, 1)).toMatchObject({ surname: 'exact', given_name: 'exact', patronymic: 'exact' });
  });
});

describe('names copied in the genitive, dative or instrumental', () => {
  it('compare with the man named in the nominative, in a field of their own or in one field', () => {
    const engine = new LinkageEngine(personConfig());
    engine.add('a', { surname: 'Смирнов', given_name: 'Николай', patronymic: 'Петрович' });
    engine.add('b', { surname: 'Смирнова', given_name: 'Николая', patronymic: 'Петровича' });
    engine.add('c', { surname: 'Смирнову', given_name: 'Коле' });
    engine.add('d', { surname: 'Смирнова Николая Петровича' });
    expect(labels(engine, 0, 1)).toMatchObject({ surname: 'exact', given_name: 'exact', patronymic: 'exact' });
    // Коля is Николай's everyday form: read only once "Коле" is read back.
    expect(labels(engine, 0, 2)).toMatchObject({
      surname: 'exact',
      given_name: 'same full name (diminutive, variant)',
    });
    expect(labels(engine, 0, 3)).toMatchObject({ surname: 'exact', given_name: 'exact', patronymic: 'exact' });
  });

  it('and in the instrumental ("связь с Колесниковым Евгением")', () => {
    const engine = new LinkageEngine(personConfig());
    engine.add('a', { surname: 'Колесников', given_name: 'Евгений', patronymic: 'Станиславович' });
    engine.add('b', { surname: 'Колесниковым', given_name: 'Евгением', patronymic: 'Станиславовичем' });
    engine.add('c', { surname: 'Соколышев', given_name: 'Руслан' });
    engine.add('d', { surname: 'Соколышевым', given_name: 'Русланом' });
    expect(labels(engine, 0, 1)).toMatchObject({ surname: 'exact', given_name: 'exact', patronymic: 'exact' });
    expect(labels(engine, 2, 3)).toMatchObject({ surname: 'exact', given_name: 'exact' });
  });

  it('leave a woman named in the nominative as she is', () => {
    const engine = new LinkageEngine(personConfig());
    engine.add('a', { surname: 'Иванов', given_name: 'Александр' });
    engine.add('b', { surname: 'Иванова', given_name: 'Александра' });
    expect(labels(engine, 0, 1)).toMatchObject({ surname: 'other gender form', given_name: 'one edit' });
  });
});
