// Placeholder words that are real values: "Н.Д." and "НД" are the initials of a given name and a
// patronymic (Николай Дмитриевич), "Na" a Korean surname, "Nan" a given name (placeholders.ts
// reads none of them as "no data"). Found by a bug hunt of the placeholder change.
import { describe, expect, it } from 'vitest';
import { Dataset } from './dataset.ts';
import { LinkageEngine } from './engine.ts';
import { personConfig } from './person-config.ts';

const given = (engine: LinkageEngine, a: number, b: number): string => {
  engine.sync();
  const c = engine.comparisons.find((x) => x.name === 'given_name')!;
  return c.levels[c.level(a, b)].label;
};

describe('placeholder words that are real values', () => {
  it('initials "Н.Д." in the given-name field compare as initials, like "Н. Д."', () => {
    const engine = new LinkageEngine(personConfig());
    engine.add('a', { surname: 'Иванов', given_name: 'Н.Д.' });
    engine.add('b', { surname: 'Иванов', given_name: 'Н. Д.' });
    engine.add('c', { surname: 'Иванов', given_name: 'Пётр', patronymic: 'Сергеевич' });
    // "Н. Д." against Пётр Сергеевич: the initials differ (a real disagreement).
    expect(given(engine, 1, 2)).toBe('initials differ');
    // "Н.Д." too: read as "no data", the disagreement was lost.
    expect(given(engine, 0, 2)).toBe('initials differ');
  });
  it('"НД" (initials without dots) is kept as a value', () => {
    const data = new Dataset(['given_name']);
    data.add('a', { given_name: 'НД' });
    expect(data.column('given_name').at(0)).toBeGreaterThanOrEqual(0);
  });
  it('Latin names "Nan" (given) and "Na" (surname) are kept as values', () => {
    const data = new Dataset(['surname', 'given_name']);
    data.add('a', { surname: 'Na', given_name: 'Nan' });
    expect(data.column('surname').at(0)).toBeGreaterThanOrEqual(0);
    expect(data.column('given_name').at(0)).toBeGreaterThanOrEqual(0);
  });
});
