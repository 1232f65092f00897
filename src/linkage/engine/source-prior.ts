// How often two lists name the same man, learned from the file. A comrade's tips rarely name one
// man twice; an exchange list (the living) and an obituary roundup (the dead) almost never name
// the same man; a family's request and a rights group's spreadsheet often do. The source
// comparison says only "same list or not"; this replaces its weight, per pair of lists, by how
// much likelier than the file's average a pair from those two lists is one man:
//   log2(odds(λ_st) / odds(λ̄)),  λ_st = (E_st + K) / (N_st + K/λ̄),  λ̄ = ΣE / ΣN,
// where E_st is the model's expected number of matches among the scored pairs of lists s and t
// (the sum of their probabilities), N_st their number of pairs, and K matches' worth of the
// average keeps a pair of small lists near it.
import type { Edges } from './edges.ts';
import { probability, weightOf } from './weights.ts';

/**
 * The most a pair's prior may raise its weight above the source level's, in bits. The file's first
 * scoring keeps pairs down to the review threshold less this, so that every pair the prior lifts
 * to review is among them and a later scoring with the prior finds the very same edges.
 */
export const MAX_SOURCE_LIFT = 2;

/** Saved with the model: per pair of source values, the weight that replaces "same list or not". */
export interface SourcePrior {
  /** The source comparison's name. */
  comparison: string;
  /** Source values as the comparison keys them. */
  sources: string[];
  /** adjust[i][j] = adjust[j][i]: log2 of the pair of lists' match odds over the file's. */
  adjust: number[][];
}

/** What the prior needs of the source comparison (a KeyedComparison): each record's key, the keys. */
export interface SourceKeys {
  key(record: number): number;
  keyText(id: number): string;
  keyCount(): number;
}

/**
 * The prior per pair of sources from the scored edges (pairs at or above review: nearly all of
 * the expected matches), or null with fewer than two sources. `priorMatches` is how many matches'
 * worth of the file's average λ each pair of lists starts from.
 */
export function learnSourcePrior(
  name: string,
  keys: SourceKeys,
  size: number,
  edges: Edges,
  levelWeight: { same: number; different: number },
  lambda: number,
  priorMatches: number,
  /** Edges below this weight (kept for other uses) are not counted. */
  countedFrom = Number.NEGATIVE_INFINITY,
): SourcePrior | null {
  const ids = new Map<number, number>();
  const count: number[] = [];
  for (let r = 0; r < size; r++) {
    const k = keys.key(r);
    if (k < 0) continue;
    let i = ids.get(k);
    if (i === undefined) {
      i = count.length;
      ids.set(k, i);
      count.push(0);
    }
    count[i]++;
  }
  const n = count.length;
  if (n < 2) return null;
  const pairOf = new Int32Array(edges.length).fill(-1);
  for (let e = 0; e < edges.length; e++) {
    if (edges.weight[e] < countedFrom) continue;
    const i = ids.get(keys.key(edges.a[e]));
    const j = ids.get(keys.key(edges.b[e]));
    if (i !== undefined && j !== undefined) pairOf[e] = i < j ? i * n + j : j * n + i;
  }
  const pairsOf = (i: number, j: number) => (i === j ? (count[i] * (count[i] - 1)) / 2 : count[i] * count[j]);
  let adjust: Float64Array = new Float64Array(n * n);
  // The posteriors that count a pair of lists' matches move with the prior itself (namesakes
  // across two lists that never share a man look like matches until the prior says otherwise):
  // a few rounds of estimating the prior from the edges rescored with the last estimate.
  for (let round = 0; round < ROUNDS; round++) {
    const expected = new Float64Array(n * n);
    for (let e = 0; e < edges.length; e++) {
      const k = pairOf[e];
      if (k < 0) continue;
      const level = Math.floor(k / n) === k % n ? levelWeight.same : levelWeight.different;
      const w = round === 0 ? edges.weight[e] : edges.weight[e] + Math.min(adjust[k] - level, MAX_SOURCE_LIFT);
      expected[k] += probability(w);
    }
    adjust = rates(n, expected, pairsOf, lambda, priorMatches);
  }
  const sources = [...ids.keys()].map((k) => keys.keyText(k));
  const table = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => adjust[Math.min(i, j) * n + Math.max(i, j)]),
  );
  return { comparison: name, sources, adjust: table };
}

const ROUNDS = 5;

/**
 * log2 odds of each pair of lists' match rate over the average rate of the scored pairs. They
 * hold most matches, not all (a namesake pair scored below review is not counted): the rates
 * are taken against their own average, so the prior only shares the file's λ out among pairs of
 * lists and leaves its level to EM.
 */
function rates(
  n: number,
  expected: Float64Array,
  pairsOf: (i: number, j: number) => number,
  lambda: number,
  priorMatches: number,
): Float64Array {
  let allExpected = 0;
  let allPairs = 0;
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      allExpected += expected[i * n + j];
      allPairs += pairsOf(i, j);
    }
  const average = Math.max(allExpected / allPairs, lambda * 1e-3);
  const prior = priorMatches / average; // pairs' worth of the average
  const adjust = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      const rate = (expected[i * n + j] + priorMatches) / (pairsOf(i, j) + prior);
      adjust[i * n + j] = weightOf(Math.min(rate, 0.5)) - weightOf(average);
    }
  return adjust;
}

/**
 * The prior as a table by the comparison's key ids (which differ between engines: a saved prior
 * names its sources by text). NaN where a source was not in the file it was learned on.
 */
export class SourcePriorTable {
  private table = new Float64Array(0);
  private size = 0;
  constructor(
    private readonly prior: SourcePrior,
    private readonly keys: SourceKeys,
  ) {}

  /** log2 odds adjustment for two records' lists, NaN when either is unknown to the prior. */
  between(a: number, b: number): number {
    const ka = this.keys.key(a);
    const kb = this.keys.key(b);
    if (ka >= this.size || kb >= this.size) this.rebuild();
    if (ka >= this.size || kb >= this.size) return Number.NaN;
    return this.table[ka * this.size + kb];
  }

  private rebuild(): void {
    const size = this.keys.keyCount();
    const index = new Map(this.prior.sources.map((s, i) => [s, i]));
    const of = Array.from({ length: size }, (_, id) => index.get(this.keys.keyText(id)) ?? -1);
    this.table = new Float64Array(size * size).fill(Number.NaN);
    for (let x = 0; x < size; x++)
      for (let y = 0; y < size; y++)
        if (of[x] >= 0 && of[y] >= 0) this.table[x * size + y] = this.prior.adjust[of[x]][of[y]];
    this.size = size;
  }
}

/**
 * Edges rescored with a prior just learned, in place: each moves by the prior's value for its pair
 * of lists less the source level's weight (`delta`, the new scorer's), and those that fall below
 * `min` go.
 */
export function rescoreEdges(edges: Edges, delta: (a: number, b: number) => number, min: number): Edges {
  let kept = 0;
  for (let e = 0; e < edges.length; e++) {
    const w = edges.weight[e] + delta(edges.a[e], edges.b[e]);
    if (w < min) continue;
    edges.a[kept] = edges.a[e];
    edges.b[kept] = edges.b[e];
    edges.weight[kept++] = w;
  }
  edges.length = kept;
  return edges;
}

/**
 * One line for a run's summary: the pairs of lists least and most likely to name one man, as a
 * multiple of the file's average ("exchange_list and obituary ×0.05").
 */
export function describeSourcePrior(prior: SourcePrior): string {
  const pairs: { text: string; adjust: number }[] = [];
  prior.sources.forEach((s, i) =>
    prior.sources.forEach((t, j) => {
      if (j >= i) pairs.push({ text: i === j ? `${s} with itself` : `${s} and ${t}`, adjust: prior.adjust[i][j] });
    }),
  );
  pairs.sort((x, y) => x.adjust - y.adjust);
  const times = (p: { text: string; adjust: number }) => `${p.text} ×${(2 ** p.adjust).toPrecision(2)}`;
  return `lists: how often two lists name one man, learned from the file (× the average): least ${times(pairs[0])}, most ${times(pairs[pairs.length - 1])}`;
}
