import { describe, expect, it, vi } from 'vitest';
import { useWorld } from '../../src/cases/cases.fixtures.ts';
import type { IncomingPerson } from '../../src/people/person-records.service.ts';
import { insertIncomingRecords } from '../../src/people/person-records.service.ts';
import { lambdaFor } from '../../src/matching/engine-adapter.ts';
import { forgetIndexes, indexFor } from '../../src/matching/index-registry.ts';
import { runMatching } from '../../src/matching/scoring.service.ts';
import { systemPrincipal } from '../../src/policy/principal.ts';

// Process A (the web process that scores tips) builds its index while the organisation is small.
// Process B (the job) then scores a list of 1,500 rows and rescales λ to the pool (rescale()).
// A adds B's records on its next use (index-registry refresh) but never moves λ: it keeps
// lambdaFor(size at build) for as long as it runs, so the two processes give the same pair
// different probabilities, and A's tips are scored with a prior that is too high by the factor
// the pool grew (×50 for an organisation grown from 2,000 to 100,000).

const LETTERS = 'бвгдклмнпрстфхзж';
const VOWELS = 'аоуие';
let seed = 7;
const rnd = (n: number) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};
const word = (syll: number) => {
  let s = '';
  for (let i = 0; i < syll; i++) s += LETTERS[rnd(LETTERS.length)] + VOWELS[rnd(VOWELS.length)];
  return s[0].toUpperCase() + s.slice(1);
};
const person = (i: number): IncomingPerson => ({
  surname: `${word(3)}ов`,
  given_name: word(2),
  patronymic: `${word(2)}ович`,
  birth_date: `19${70 + (i % 30)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
  birth_precision: 'day',
  region_code: null,
  unit_number: null,
  unit_name: null,
  rank: null,
  service_category: 'mobilised',
  colony: null,
  mobilisation_wave: null,
  status: null,
});

describe('λ in a process that only refreshes its index (sqlite)', () => {
  const s = useWorld('sqlite');
  const deps = () => ({ db: s.t.opened.db, clock: s.t.clock });

  it('follows the pool as the job process does', async () => {
    forgetIndexes();
    const org = s.w.orgA.id;
    const now = () => s.t.clock.now().toISOString();
    // Process A: scores what there is (two requests), its index now built.
    await runMatching(deps(), systemPrincipal('scheduler'));
    // An imported list of 1,500 rows, pending.
    await s.t.opened.db.transaction().execute((tx) =>
      insertIncomingRecords(
        tx,
        org,
        'import',
        Array.from({ length: 1500 }, (_, i) => person(i)),
        now(),
      ),
    );
    // Process B (its own module graph) scores them.
    vi.resetModules();
    const b = (await import(
      '../../src/matching/scoring.service.ts'
    )) as typeof import('../../src/matching/scoring.service.ts');
    const bRegistry = (await import(
      '../../src/matching/index-registry.ts'
    )) as typeof import('../../src/matching/index-registry.ts');
    expect((await b.runMatching(deps(), systemPrincipal('scheduler'))).scored).toBe(1500);
    const inB = await bRegistry.indexFor(s.t.opened.db, org, now);
    // Process A's next use (a tip): it adds B's records.
    const inA = await indexFor(s.t.opened.db, org, now);
    expect(inA.index.size).toBe(inB.index.size);
    expect(inB.index.params.lambda).toBeCloseTo(lambdaFor(inB.index.size), 12);
    // Before the fix: A still uses lambdaFor(2) = 0.0020 instead of lambdaFor(1502) = 0.0013.
    expect(inA.index.params.lambda).toBeCloseTo(lambdaFor(inA.index.size), 12);
    const query = {
      surname: 'Иванов',
      given_name: 'Пётр',
      patronymic: null,
      birth_date: null,
      region_code: null,
      unit_number: null,
      unit_name: null,
    };
    expect(inA.index.score(query).map((c) => c.probability)).toEqual(inB.index.score(query).map((c) => c.probability));
  });
});
