// Two-thread clustering against the one-thread engine.cluster() where the clustering's rules bite:
// small cluster caps (alarms, size refusals), a one-record-per-source constraint, optimiseF1 and
// targetPrecision thresholds, "same" decisions between records with no edge, "different"
// decisions across the halves. Written by a bug hunt, which found them all identical.
import { describe, expect, it } from 'vitest';
import { generateRussianRecords } from '../../../bench/linkage/generator/index.ts';
import type { Decisions } from './cluster.ts';
import { splitByComponents } from './cluster-split.ts';
import { clusterOnTwoThreads } from './cluster-two-threads.ts';
import { LinkageEngine } from './engine.ts';
import { personConfig } from './person-config.ts';
import { predictOnTwoThreads } from './two-threads.ts';

const run = async (thresholds: Record<string, unknown>, uniquePerSource: boolean) => {
  const base = personConfig();
  const config = {
    ...base,
    thresholds: { ...base.thresholds, ...thresholds },
    cluster: { maxClusterSize: 3, alarmSize: 2, uniquePerSource, compareClusters: true },
  };
  const engine = new LinkageEngine(config as never);
  const sources = new Map<string, number>();
  for (const r of generateRussianRecords({ n: 3000, seed: 5 })) {
    if (!sources.has(r.source)) sources.set(r.source, sources.size);
    engine.add(r.record_id, r as never, sources.get(r.source));
  }
  engine.train();
  const p = await predictOnTwoThreads(engine, undefined, { mainScores: false, keepForClustering: true });
  expect(p.clusterThread).toBeDefined();
  const { edges } = p;
  const n = engine.data.size;
  const hasEdge = new Uint8Array(n);
  for (let e = 0; e < edges.length; e++) hasEdge[edges.a[e]] = hasEdge[edges.b[e]] = 1;
  const lonely = [...hasEdge.keys()].filter((r) => !hasEdge[r]);
  const decisions: Decisions = {
    same: [
      [edges.a[3], edges.b[3]],
      [lonely[0], lonely[1]],
      [lonely[2], edges.a[10]],
    ],
    different: [
      [edges.a[4], edges.b[4]],
      [edges.a[0], edges.a[edges.length - 1]],
      [lonely[3], edges.b[20]],
    ],
  };
  const one = engine.cluster(edges, decisions);
  const split = splitByComponents(n, edges, decisions.same);
  expect(split.edges[0].length * split.edges[1].length).toBeGreaterThan(0);
  const two = await clusterOnTwoThreads(engine, edges, decisions, p.clusterThread!);
  expect(Array.from(two.clusterOf)).toEqual(Array.from(one.clusterOf));
  expect(two.review).toEqual(one.review);
  expect(two.alarms).toEqual(one.alarms);
  expect(two.rejected).toEqual(one.rejected);
  expect(two.profileMerges).toBe(one.profileMerges);
  expect(two.linkThreshold).toBe(one.linkThreshold);
  return one;
};

describe('two-thread clustering, stressed (confirmed correct)', () => {
  it('optimiseF1, small caps (size refusals, alarms), decisions across halves and between edge-less records', async () => {
    const one = await run({ optimiseF1: true, minLink: 0.2 }, false);
    expect(one.rejected.size + one.alarms.length).toBeGreaterThan(0);
  }, 60_000);
  it('targetPrecision with a source constraint (uniquePerSource)', async () => {
    const one = await run({ targetPrecision: 0.9, minLink: 0.2 }, true);
    expect(one.rejected.constraint).toBeGreaterThan(0);
  }, 60_000);
});
