import { describe, expect, it } from 'vitest';
import { cluster, type ClusterOptions, type Edges, type PairCheck } from './cluster.ts';
import { edgesOf } from './edges.test-helper.ts';
import { weightOf } from './model.ts';

const opts: ClusterOptions = {
  linkThreshold: 0.9,
  reviewThreshold: 0.5,
  minAverage: 0.5,
  maxClusterSize: 100,
  alarmSize: 4,
};

/** A toy world: pair probabilities by "a-b", cannot-link pairs, everything else improbable. */
const world = (probs: Record<string, number>, cannot: string[] = []): { edges: Edges; check: PairCheck } => {
  const edges = edgesOf(
    Object.entries(probs).map(([k, p]) => {
      const [a, b] = k.split('-').map(Number);
      return [a, b, weightOf(p)] as const;
    }),
  );
  const check: PairCheck = {
    score: (a, b) => {
      const key = a < b ? `${a}-${b}` : `${b}-${a}`;
      return { weight: weightOf(probs[key] ?? 0.01), cannotLink: cannot.includes(key) };
    },
  };
  return { edges, check };
};

describe('constrained clustering', () => {
  it('links strong pairs transitively', () => {
    const { edges, check } = world({ '0-1': 0.99, '1-2': 0.98, '0-2': 0.97 });
    expect(Array.from(cluster(4, edges, check, opts).clusterOf)).toEqual([0, 0, 0, 3]);
  });
  it('does not let one weak link chain two people together', () => {
    // Person A = {0,1,2}, person B = {3,4}; a single borderline edge 2-3 passes the threshold,
    // but 0,1 disagree with 3,4 strongly.
    const { edges, check } = world({ '0-1': 0.999, '1-2': 0.999, '0-2': 0.999, '3-4': 0.999, '2-3': 0.91 });
    const r = cluster(5, edges, check, opts);
    expect(r.clusterOf[0]).toBe(r.clusterOf[2]);
    expect(r.clusterOf[3]).toBe(r.clusterOf[4]);
    expect(r.clusterOf[2]).not.toBe(r.clusterOf[3]);
    expect(r.review.map((e) => [edges.a[e], edges.b[e]])).toEqual([[2, 3]]);
  });
  it('takes a cross pair that is an edge at the edge’s weight when the edges are scores, and scores the rest', () => {
    const probs = { '0-1': 0.999, '1-2': 0.999, '0-2': 0.999, '3-4': 0.999, '2-3': 0.91 };
    const plain = world(probs);
    const scored: string[] = [];
    const check: PairCheck = {
      edgesAreScores: true,
      score: (a, b) => {
        scored.push(a < b ? `${a}-${b}` : `${b}-${a}`);
        return plain.check.score(a, b);
      },
    };
    const r = cluster(5, plain.edges, check, opts);
    expect(Array.from(r.clusterOf)).toEqual(Array.from(cluster(5, plain.edges, plain.check, opts).clusterOf));
    // Merging {0,1,2} with {3,4} over 2-3: only the cross pairs that are no edge are scored.
    expect(scored.sort()).toEqual(['0-3', '0-4', '1-3', '1-4', '2-4']);
  });
  it('respects cannot-link between any members, not just the edge', () => {
    const { edges, check } = world({ '0-1': 0.99, '1-2': 0.99, '0-2': 0.95 }, ['0-2']);
    const r = cluster(3, edges, check, opts);
    expect(r.clusterOf[0]).toBe(r.clusterOf[1]);
    expect(r.clusterOf[2]).not.toBe(r.clusterOf[0]);
    expect(r.rejected.constraint).toBeGreaterThan(0);
  });
  it('applies human decisions as hard constraints both ways', () => {
    const { edges, check } = world({ '0-1': 0.99, '2-3': 0.2 });
    const r = cluster(4, edges, check, opts, { same: [[2, 3]], different: [[0, 1]] });
    expect(r.clusterOf[0]).not.toBe(r.clusterOf[1]);
    expect(r.clusterOf[2]).toBe(r.clusterOf[3]);
  });
  it('caps cluster size and raises the alarm', () => {
    const probs: Record<string, number> = {};
    for (let i = 0; i < 9; i++) for (let j = i + 1; j < 9; j++) probs[`${i}-${j}`] = 0.99;
    const { edges, check } = world(probs);
    const r = cluster(9, edges, check, { ...opts, maxClusterSize: 6 });
    const sizes = new Map<number, number>();
    for (const c of r.clusterOf) sizes.set(c, (sizes.get(c) ?? 0) + 1);
    expect(Math.max(...sizes.values())).toBe(6);
    expect(r.alarms.length).toBeGreaterThan(0);
    expect(r.rejected.size).toBeGreaterThan(0);
  });
  it('names the larger cluster in the alarm, whichever side of the edge it is on', () => {
    const probs: Record<string, number> = {};
    for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) probs[`${i}-${j}`] = 0.99;
    // The cluster of five is the edge's first record: a merge with record 5 would pass the cap.
    probs['0-5'] = 0.98;
    const { edges, check } = world(probs);
    const r = cluster(6, edges, check, { ...opts, maxClusterSize: 5, alarmSize: 100 });
    expect(r.rejected.size).toBe(1);
    expect(r.alarms).toEqual([{ representative: 0, size: 5 }]);
  });
});

describe('cannot-link pairs outvoted (conflictShare)', () => {
  // One man's five records 0–4; record 5 is his too, but its date was mistyped past every typo
  // level: a cannot-link against record 0, the one other record with a full date.
  const man: Record<string, number> = {};
  for (let a = 0; a < 6; a++) for (let b = a + 1; b < 6; b++) man[`${a}-${b}`] = 0.99;
  delete man['0-5'];

  it('joins a record in conflict with one of five records that all link it', () => {
    const { edges, check } = world(man, ['0-5']);
    expect(new Set(cluster(6, edges, check, { ...opts, conflictShare: 0.2 }).clusterOf).size).toBe(1);
  });

  it('keeps it apart when any conflict forbids the merge, or when it conflicts with two of the five', () => {
    const one = world(man, ['0-5']);
    expect(cluster(6, one.edges, one.check, opts).clusterOf[5]).toBe(5);
    const { '1-5': _, ...fewer } = man;
    const two = world(fewer, ['0-5', '1-5']);
    expect(cluster(6, two.edges, two.check, { ...opts, conflictShare: 0.2 }).clusterOf[5]).toBe(5);
  });

  it('counts an outvoted conflict as probability 0 in the average', () => {
    // Against the five: four pairs at 0.6 and the conflict at 0 average 0.48, under minAverage.
    const weak = { ...man, '1-5': 0.6, '2-5': 0.6, '3-5': 0.6, '4-5': 0.6 };
    const { edges, check } = world(weak, ['0-5']);
    const r = cluster(6, edges, check, { ...opts, linkThreshold: 0.5, conflictShare: 0.2 });
    expect(r.clusterOf[5]).toBe(5);
  });

  it('never outvotes a human "different" decision', () => {
    const { edges, check } = world(man, []);
    const r = cluster(6, edges, check, { ...opts, conflictShare: 0.2 }, { same: [], different: [[0, 5]] });
    expect(r.clusterOf[5]).not.toBe(r.clusterOf[0]);
  });
});
