// Unit numbers learn their formation from the file's own records (unit-aliases.ts): a number-only
// record and a formation-only one of the same unit agree, of two units differ; a record scored
// against an index and dropped again takes its alias back out.
import { describe, expect, it } from 'vitest';
import type { Comparison } from './comparison.ts';
import { createComparison } from './comparison-types.ts';
import { Dataset, FeatureRegistry } from './dataset.ts';
import { LinkageEngine } from './engine.ts';
import { LinkageIndex } from './incremental.ts';
import { loadModel, saveModel } from './model-io.ts';
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

describe('unit numbers learned from confident links', () => {
  const surnames = ['Абрамов', 'Белов', 'Воронин', 'Гусев', 'Демидов', 'Егоров', 'Жуков', 'Зайцев', 'Ильин', 'Козлов'];
  const givens = ['Иван', 'Пётр', 'Сергей', 'Андрей', 'Олег', 'Артём'];
  const patronymics = ['Иванович', 'Петрович', 'Сергеевич', 'Андреевич', 'Олегович'];
  // Each man has two records, one with his unit's open number, one with its brigade: no record
  // names both, so only links can teach the pair.
  const rows = Array.from({ length: 40 }, (_, i) => {
    const [number, brigade] = i < 20 ? ['в/ч 41659', '55-я омсбр'] : ['в/ч 12345', '200 омсбр'];
    const person = {
      surname: surnames[i % 10],
      given_name: givens[i % 6],
      patronymic: patronymics[i % 5],
      birth_date: `${1970 + (i % 25)}-0${1 + (i % 9)}-1${i % 10}`,
      region: 'Тыва',
    };
    return [
      { id: `p${i}a`, record: { ...person, unit: number } },
      { id: `p${i}b`, record: { ...person, unit: brigade } },
    ];
  }).flat();
  const probes = [
    { id: 'x', record: { surname: 'Монгуш', given_name: 'Саян', region: 'Тыва', unit: 'в/ч 41659' } },
    { id: 'y', record: { surname: 'Ооржак', given_name: 'Алдар', region: 'Тыва', unit: '55 омсбр' } },
    { id: 'z', record: { surname: 'Кара-оол', given_name: 'Ай-Кежик', region: 'Тыва', unit: '200 омсбр' } },
    { id: 'w', record: { surname: 'Донгак', given_name: 'Чечек', region: 'Тыва', unit: 'в/ч 77777' } },
  ];
  const trained = (): LinkageEngine => {
    const config = personConfig();
    const engine = new LinkageEngine({ ...config, training: { ...config.training, minRecords: 0 } });
    for (const r of [...rows, ...probes]) engine.add(r.id, r.record);
    engine.train();
    return engine;
  };
  const labelOf = (engine: LinkageEngine, a: string, b: string): string => {
    const unit = engine.comparisons.find((c) => c.name === 'unit')!;
    const ids = engine.data.ids;
    return unit.levels[unit.level(ids.indexOf(a), ids.indexOf(b))].label;
  };

  it('a number takes the formation its confidently linked records name, kept with the model', () => {
    const engine = trained();
    expect(engine.params!.learned?.unit).toEqual(
      expect.arrayContaining([
        ['41659', '55 омсбр'],
        ['12345', '200 омсбр'],
      ]),
    );
    expect(labelOf(engine, 'x', 'y')).toBe('same formation');
    expect(labelOf(engine, 'x', 'z')).toBe('different');
    // A number no link taught says nothing about a formation.
    expect(labelOf(engine, 'w', 'y')).toBe('null');

    // Saved and loaded with the model, and taken up by an engine that trains nothing.
    const saved = saveModel(engine.comparisons, engine.params!, engine.data.size);
    const other = new LinkageEngine(personConfig());
    for (const r of probes) other.add(r.id, r.record);
    other.useParams(loadModel(other.comparisons, saved, other.data.size));
    expect(labelOf(other, 'x', 'y')).toBe('same formation');
  });
});

describe('a unit written the same way but not read', () => {
  it('weighs by how often the file writes it: a common wording counts for less than a rare one', () => {
    const config = personConfig();
    const engine = new LinkageEngine({ ...config, training: { ...config.training, minRecords: 1_000_000 } });
    // Forty men of the same surname whose unit reads as nothing: most "штурмовики", two "отряд поддержки".
    for (let i = 0; i < 40; i++)
      engine.add(`r${i}`, { surname: 'Петров', given_name: 'Иван', unit: i < 38 ? 'штурмовики' : 'отряд поддержки' });
    engine.train();
    const ids = engine.data.ids;
    const unitWeight = (a: string, b: string): { level: string; weight: number } => {
      const c = engine.scorer!.explain(ids.indexOf(a), ids.indexOf(b)).find((x) => x.comparison === 'unit')!;
      return { level: c.level, weight: c.weight };
    };
    const common = unitWeight('r0', 'r1');
    const rare = unitWeight('r38', 'r39');
    expect(common.level).toBe('same wording, not read');
    expect(rare.level).toBe('same wording, not read');
    expect(rare.weight).toBeGreaterThan(common.weight + 2);
    expect(unitWeight('r0', 'r38')).toEqual({ level: 'null', weight: 0 });
  });
});
