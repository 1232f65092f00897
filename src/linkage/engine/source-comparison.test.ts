// Whether two records come from the same list is learned from the file: where lists never name
// one man twice, a pair from one list counts against; in a file of one list it says nothing.
import { describe, expect, it } from 'vitest';
import { LinkageEngine } from './engine.ts';
import { personConfig } from './person-config.ts';
import { rng } from './train.ts';

const SURNAMES = [
  'Иванов',
  'Петров',
  'Сидоров',
  'Кузнецов',
  'Смирнов',
  'Попов',
  'Васильев',
  'Соколов',
  'Михайлов',
  'Новиков',
];
const GIVEN = ['Иван', 'Пётр', 'Сергей', 'Андрей', 'Дмитрий', 'Алексей', 'Михаил', 'Николай'];
const SOURCES = ['obituary_list', 'family_request', 'comrade_tip', 'rights_group'];

/** 600 men, each named in two or three lists (never twice in one unless `oneList`). */
const trainedOn = (oneList: boolean): LinkageEngine => {
  const config = personConfig();
  const engine = new LinkageEngine({ ...config, training: { ...config.training, minRecords: 0 } });
  const random = rng(7);
  for (let p = 0; p < 600; p++) {
    const surname = SURNAMES[Math.floor(random() * SURNAMES.length)];
    const given = GIVEN[Math.floor(random() * GIVEN.length)];
    const year = String(1970 + Math.floor(random() * 35));
    const lists = [...SOURCES].sort(() => random() - 0.5).slice(0, 2 + Math.floor(random() * 2));
    lists.forEach((list, k) =>
      engine.add(`p${p}-${k}`, {
        source: oneList ? 'spreadsheet' : list,
        surname,
        given_name: given,
        birth_date: random() < 0.7 ? year : '',
        region: 'Тыва',
      }),
    );
  }
  engine.train();
  return engine;
};

const sourceWeight = (engine: LinkageEngine, a: string, b: string): number => {
  const ids = engine.data.ids;
  return engine.scorer!.explain(ids.indexOf(a), ids.indexOf(b)).find((c) => c.comparison === 'source')!.weight;
};

describe('the source list as evidence', () => {
  it('counts against a pair from one list when the file never names a man twice in a list', () => {
    const engine = trainedOn(false);
    const ids = engine.data.ids;
    const src = engine.data.column('source');
    // Two records of one list and two of different lists, among the first men.
    const byList = new Map<number, string>();
    let sameList: [string, string] | null = null;
    for (const id of ids.slice(0, 400)) {
      const t = src.at(ids.indexOf(id));
      const other = byList.get(t);
      if (other && !other.startsWith(`${id.split('-')[0]}-`)) sameList = [other, id];
      byList.set(t, id);
    }
    expect(sameList).not.toBeNull();
    expect(sourceWeight(engine, ...sameList!)).toBeLessThan(-2);
    expect(sourceWeight(engine, 'p0-0', 'p0-1')).toBeGreaterThan(0);
  });

  it('learns nothing from a file of one list', () => {
    const engine = trainedOn(true);
    expect(Math.abs(sourceWeight(engine, 'p0-0', 'p1-0'))).toBeLessThan(0.5);
  });
});
