// Names written in each other's fields: the swap is one event, and each name weighs by its
// frequency against its exact level's u. The surname's swapped level carries the chance that
// strangers' names cross-agree at all (its own m and u); the given name's adds only its name's
// frequency. Counted against the swapped level's own u, a swapped pair of common names came out
// 3–4 bits weaker than the same names written in place (on the independent generator such pairs
// held no other field and were one man 47% of the time at a predicted 9%).
import { describe, expect, it } from 'vitest';
import { tfBases } from './comparison.ts';
import { LinkageEngine } from './engine.ts';
import { personConfig } from './person-config.ts';

describe('a swapped pair of names', () => {
  const config = personConfig();
  const engine = new LinkageEngine({ ...config, training: { ...config.training, minRecords: 1_000_000 } });
  for (let i = 0; i < 200; i++) engine.add(`m${i}`, { surname: 'Магомедов', given_name: `Имя${i}` });
  for (let i = 0; i < 200; i++) engine.add(`r${i}`, { surname: `Фамилия${i}ов`, given_name: 'Руслан' });
  engine.add('a', { surname: 'Магомедов', given_name: 'Руслан' });
  engine.add('b', { surname: 'Магомедов', given_name: 'Руслан' });
  engine.add('swapped', { surname: 'Руслан', given_name: 'Магомедов' });
  engine.train();
  const ids = engine.data.ids;
  const at = (id: string) => ids.indexOf(id);
  const comps = engine.comparisons;
  const si = comps.findIndex((c) => c.name === 'surname');
  const gi = comps.findIndex((c) => c.name === 'given_name');

  it('counts the swap once: the given name adds its frequency only', () => {
    const parts = engine.scorer!.explain(at('a'), at('swapped'));
    expect(parts.find((p) => p.comparison === 'surname')!.level).toBe('swapped with given name');
    expect(parts.find((p) => p.comparison === 'given_name')!.level).toBe('swapped with surname');
    expect(engine.scorer!.weights[gi][2]).toBe(0);
    expect(tfBases(comps)[si][2]).toBe(1);
    expect(tfBases(comps)[gi][2]).toBe(1);
  });

  it('weighs a swapped pair of names near the same names written in place', () => {
    const scorer = engine.scorer!;
    const inPlace = scorer.score(at('a'), at('b'));
    const swapped = scorer.score(at('a'), at('swapped'));
    expect(swapped).toBeLessThan(inPlace);
    expect(inPlace - swapped).toBeLessThan(2);
  });
});

describe('a swapped pair in a dense name pool', () => {
  it('weighs the given name by its frequency among men of that surname, as the pair written in place does', () => {
    const config = personConfig();
    const engine = new LinkageEngine({ ...config, training: { ...config.training, minRecords: 1_000_000 } });
    // Руслан is one name in ten nationally but most Магомедовs are Руслан.
    for (let i = 0; i < 60; i++) engine.add(`m${i}`, { surname: 'Магомедов', given_name: 'Руслан' });
    for (let i = 0; i < 600; i++) engine.add(`o${i}`, { surname: `Фамилия${i}ов`, given_name: `Имя${i % 50}` });
    engine.add('swapped', { surname: 'Руслан', given_name: 'Магомедов' });
    engine.train();
    const scorer = engine.scorer!;
    const ids = engine.data.ids;
    const gi = engine.comparisons.findIndex((c) => c.name === 'given_name');
    const given = (a: string, b: string) =>
      scorer.explain(ids.indexOf(a), ids.indexOf(b)).find((c) => c.comparison === 'given_name')!.weight;
    // In place: log2(m/u) + log2(u/f within the surname); swapped: log2(u/f) with the same f.
    const inPlace = given('m0', 'm1') - scorer.weights[gi][1];
    expect(given('m0', 'swapped')).toBeCloseTo(inPlace, 1);
  });
});

describe('the u of a swap', () => {
  // A swap is done to one record: strangers cross-agree as much less often than they agree in
  // place as one man's records do, so names swapped weigh what the same names in place weigh,
  // trained or saved, and however few random pairs happened to cross-agree.
  const weightsOf = (minRecords: number) => {
    const config = personConfig();
    const engine = new LinkageEngine({ ...config, training: { ...config.training, minRecords, randomPairs: 2000 } });
    for (let i = 0; i < 1200; i++)
      engine.add(`r${i}`, {
        surname: `Фамилия${i % 400}ов`,
        given_name: ['Иван', 'Руслан', 'Олег'][i % 3],
        region: 'Тверская',
      });
    for (let i = 0; i < 40; i++)
      engine.add(`s${i}`, { surname: ['Иван', 'Руслан', 'Олег'][i % 3], given_name: `Фамилия${i}ов` });
    engine.train();
    const si = engine.comparisons.findIndex((c) => c.name === 'surname');
    const gi = engine.comparisons.findIndex((c) => c.name === 'given_name');
    const w = engine.scorer!.weights;
    return { swapped: w[si][2], inPlace: w[si][1] + w[gi][1], given: w[gi][2] };
  };
  it('weighs names swapped as the same names in place, the given name adding nothing of its own', () => {
    for (const minRecords of [0, 1_000_000]) {
      const w = weightsOf(minRecords);
      expect(w.swapped).toBeCloseTo(w.inPlace, 6);
      expect(w.given).toBe(0);
    }
  });
});
