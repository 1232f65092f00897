import { describe, expect, it } from 'vitest';
import { FeatureRegistry, Interner, TokenFeature } from './dataset.ts';
import { LinkageEngine } from './engine.ts';
import { syncTasks } from './parallel-sync.ts';
import { spawnSecondThread } from './second-thread.ts';
import { syncOnTwoThreads, trainOnTwoThreads } from './two-threads.ts';
import { personConfig } from './person-config.ts';
import { syntheticConfig, syntheticPeople } from './synthetic.test-helper.ts';
import { personEngines } from './person-engines.test-helper.ts';

/** Every feature's values and every interner's strings, in registration order. */
const snapshot = (e: LinkageEngine): { features: number[][]; interners: string[][] } => ({
  features: e.features.features.map((f) => Array.from(f.data.subarray(0, f.filled))),
  interners: e.features.interners.map((i) => [...i.values]),
});

describe('normalising on two threads', () => {
  it('fills every feature and interner of person records as one thread does, token for token', async () => {
    const build = await personEngines(11);
    const one = build();
    one.sync();
    const two = build();
    // Two threads took tasks: the other's features were adopted, not computed here again.
    expect(await syncOnTwoThreads(two)).toEqual({ threads: 2 });
    expect(snapshot(two)).toEqual(snapshot(one));
    const serial = one.train();
    const parallel = two.train();
    expect(parallel.expectedMatches).toBe(serial.expectedMatches);
    expect(Array.from(two.cluster(two.predict().edges).clusterOf)).toEqual(
      Array.from(one.cluster(one.predict().edges).clusterOf),
    );
  });

  it('trains the same model when the second thread draws the random pairs for u, counts the term frequencies and compares EM’s candidates', async () => {
    const build = await personEngines(12);
    const one = build();
    one.sync();
    const serial = one.train();
    const two = build();
    const thread = spawnSecondThread();
    expect(await syncOnTwoThreads(two, thread)).toEqual({ threads: 2 });
    let drawn = 0;
    let counted = 0;
    let compared = 0;
    const drawAndCount = thread.drawAndCount;
    thread.drawAndCount = (job) =>
      drawAndCount(job).then((answer) => ((drawn = answer.levels.a.length), (counted = answer.counted.total), answer));
    const compare = thread.compareCandidates;
    thread.compareCandidates = (job) => compare(job).then((answer) => ((compared = answer.chunks), answer));
    // Every one of EM's candidate pairs compared on the thread.
    const parallel = await trainOnTwoThreads(two, thread, { mainCompares: false });
    thread.stop();
    // The thread drew the random pairs and compared EM's candidates (this thread did not, after a
    // failure), and the model is the same.
    expect(drawn).toBeGreaterThan(300_000);
    expect(counted).toBe(3000);
    expect(compared).toBeGreaterThanOrEqual(8);
    expect(parallel.expectedMatches).toBe(serial.expectedMatches);
    expect(two.params).toEqual(one.params);
  });

  it('keeps the names compared in both orders in one task, with their blocking keys', () => {
    const e = new LinkageEngine(personConfig());
    e.add('a', { surname: 'Иванов', given_name: 'Иван', birth_date: '01.02.1990', region: 'Тыва', unit: '55 омсбр' });
    const tasks = syncTasks(e);
    const names = tasks.find((t) => t.columns.includes('surname'))!;
    expect(names.columns).toContain('given_name');
    expect(names.comparisons.map((i) => e.comparisons[i].name)).toEqual(['surname', 'given_name']);
    // Every comparison is in exactly one task.
    expect(tasks.flatMap((t) => t.comparisons).sort()).toEqual(e.comparisons.map((_, i) => i));
  });

  it('works for a generic config as well', async () => {
    const rows = syntheticPeople(800, 3);
    const build = (): LinkageEngine => {
      const e = new LinkageEngine(syntheticConfig());
      for (const r of rows) e.add(r.id, r.record);
      return e;
    };
    const one = build();
    one.sync();
    const two = build();
    expect(await syncOnTwoThreads(two)).toEqual({ threads: 2 });
    expect(snapshot(two)).toEqual(snapshot(one));
  });

  it('refuses features that both threads filled', () => {
    const registry = new FeatureRegistry();
    const interner = new Interner(registry);
    const feature = new TokenFeature((raw) => interner.id(raw.toLowerCase()), registry);
    const other = new FeatureRegistry();
    const otherInterner = new Interner(other);
    const otherFeature = new TokenFeature((raw) => otherInterner.id(raw.toUpperCase()), other);
    const mark = registry.mark();
    const fromOther = other.mark();
    otherInterner.id('X');
    otherFeature.data[0] = 0;
    otherFeature.filled = 1;
    // This thread filled the same feature meanwhile: two numberings of one value space.
    interner.id('x');
    feature.filled = 1;
    expect(registry.adoptChanged(other.changedSince(fromOther), mark)).toBe(false);
    expect(interner.values).toEqual(['x']);
    // Untouched here, the other thread's work is taken.
    const fresh = new FeatureRegistry();
    new Interner(fresh);
    new TokenFeature(() => 0, fresh);
    expect(fresh.adoptChanged(other.changedSince(fromOther), fresh.mark())).toBe(true);
    expect(fresh.interners[0].values).toEqual(['X']);
    expect(fresh.features[0].filled).toBe(1);
  });
});
