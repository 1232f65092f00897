import { describe, expect, it } from 'vitest';
import type { LinkageEngine, PredictResult } from './engine/engine.ts';
import { personEngines } from './engine/person-engines.test-helper.ts';
import { spawnSecondThread } from './second-thread.ts';
import { predictOnTwoThreads, type SecondThread, syncOnTwoThreads, trainOnTwoThreads } from './engine/two-threads.ts';

/** A run's edges as sorted "a:b:weight" lines, whichever thread found them. */
const edgeLines = (p: PredictResult): string[] =>
  Array.from(
    { length: p.edges.length },
    (_, i) =>
      `${Math.min(p.edges.a[i], p.edges.b[i])}:${Math.max(p.edges.a[i], p.edges.b[i])}:${p.edges.weight[i].toFixed(9)}`,
  ).sort();

/** One thread, start to end: what every two-thread arrangement must give. */
const oneThread = (e: LinkageEngine): { edges: string[]; clusters: number[]; later: number } => {
  e.sync();
  e.train();
  const p = e.predict();
  return { edges: edgeLines(p), clusters: Array.from(e.cluster(p.edges).clusterOf), later: addedLater(e) };
};

/**
 * A record added after the run, counted into the term frequencies and scored against the first
 * (as the incremental index does): the counts taken over from the thread go on growing.
 */
const addedLater = (e: LinkageEngine): number => {
  const first = Object.fromEntries(e.data.fields.map((f) => [f, e.data.value(f, 0)]));
  const r = e.add('later', { ...first, given_name: 'Ермолай' });
  e.sync();
  e.scorer!.countTerms();
  return e.probability(0, r);
};

/** A thread that fails every job it is given, as a thread that died would. */
const deadThread = (): SecondThread & { asked: string[] } => {
  const asked: string[] = [];
  const fail = (job: string) => () => {
    asked.push(job);
    return Promise.reject(new Error('the second thread has ended'));
  };
  return {
    asked,
    normalise: fail('normalise'),
    drawAndCount: fail('drawAndCount'),
    compareCandidates: fail('compareCandidates'),
    score: fail('score'),
    stop: () => Promise.resolve(),
    state: null,
  };
};

describe('a batch run on two threads', () => {
  it('gives one thread’s edges and clusters with the second thread doing every job it can', async () => {
    const build = await personEngines(21);
    const expected = oneThread(build());
    const e = build();
    const thread = spawnSecondThread();
    const scored: number[] = [];
    const score = thread.score;
    thread.score = (job) => score(job).then((out) => (scored.push(out.length), out));
    expect(await syncOnTwoThreads(e, thread)).toEqual({ threads: 2 });
    await trainOnTwoThreads(e, thread, { mainCompares: false });
    // Every chunk left to the thread, which scores with the features it normalised and was sent.
    const p = await predictOnTwoThreads(e, undefined, { thread, mainScores: false });
    expect(p.stats.threads).toBe(2);
    // Once, with every edge kept before the source prior's rescoring.
    expect(scored.length).toBe(1);
    expect(scored[0]).toBeGreaterThanOrEqual(p.edges.length);
    expect(edgeLines(p)).toEqual(expected.edges);
    expect(Array.from(e.cluster(p.edges).clusterOf)).toEqual(expected.clusters);
    expect(addedLater(e)).toBe(expected.later);
  });

  it('does every job on this thread when the second thread has died, and the result is the same', async () => {
    const build = await personEngines(22);
    const expected = oneThread(build());
    const e = build();
    const thread = deadThread();
    expect(await syncOnTwoThreads(e, thread)).toEqual({ threads: 1 });
    // It lacks this engine's features now: it is given no later job.
    expect(thread.state).toBeNull();
    await trainOnTwoThreads(e, thread);
    const p = await predictOnTwoThreads(e, undefined, { thread });
    expect(thread.asked).toEqual(['normalise']);
    expect(edgeLines(p)).toEqual(expected.edges);
    expect(Array.from(e.cluster(p.edges).clusterOf)).toEqual(expected.clusters);
  });

  it('normalises again what the thread filled where this one did too', async () => {
    const build = await personEngines(23);
    const expected = oneThread(build());
    const e = build();
    const thread = deadThread();
    // The thread answers as if it had filled the first feature, which this thread (taking every
    // task) fills as well: two numberings of one value space, refused.
    thread.normalise = () =>
      Promise.resolve({ features: [{ index: 0, data: new Int32Array([7]), filled: 1 }], interners: [] });
    expect(await syncOnTwoThreads(e, thread)).toEqual({ threads: 1 });
    expect(e.features.features[0].data[0]).not.toBe(7);
    await trainOnTwoThreads(e, thread);
    const p = await predictOnTwoThreads(e, undefined, { thread });
    expect(edgeLines(p)).toEqual(expected.edges);
    expect(Array.from(e.cluster(p.edges).clusterOf)).toEqual(expected.clusters);
  });

  it('finishes EM and scoring here when the thread dies during them', async () => {
    const build = await personEngines(24);
    const expected = oneThread(build());
    const trained = build();
    trained.sync();
    trained.train();
    const e = build();
    const thread = spawnSecondThread();
    await syncOnTwoThreads(e, thread);
    // The thread dies after drawing the random pairs, before comparing any of the EM chunks
    // left to it.
    thread.compareCandidates = () => {
      thread.stop();
      return Promise.reject(new Error('the second thread has ended'));
    };
    await trainOnTwoThreads(e, thread, { mainCompares: false });
    expect(e.params).toEqual(trained.params);
    // Scoring then starts a thread of its own; and when that one fails too, this one scores alone.
    const again = build();
    const t2 = spawnSecondThread();
    await syncOnTwoThreads(again, t2);
    await trainOnTwoThreads(again, t2);
    t2.score = () => Promise.reject(new Error('the second thread has ended'));
    const p = await predictOnTwoThreads(again, undefined, { thread: t2, mainScores: false });
    expect(p.stats.threads).toBe(1);
    expect(p.stats.workerError).toContain('ended');
    expect(edgeLines(p)).toEqual(expected.edges);
    const q = await predictOnTwoThreads(e, undefined, { thread, mainScores: false });
    expect(q.stats.threads).toBe(2);
    expect(edgeLines(q)).toEqual(expected.edges);
  });
});
