// Constrained greedy clustering. Plain connected components chains namesakes through single weak
// links at scale, so edges are merged strongest first, and two clusters merge only when
//  - no human "different" decision separates any two of their members, and no cannot-link level
//    does beyond `conflictShare` of their cross pairs (a man's one record with a mistyped date
//    is outvoted by his others; such a pair counts as probability 0 in the average),
//  - the average match probability over all their cross pairs (rescored on the spot) stays at or
//    above `minAverage`, so one strong edge cannot drag in a cluster the rest disagrees with,
//  - the result stays within maxClusterSize (larger would-be clusters raise the alarm).
// Human "same" decisions are applied first and bypass the automatic checks. Then, with
// `compareClusters`, clusters still apart are compared as wholes (cluster-profile.ts).
import { mergeByProfile, type FieldCheck } from './cluster-profile.ts';
import type { Edges } from './edges.ts';
import { edgesByWeight } from './key-sort.ts';
import { probability } from './model.ts';

export type { Edges } from './edges.ts';

export interface ClusterOptions {
  linkThreshold: number;
  reviewThreshold: number;
  minAverage: number;
  /**
   * The share of a merge's cross pairs that may be cannot-link (rounded down: none between two
   * records, one between a record and a cluster of five at 0.2). Human decisions and
   * sameSourceForbidden are never outvoted. 0: any cannot-link pair forbids the merge.
   */
  conflictShare?: number;
  maxClusterSize: number;
  alarmSize: number;
  /** After the pairs, compare clusters joined by a review-band edge as wholes (cluster-profile.ts). */
  compareClusters?: boolean;
}

export interface PairCheck {
  /** Match weight of any pair (rescoring), and whether it is a cannot-link (whose weight is not read). */
  score(a: number, b: number): { weight: number; cannotLink: boolean };
  /** Source-level constraint, e.g. two records of one deduplicated file in a link. */
  sameSourceForbidden?(a: number, b: number): boolean;
  /** Each comparison's level and weight for a pair: what compareClusters needs. */
  fields?: FieldCheck;
  /**
   * Every edge's weight is what score() gives its pair, and no edge is a cannot-link (the edges of
   * batch scoring): a merge's cross pairs that are edges take the edge's weight instead of being
   * scored again. At a million records two thirds of them are; each look of the clustering
   * scored 1.7 million cross pairs at the fourth generator's million.
   */
  edgesAreScores?: boolean;
}

/** Each record's edges (neighbour, edge index), as offsets into two arrays: for edgesAreScores. */
const adjacencyOf = (n: number, edges: Edges): { start: Int32Array; other: Int32Array; edge: Int32Array } => {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < edges.length; e++) {
    start[edges.a[e] + 1]++;
    start[edges.b[e] + 1]++;
  }
  for (let r = 0; r < n; r++) start[r + 1] += start[r];
  const fill = start.slice(0, n);
  const other = new Int32Array(2 * edges.length);
  const edge = new Int32Array(2 * edges.length);
  for (let e = 0; e < edges.length; e++) {
    const a = edges.a[e];
    const b = edges.b[e];
    other[fill[a]] = b;
    edge[fill[a]++] = e;
    other[fill[b]] = a;
    edge[fill[b]++] = e;
  }
  return { start, other, edge };
};

export interface Decisions {
  same: [number, number][];
  different: [number, number][];
}

export interface ClusterResult {
  /** Per record: the index of its cluster's representative (smallest member index). */
  clusterOf: Int32Array;
  review: number[];
  alarms: { representative: number; size: number }[];
  rejected: { constraint: number; average: number; size: number };
  /** Merges made by comparing clusters as wholes (compareClusters). */
  profileMerges: number;
  /** The link probability used (the config's, or the one chosen for a target precision). */
  linkThreshold: number;
}

export const cluster = (
  n: number,
  edges: Edges,
  check: PairCheck,
  opts: ClusterOptions,
  decisions: Decisions = { same: [], different: [] },
): ClusterResult => {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const members: (number[] | null)[] = new Array(n).fill(null);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const membersOf = (r: number): number[] => members[r] ?? [r];
  // Sizes without building a singleton's list: most merges at a million records are of two.
  const sizeOf = (r: number): number => members[r]?.length ?? 1;
  // Bumped whenever a cluster gains members: a merge refused between two clusters neither of which
  // has changed since is refused again without rescoring their cross pairs (several edges between
  // the same two clusters of namesakes ask the same question: the first look at a million 2.9 → 2.2 s).
  const version = new Int32Array(n);
  const refused = new Map<number, { at: number; why: 'constraint' | 'average' }>();
  const union = (ra: number, rb: number): void => {
    const big = sizeOf(ra) >= sizeOf(rb) ? ra : rb;
    const small = big === ra ? rb : ra;
    parent[small] = big;
    version[big]++;
    const list = members[big] ?? [big];
    const joined = members[small];
    if (joined) for (const x of joined) list.push(x);
    else list.push(small);
    members[big] = list;
    members[small] = null;
  };
  const different = new Set<string>();
  const pairKey = (a: number, b: number): string => (a < b ? `${a}:${b}` : `${b}:${a}`);
  for (const [a, b] of decisions.different) different.add(pairKey(a, b));
  for (const [a, b] of decisions.same) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) union(ra, rb);
  }
  const rejected = { constraint: 0, average: 0, size: 0 };
  const conflictShare = opts.conflictShare ?? 0;
  // Compared as probabilities: a threshold taken from an edge's own probability (the target
  // precision's) must take that edge in, and weightOf(probability(w)) may come back above w.
  // Each edge's probability once: the merges, their averages and the review list all ask for it.
  const prob = new Float64Array(edges.length);
  for (let e = 0; e < edges.length; e++) prob[e] = probability(edges.weight[e]);
  let linkables = 0;
  for (let e = 0; e < edges.length; e++) if (prob[e] >= opts.linkThreshold) linkables++;
  const linkable = new Int32Array(linkables);
  for (let e = 0, i = 0; e < edges.length; e++) if (prob[e] >= opts.linkThreshold) linkable[i++] = e;
  // Ties broken by record order: the result must not depend on which thread found an edge first.
  const order = edgesByWeight(linkable, edges.weight, edges.a, edges.b);
  const alarmed = new Set<number>();
  const forbidden = (x: number, y: number): boolean =>
    (different.size > 0 && different.has(pairKey(x, y))) || check.sameSourceForbidden?.(x, y) === true;
  const adjacency = check.edgesAreScores ? adjacencyOf(n, edges) : null;
  // edgeTo[y]: the edge between y and the cross pair's member of A being looked at, or -1.
  const edgeTo = adjacency ? new Int32Array(n).fill(-1) : null;
  /** Marks x's edges in edgeTo (on), or clears them again (off). */
  const markEdges = (x: number, on: boolean): void => {
    if (!adjacency || !edgeTo) return;
    for (let k = adjacency.start[x]; k < adjacency.start[x + 1]; k++)
      edgeTo[adjacency.other[k]] = on ? adjacency.edge[k] : -1;
  };
  /**
   * The mean probability over the cross pairs of two clusters (edges read, other pairs scored),
   * or null when one is forbidden or more are cannot-link than conflictShare allows (those
   * allowed count as 0). The smaller cluster's members are walked with their edges marked, the
   * larger's looked up.
   */
  const crossAverage = (ra: number, rb: number, raSmaller: boolean): number | null => {
    const [A, B] = raSmaller ? [membersOf(ra), membersOf(rb)] : [membersOf(rb), membersOf(ra)];
    let sum = 0;
    let outvoted = Math.floor(conflictShare * A.length * B.length);
    for (const x of A) {
      markEdges(x, true);
      let ok = true;
      for (const y of B) {
        if (forbidden(x, y)) {
          ok = false;
          break;
        }
        const known = edgeTo ? edgeTo[y] : -1;
        if (known >= 0) {
          sum += prob[known];
          continue;
        }
        const s = check.score(x, y);
        if (s.cannotLink) {
          if (outvoted-- > 0) continue;
          ok = false;
          break;
        }
        sum += probability(s.weight);
      }
      markEdges(x, false);
      if (!ok) return null;
    }
    return sum / (A.length * B.length);
  };
  for (const e of order) {
    const ra = find(edges.a[e]);
    const rb = find(edges.b[e]);
    if (ra === rb) continue;
    const sa = sizeOf(ra);
    const sb = sizeOf(rb);
    if (sa + sb > opts.maxClusterSize) {
      rejected.size++;
      alarmed.add(sa >= sb ? ra : rb);
      continue;
    }
    // Two records and their one edge: nothing to rescore, and no earlier refusal to recall (a pair
    // has one edge): two in five of the merges weighed at a million records.
    const single = sa === 1 && sb === 1;
    let pair = -1;
    let at = 0;
    if (!single) {
      pair = ra < rb ? ra * n + rb : rb * n + ra;
      at = ra < rb ? version[ra] * 4_194_304 + version[rb] : version[rb] * 4_194_304 + version[ra];
      const before = refused.get(pair);
      if (before && before.at === at) {
        rejected[before.why]++;
        continue;
      }
    }
    const average = single ? (forbidden(ra, rb) ? null : prob[e]) : crossAverage(ra, rb, sa <= sb);
    const why = average === null ? 'constraint' : average < opts.minAverage ? 'average' : null;
    if (why) {
      rejected[why]++;
      if (!single) refused.set(pair, { at, why });
      continue;
    }
    union(ra, rb);
  }
  const profileMerges =
    opts.compareClusters && check.fields
      ? mergeByProfile(edges, prob, check.fields, { find, membersOf, union, forbidden }, opts)
      : 0;
  const clusterOf = new Int32Array(n);
  const rep = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const r = find(i);
    if (rep[r] < 0) rep[r] = i;
    clusterOf[i] = rep[r];
  }
  const review: number[] = [];
  for (let e = 0; e < edges.length; e++) {
    if (prob[e] >= opts.reviewThreshold && clusterOf[edges.a[e]] !== clusterOf[edges.b[e]]) review.push(e);
  }
  const alarms: { representative: number; size: number }[] = [];
  for (let r = 0; r < n; r++) {
    const m = members[r];
    if (m && parent[r] === r && (m.length >= opts.alarmSize || alarmed.has(r)))
      alarms.push({ representative: rep[r], size: m.length });
  }
  // In record order, as two threads' halves put together give them (cluster-split.ts).
  alarms.sort((x, y) => x.representative - y.representative);
  return { clusterOf, review, alarms, rejected, profileMerges, linkThreshold: opts.linkThreshold };
};
