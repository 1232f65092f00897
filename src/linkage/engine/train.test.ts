import { describe, expect, it } from 'vitest';
import { LinkageEngine } from './engine.ts';
import { syntheticConfig, syntheticPeople } from './synthetic.test-helper.ts';

describe('unsupervised training (u from random pairs, m and λ by EM over candidate pairs)', () => {
  const rows = syntheticPeople(400);
  const engine = new LinkageEngine(syntheticConfig());
  for (const r of rows) engine.add(r.id, r.record);
  const report = engine.train();
  const p = engine.params!;
  const idx = (name: string): number => engine.comparisons.findIndex((c) => c.name === name);

  it('learns that agreement is far likelier among matches than among random pairs', () => {
    for (const name of ['first', 'last', 'dob']) {
      const i = idx(name);
      expect(p.m[i][1]).toBeGreaterThan(0.5);
      expect(p.u[i][1]).toBeLessThan(0.2);
      expect(engine.scorer!.weights[i][1]).toBeGreaterThan(2);
      // The usual disagreement (the level most random pairs fall in) counts against a match.
      const usual = p.u[i].indexOf(Math.max(...p.u[i]));
      expect(engine.scorer!.weights[i][usual]).toBeLessThan(0);
    }
  });
  it('estimates λ near the true share of matching pairs', () => {
    const n = rows.length;
    const byTruth = new Map<number, number>();
    for (const r of rows) byTruth.set(r.truth, (byTruth.get(r.truth) ?? 0) + 1);
    let truePairs = 0;
    for (const c of byTruth.values()) truePairs += (c * (c - 1)) / 2;
    const trueLambda = truePairs / ((n * (n - 1)) / 2);
    expect(p.lambda).toBeGreaterThan(trueLambda / 3);
    expect(p.lambda).toBeLessThan(trueLambda * 3);
  });
  it("runs EM over the engine's own candidate pairs and expects about as many matches as there are", () => {
    const byTruth = new Map<number, number>();
    for (const r of rows) byTruth.set(r.truth, (byTruth.get(r.truth) ?? 0) + 1);
    let truePairs = 0;
    for (const c of byTruth.values()) truePairs += (c * (c - 1)) / 2;
    expect(report.candidatePairs).toBeGreaterThan(truePairs);
    expect(report.expectedMatches).toBeGreaterThan(truePairs * 0.8);
    expect(report.expectedMatches).toBeLessThan(truePairs * 1.25);
  });
  it('finds the duplicates with high precision end to end', () => {
    const { edges } = engine.predict();
    const { clusterOf } = engine.cluster(edges);
    let tp = 0;
    let fp = 0;
    for (let a = 0; a < rows.length; a++)
      for (let b = a + 1; b < rows.length; b++) {
        if (clusterOf[a] !== clusterOf[b]) continue;
        if (rows[a].truth === rows[b].truth) tp++;
        else fp++;
      }
    expect(tp).toBeGreaterThan(100);
    expect(fp / (tp + fp)).toBeLessThan(0.05);
  });
});

describe('u in a small file with many records per person', () => {
  // 150 people with 6 records each (one with a typo in the name), every record with its person's
  // birth date (no two people share one): a random pair is a match one time in 180, and every
  // random pair that agrees on the date is one of those matches. Strangers never agree on it.
  const engine = new LinkageEngine({
    id: 'id',
    comparisons: [
      { type: 'name', field: 'name' },
      { type: 'date', field: 'dob' },
    ],
    blocking: [['name'], ['dob']],
    training: { randomPairs: 200_000 },
  });
  for (let person = 0; person < 150; person++) {
    const dob = `19${50 + (person % 50)}-0${1 + (person % 9)}-${10 + Math.floor(person / 9)}`;
    for (let k = 0; k < 6; k++)
      engine.add(`${person}-${k}`, { name: k === 5 ? `nxme${person}` : `name${person}`, dob });
  }
  engine.train();
  const i = engine.comparisons.findIndex((c) => c.name === 'dob');

  it('takes the matches among the random pairs out of u', () => {
    // Read off the random pairs as they are, u(exact) would be the matches' share, about 1/180.
    expect(engine.params!.u[i][1]).toBeLessThan(0.0005);
    expect(engine.scorer!.weights[i][1]).toBeGreaterThan(10);
  });
  it('so λ is the share of matching pairs', () => {
    const truePairs = 150 * 15;
    expect(engine.params!.lambda).toBeCloseTo(truePairs / ((900 * 899) / 2), 4);
  });
});
