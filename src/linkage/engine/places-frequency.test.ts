// A given name's frequency where the men of a surname come from, for records that name no region:
// "Руслан" is rare in Russia and common in Dagestan, so two region-less "Магомедов Руслан" are
// weaker evidence than two region-less "Смирнов Руслан".
import { describe, expect, it } from 'vitest';
import { LinkageEngine } from './engine.ts';
import { LinkageIndex } from './incremental.ts';
import { personConfig } from './person-config.ts';
import { RUSSIAN_NAMES, RUSSIAN_SURNAMES, regionalMen } from './regional-names.test-helper.ts';

const DAGESTAN_SURNAMES = ['Алиев', 'Гаджиев', 'Омаров', 'Абдуллаев', 'Исмаилов', 'Рамазанов'];
const DAGESTAN_NAMES = ['Руслан', 'Магомед', 'Шамиль', 'Мурад'];

const records = (): { id: string; record: Record<string, string> }[] => {
  const out: { id: string; record: Record<string, string> }[] = [];
  let n = 0;
  const add = (record: Record<string, string>) => out.push({ id: `r${n++}`, record });
  // Dagestan: many men, a quarter of them Руслан.
  for (const man of regionalMen(240, 'Дагестан', DAGESTAN_SURNAMES, DAGESTAN_NAMES, 1970, 30)) add(man);
  // Moscow: many more men, none of them Руслан.
  for (const man of regionalMen(800, 'Москва', RUSSIAN_SURNAMES, RUSSIAN_NAMES, 1970, 30)) add(man);
  // Where each surname below comes from, by its records that name a region.
  for (let i = 0; i < 10; i++) add({ surname: 'Магомедов', given_name: DAGESTAN_NAMES[i % 4], region: 'Дагестан' });
  for (let i = 0; i < 10; i++) add({ surname: 'Смирнов', given_name: RUSSIAN_NAMES[i % 10], region: 'Москва' });
  // The pairs scored: no region, nothing but the names.
  add({ surname: 'Магомедов', given_name: 'Руслан' });
  add({ surname: 'Магомедов', given_name: 'Руслан' });
  add({ surname: 'Смирнов', given_name: 'Руслан' });
  add({ surname: 'Смирнов', given_name: 'Руслан' });
  return out;
};

const givenWeight = (engine: LinkageEngine, a: number, b: number): number =>
  engine.scorer!.explain(a, b).find((c) => c.comparison === 'given_name')!.weight;

describe('a given name weighed where the surname comes from', () => {
  it('counts for less with a surname of the place where the name is common', () => {
    const config = personConfig();
    const engine = new LinkageEngine({ ...config, training: { ...config.training, minRecords: 1_000_000 } });
    const rows = records();
    for (const r of rows) engine.add(r.id, r.record);
    engine.train();
    const n = rows.length;
    const dagestani = givenWeight(engine, n - 4, n - 3);
    const russian = givenWeight(engine, n - 2, n - 1);
    expect(russian).toBeGreaterThan(dagestani + 2);
  });

  it('scores a query against an index exactly as a batch run over both does', () => {
    const config = personConfig();
    const cfg = { ...config, training: { ...config.training, minRecords: 1_000_000 } };
    const rows = records();
    const query = rows.pop()!;
    const batch = new LinkageEngine(cfg);
    for (const r of [...rows, query]) batch.add(r.id, r.record);
    batch.train();
    const index = LinkageIndex.build(cfg, rows, batch.params!);
    // A first query builds the places counts; the second is counted into them and taken out.
    index.match({ surname: 'Алиев', given_name: 'Руслан' }, { minProbability: 0 });
    const scored = index.match(query.record, { minProbability: 0 });
    const partner = scored.find((c) => c.id === rows[rows.length - 1].id)!;
    expect(partner.weight).toBeCloseTo(batch.scorer!.score(rows.length - 1, rows.length), 9);
  });
});
