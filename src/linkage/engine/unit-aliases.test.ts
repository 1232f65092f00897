// Unit numbers learn their formation from the file's own records (unit-aliases.ts): a number-only
// record and a formation-only one of the same unit agree, of two units differ; a record scored
// against an index and dropped again takes its alias back out.
import { describe, expect, it } from 'vitest';
import type { Comparison } from './comparison.ts';
import { createComparison } from './comparison-types.ts';
import { Dataset, FeatureRegistry } from './dataset.ts';
import { LinkageIndex } from './incremental.ts';
import { personConfig } from './person-config.ts';

const unitComparison = (units: string[]): { data: Dataset; c: Comparison; label: (a: number, b: number) => string } => {
  const data = new Dataset(['unit']);
  units.forEach((u, i) => data.add(`r${i}`, { unit: u }));
  const c = createComparison({ type: 'unit', field: 'unit' }, data, new FeatureRegistry());
  c.sync();
  return { data, c, label: (a, b) => c.levels[c.level(a, b)].label };
};

describe('unit numbers and formations learned from the file', () => {
  it('a number alone compares with a formation alone through records that name both', () => {
    const { label } = unitComparison([
      'в/ч 41659 (55 омсбр)',
      '55-я отдельная мотострелковая бригада, в/ч 41659',
      'в/ч 41659',
      '55 омсбр',
      'в/ч 12345, 200 омсбр',
      'в/ч 12345',
      'в/ч 77777',
    ]);
    expect(label(2, 3)).toBe('same formation');
    expect(label(3, 2)).toBe('same formation');
    // 12345 is the 200th: a different unit from the 55th.
    expect(label(5, 3)).toBe('different');
    // A number no record names with a formation says nothing about one.
    expect(label(6, 3)).toBe('null');
    expect(label(2, 5)).toBe('different');
  });

  it('holds only when two thirds of the records naming a number name one formation', () => {
    const { label } = unitComparison(['в/ч 41659, 55 омсбр', 'в/ч 41659, 57 омсбр', 'в/ч 41659', '55 омсбр']);
    expect(label(2, 3)).toBe('null');
  });

  it('takes back what a dropped record taught', () => {
    const { data, c, label } = unitComparison(['в/ч 41659', '55 омсбр']);
    expect(label(0, 1)).toBe('null');
    data.add('q', { unit: 'в/ч 41659, 55 омсбр' });
    c.sync();
    expect(label(0, 1)).toBe('same formation');
    data.pop();
    c.sync();
    expect(label(0, 1)).toBe('null');
  });

  it('scores a query with the aliases of the indexed records and the query, not of earlier queries', () => {
    const row = (id: string, unit: string, surname = 'Ооржак') => ({
      id,
      record: { surname, given_name: 'Саян', patronymic: '', birth_date: '', region: 'Тыва', unit },
    });
    const rows = [row('a', 'в/ч 41659'), row('b', 'в/ч 12345, 200 омсбр', 'Монгуш'), row('c', 'в/ч 999', 'Кара-оол')];
    const index = LinkageIndex.build(personConfig(), rows);
    const unitLevel = (unit: string): string | undefined =>
      index
        .explain({ surname: 'Ооржак', given_name: 'Саян', patronymic: '', birth_date: '', region: 'Тыва', unit }, 0)
        .find((p) => p.comparison === 'unit')?.level;
    expect(unitLevel('55 омсбр')).toBe('null');
    expect(unitLevel('200 омсбр')).toBe('null');
    // A query that names a number with a formation teaches nothing to the queries after it.
    expect(unitLevel('в/ч 41659 (55 омсбр)')).toBe('same unit number');
    expect(unitLevel('55 омсбр')).toBe('null');
    // Records added for good do.
    index.add('d', row('d', 'в/ч 41659, 55 омсбр', 'Монгуш').record);
    expect(unitLevel('55 омсбр')).toBe('same formation');
    expect(unitLevel('200 омсбр')).toBe('different');
  });
});
