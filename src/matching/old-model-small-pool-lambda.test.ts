import { describe, expect, it } from 'vitest';
import { PersonIndex, lambdaFor, type LinkFields } from '../../src/matching/engine-adapter.ts';

// PersonIndex.build with a saved model that no longer fits the comparisons (an upgrade changed a
// comparison's levels, src/matching/model-upgrade.test.ts) falls back to LinkageIndex training,
// which below training.minRecords uses the shipped model with the engine's own λ rescaling
// (model-io.ts loadModel: λ·N / max(n, 2)), not the platform's floor of LAMBDA_MIN_POOL. The
// "prior of a pool this size" correction in build() only runs when no params were given.
// A young organisation's index then believes one pair in 2.5 is a match.

const f = (surname: string, given_name: string, over: Partial<LinkFields> = {}): LinkFields => ({
  surname,
  given_name,
  patronymic: 'Иванович',
  birth_date: '1990',
  region_code: 'RU-MOW',
  unit_number: null,
  unit_name: null,
  ...over,
});

const records = [
  f('Петров', 'Иван'),
  f('Сидоров', 'Пётр'),
  f('Кузнецов', 'Олег'),
  f('Смирнов', 'Алексей'),
  f('Попов', 'Игорь'),
].map((fields, i) => ({ id: `r${i}`, fields }));

describe('PersonIndex.build with an older, non-fitting saved model and a small pool', () => {
  it('uses the prior of a pool of at least LAMBDA_MIN_POOL, as without a model', () => {
    const fresh = PersonIndex.build(records);
    const p = fresh.params;
    // What an older version saved: one comparison with two levels fewer (as model-upgrade.test.ts).
    const older = {
      ...p,
      m: p.m.map((l, i) => (i === 2 ? l.slice(0, -2) : l)),
      u: p.u.map((l, i) => (i === 2 ? l.slice(0, -2) : l)),
    };
    const upgraded = PersonIndex.build(records, older);
    expect(upgraded.savedModelUsed).toBe(false);
    expect(fresh.params.lambda).toBeCloseTo(lambdaFor(records.length), 12);
    // Before the fix: 0.4 (= λ·N / 5 records) instead of 0.002.
    expect(upgraded.params.lambda).toBeCloseTo(lambdaFor(records.length), 12);
  });

  it('does not put a bare surname near-match in the review queue only because the model was old', () => {
    const fresh = PersonIndex.build(records);
    const p = fresh.params;
    const older = {
      ...p,
      m: p.m.map((l, i) => (i === 2 ? l.slice(0, -2) : l)),
      u: p.u.map((l, i) => (i === 2 ? l.slice(0, -2) : l)),
    };
    const upgraded = PersonIndex.build(records, older);
    const query = f('Петренко', 'Иван', { patronymic: null, birth_date: null, region_code: null });
    expect(fresh.score(query)).toEqual([]);
    // Before the fix: [{ id: 'r0', probability: 0.993 … }]
    expect(upgraded.score(query)).toEqual([]);
  });
});
