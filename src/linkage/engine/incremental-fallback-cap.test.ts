// The index skips the blocks the batch run skips. For a capped fallback rule ("?field") the batch
// run (blocking.ts settleBlock) keeps a block whose *pairs* (records lacking the value × the
// block) fit in cap·(cap−1)/2, however many records it holds; the index once skipped every block
// of more than `cap` records, so a request naming only a surname missed the records a batch found.
import { describe, expect, it } from 'vitest';
import type { LinkageConfigInput } from './config.ts';
import { LinkageEngine } from './engine.ts';
import { LinkageIndex } from './incremental.ts';
import { personConfig } from './person-config.ts';
import { syntheticPeople } from './synthetic.test-helper.ts';

const config: LinkageConfigInput = {
  id: 'id',
  comparisons: [
    { type: 'name', field: 'first', tf: true },
    { type: 'name', field: 'last', tf: true },
    { type: 'date', field: 'dob', cannotLink: true },
    { type: 'exact', field: 'city' },
  ],
  // "Same surname, and one of the two has no birth year", at most 10 records a block.
  blocking: [['dob'], { rule: ['last', '?dob|year'], maxBlockSize: 10 }],
  training: { randomPairs: 50_000 },
};

describe('incremental index against batch, capped fallback rule', () => {
  it('finds the candidate pairs of a held-out record that the batch run finds', () => {
    const rows = syntheticPeople(300, 11).map((r) => ({ id: r.id, record: { ...r.record } }));
    // A man named twice: once with his birth date, once without (a tip: "Kodaly Zoltan, York").
    const surname = rows[0].record.last;
    rows.push({ id: 'full', record: { first: 'zoltan', last: surname, dob: '1950-03-04', city: 'york' } });
    rows.push({ id: 'query', record: { first: 'zoltan', last: surname, dob: '', city: 'york' } });
    const q = rows.length - 1;
    const block = rows.filter((r) => r.record.last === surname);
    const lacking = block.filter((r) => r.record.dob === '').length;
    // The surname's block is larger than the cap, but few of it lack a birth date.
    expect(block.length).toBeGreaterThan(10);
    expect((lacking * (2 * block.length - lacking - 1)) / 2).toBeLessThanOrEqual(45);

    const full = new LinkageEngine(config);
    for (const r of rows) full.add(r.id, r.record);
    full.train();
    const batch = new Set<string>();
    full.predict(undefined, (a, b) => {
      if (a === q) batch.add(rows[b].id);
      if (b === q) batch.add(rows[a].id);
    });
    expect(batch.has('full')).toBe(true); // the batch run compares the two

    const index = LinkageIndex.build(config, rows.slice(0, q), full.params!);
    const found = index.match(rows[q].record, { minProbability: 1e-12 }).map((c) => c.id);
    // The batch edge of the held-out record (same man) must be among the index's candidates.
    expect(found).toContain('full');
  });

  it('person records: a request naming only a surname borne by 60 indexed records', () => {
    // personConfig's rule { rule: [surname-genderless, ?given_name|given-initial], maxBlockSize: 50 }
    // ("a record that names no given name at all… or alone where the surname is rare").
    const given = ['Иван', 'Пётр', 'Сергей', 'Алексей', 'Дмитрий', 'Андрей'];
    const rows = Array.from({ length: 60 }, (_, i) => ({
      id: `r${i}`,
      record: {
        source: 'list',
        surname: 'Ребров',
        given_name: given[i % given.length],
        patronymic: '',
        birth_date: `${1960 + i}`,
        region: '',
        unit: '',
      } as Record<string, string>,
    }));
    const query = {
      source: 'tip',
      surname: 'Ребров',
      given_name: '',
      patronymic: '',
      birth_date: '',
      region: '',
      unit: '',
    };
    const all = [...rows, { id: 'q', record: query }];
    const full = new LinkageEngine(personConfig());
    for (const r of all) full.add(r.id, r.record);
    full.train();
    const batch = new Set<string>();
    full.predict(undefined, (a, b) => {
      if (a === 60) batch.add(all[b].id);
      if (b === 60) batch.add(all[a].id);
    });
    expect(batch.size).toBe(60); // the batch run compares the request with every Ребров
    const index = LinkageIndex.build(personConfig(), rows, full.params!);
    const found = index.match(query, { minProbability: 1e-12 });
    expect(found.length).toBe(60);
  });
});
