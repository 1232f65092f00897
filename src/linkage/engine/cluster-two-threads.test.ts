import { describe, expect, it } from 'vitest';
import type { ClusterResult, Decisions, Edges } from './cluster.ts';
import { splitByComponents } from './cluster-split.ts';
import { clusterOnTwoThreads, roomForClusterThread } from './cluster-two-threads.ts';
import { LinkageEngine } from './engine.ts';
import { predictOnTwoThreads } from './two-threads.ts';

const edgesOf = (pairs: [number, number][]): Edges => ({
  a: Int32Array.from(pairs.map((p) => p[0])),
  b: Int32Array.from(pairs.map((p) => p[1])),
  weight: new Float64Array(pairs.length).fill(5),
  length: pairs.length,
});

const sameClustering = (x: ClusterResult, y: ClusterResult): void => {
  expect(Array.from(x.clusterOf)).toEqual(Array.from(y.clusterOf));
  expect(x.review).toEqual(y.review);
  expect(x.alarms).toEqual(y.alarms);
  expect(x.rejected).toEqual(y.rejected);
  expect(x.profileMerges).toBe(y.profileMerges);
};

describe('components for two threads', () => {
  it('keeps each component whole, joins by "same" decisions too, and deals the largest first', () => {
    // Components {0,1,2,3} (3 edges), {4,5} + {6,7} joined by a decision, {8,9}; record 10 alone.
    const edges = edgesOf([
      [0, 1],
      [1, 2],
      [2, 3],
      [4, 5],
      [6, 7],
      [8, 9],
    ]);
    const split = splitByComponents(11, edges, [[5, 6]]);
    const half = (r: number): number => split.part[r];
    expect(new Set([0, 1, 2, 3].map(half)).size).toBe(1);
    expect(new Set([4, 5, 6, 7].map(half)).size).toBe(1);
    expect(half(0)).toBe(0);
    expect(half(4)).toBe(1);
    // Three edges each (one a decision) to the two halves, then the last to the first half (a tie).
    expect(half(8)).toBe(0);
    expect(half(10)).toBe(0);
    expect(Array.from(split.edges[0])).toEqual([0, 1, 2, 5]);
    expect(Array.from(split.edges[1])).toEqual([3, 4]);
  });
});

describe('clustering on two threads', () => {
  it('is taken only while the process and its edges stay within the memory budget', () => {
    expect(roomForClusterThread(2_000_000, 1_100_000_000)).toBe(true);
    // The fourth and eighth generators at a million records, after scoring.
    expect(roomForClusterThread(1_570_000, 1_468_000_000)).toBe(false);
    expect(roomForClusterThread(4_150_000, 1_200_000_000)).toBe(false);
  });

  const engineWithEdges = async (): Promise<{ engine: LinkageEngine; edges: Edges; decisions: Decisions }> => {
    const { generateRussianRecords } = await import('../../../bench/linkage/generator/index.ts');
    const { personConfig } = await import('./person-config.ts');
    const engine = new LinkageEngine(personConfig());
    for (const r of generateRussianRecords({ n: 4000, seed: 11 })) engine.add(r.record_id, r as never);
    engine.train();
    // Scored on the other thread alone, so that it holds the model and can be kept.
    const predicted = await predictOnTwoThreads(engine, undefined, { mainScores: false });
    const { edges } = predicted;
    // A decision each way between records of one edge.
    const decisions: Decisions = { same: [[edges.a[0], edges.b[0]]], different: [[edges.a[1], edges.b[1]]] };
    return { engine, edges, decisions };
  };

  it('gives the one-thread clustering record for record, with both looks split', async () => {
    const { engine, edges, decisions } = await engineWithEdges();
    const one = engine.cluster(edges, decisions);
    const split = splitByComponents(engine.data.size, edges, decisions.same);
    expect(split.edges[0].length).toBeGreaterThan(0);
    expect(split.edges[1].length).toBeGreaterThan(0);
    expect(engine.takesSecondLook()).toBe(true);
    const again = await predictOnTwoThreads(engine, undefined, { mainScores: false, keepForClustering: true });
    expect(again.clusterThread).toBeDefined();
    let asked = 0;
    const thread = again.clusterThread!;
    const counting = { ask: (job: Parameters<typeof thread.ask>[0]) => (asked++, thread.ask(job)), stop: thread.stop };
    const two = await clusterOnTwoThreads(engine, again.edges, decisions, counting);
    expect(asked).toBe(2);
    sameClustering(two, one);
    expect(one.clusterOf[decisions.same[0][0]]).toBe(one.clusterOf[decisions.same[0][1]]);
  }, 60_000);

  it('clusters everything on this thread when the other fails', async () => {
    const { engine, edges, decisions } = await engineWithEdges();
    const one = engine.cluster(edges, decisions);
    let stopped = false;
    const failing = {
      ask: () => Promise.reject(new Error('thread lost')),
      stop: () => {
        stopped = true;
      },
    };
    sameClustering(await clusterOnTwoThreads(engine, edges, decisions, failing), one);
    expect(stopped).toBe(true);
  }, 60_000);
});
