import { describe, expect, it } from 'vitest';
import { LinkageEngine } from './engine.ts';
import { predictOnTwoThreads } from './two-threads.ts';
import { syntheticConfig, syntheticPeople } from './synthetic.test-helper.ts';

describe('two-thread scoring', () => {
  it('finds the same candidate pairs and weights as one thread', async () => {
    const rows = syntheticPeople(3000, 5);
    const build = (): LinkageEngine => {
      const e = new LinkageEngine(syntheticConfig());
      for (const r of rows) e.add(r.id, r.record);
      return e;
    };
    const one = build();
    one.train();
    const two = build();
    two.useParams(one.params!);
    const a = one.predict();
    const b = await predictOnTwoThreads(two, undefined, { mainScores: false });
    expect(b.stats.workerError).toBeUndefined();
    expect(b.stats.threads).toBe(2);
    expect(b.stats.candidatePairs).toBe(a.stats.candidatePairs);
    expect(b.stats.pairsPerRule).toEqual(a.stats.pairsPerRule);
    const key = (e: typeof a.edges, i: number): string =>
      `${Math.min(e.a[i], e.b[i])}:${Math.max(e.a[i], e.b[i])}:${e.weight[i].toFixed(9)}`;
    const setA = Array.from({ length: a.edges.length }, (_, i) => key(a.edges, i)).sort();
    const setB = Array.from({ length: b.edges.length }, (_, i) => key(b.edges, i)).sort();
    expect(setB).toEqual(setA);
    expect(Array.from(two.cluster(b.edges).clusterOf)).toEqual(Array.from(one.cluster(a.edges).clusterOf));
  });
  it('scores person records with the term frequencies of the main thread (within region and name)', async () => {
    const { generateRussianRecords } = await import('../../../bench/linkage/generator/index.ts');
    const { personConfig } = await import('./person-config.ts');
    const engine = new LinkageEngine(personConfig());
    for (const r of generateRussianRecords({ n: 3000, seed: 8 })) engine.add(r.record_id, r as never);
    engine.train();
    const one = engine.predict();
    const two = await predictOnTwoThreads(engine, undefined, { mainScores: false });
    expect(two.stats.threads).toBe(2);
    const key = (e: typeof one.edges, i: number): string =>
      `${Math.min(e.a[i], e.b[i])}:${Math.max(e.a[i], e.b[i])}:${e.weight[i].toFixed(9)}`;
    const a = Array.from({ length: one.edges.length }, (_, i) => key(one.edges, i)).sort();
    const b = Array.from({ length: two.edges.length }, (_, i) => key(two.edges, i)).sort();
    expect(b).toEqual(a);
  });
  it('does not wait for a worker that never took a chunk', async () => {
    const e = new LinkageEngine(syntheticConfig());
    for (const r of syntheticPeople(300, 9)) e.add(r.id, r.record);
    e.train();
    const single = e.predict();
    const r = await predictOnTwoThreads(e);
    expect(r.stats.candidatePairs).toBe(single.stats.candidatePairs);
    expect(r.edges.length).toBe(single.edges.length);
  });
});
