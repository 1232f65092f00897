import { describe, expect, it } from 'vitest';
import { LinkageEngine } from './engine/engine.ts';
import { spawnSecondThread } from './second-thread.ts';
import { syncOnTwoThreads, trainOnTwoThreads } from './engine/two-threads.ts';
import { syntheticConfig, syntheticPeople } from './engine/synthetic.test-helper.ts';
import { personEngines } from './engine/person-engines.test-helper.ts';

/** Every feature's values and every interner's strings, in registration order. */
const snapshot = (e: LinkageEngine): { features: number[][]; interners: string[][] } => ({
  features: e.features.features.map((f) => Array.from(f.data.subarray(0, f.filled))),
  interners: e.features.interners.map((i) => [...i.values]),
});

/** sync() with a second thread started for it and stopped after. */
const syncWithThread = async (e: LinkageEngine): Promise<{ threads: 1 | 2 }> => {
  const thread = spawnSecondThread();
  try {
    return await syncOnTwoThreads(e, thread);
  } finally {
    await thread.stop();
  }
};

describe('the second thread', () => {
  it('fills every feature and interner of person records as one thread does, token for token', async () => {
    const build = await personEngines(11);
    const one = build();
    one.sync();
    const two = build();
    // Two threads took tasks: the other's features were adopted, not computed here again.
    expect(await syncWithThread(two)).toEqual({ threads: 2 });
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
    expect(await syncWithThread(two)).toEqual({ threads: 2 });
    expect(snapshot(two)).toEqual(snapshot(one));
  });
});
