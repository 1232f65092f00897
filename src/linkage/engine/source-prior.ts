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
  /**
   * The row of `adjust` each source has (absent: source i has row i). The largest lists have rows
   * of their own; past MAX_ROWS lists the rest share the last row (see learnSourcePrior).
   */
  rowOf?: number[];
  /** With rowOf: per source, its pairs within itself (the table's cells are for two lists). */
  self?: number[];
  /** adjust[i][j] = adjust[j][i]: log2 of the pair of lists' (rows') match odds over the file's. */
  adjust: number[][];
}

/**
 * The most rows the prior has. A file whose source column names thousands of lists (each
 * publication, chat or court apart) would need a table of millions of pairs of lists: at a million
 * records of the fourth generator's 3,091 lists, 76 MB per table, 2 s, and the describing line
 * 300 MB. The 1,023 largest lists keep a row of their own and the rest share one (F1 there 0.8555
 * against 0.8565 with every list its own row, 0.8547 with 512 rows, 0.8512 with 64: a regional
 * site's obituaries and a region's family appeals name the same men, so pairs of lists matter).
 */
export const MAX_ROWS = 1024;

const rowsOf = (prior: SourcePrior): number[] => prior.rowOf ?? prior.sources.map((_, i) => i);

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
  // Each list's index in order of first appearance (a table by key, not a Map: it is asked for
  // every record and twice for every edge).
  const ids = new Int32Array(keys.keyCount()).fill(-1);
  const listKeys: number[] = [];
  const count: number[] = [];
  for (let r = 0; r < size; r++) {
    const k = keys.key(r);
    if (k < 0) continue;
    let i = ids[k];
    if (i < 0) {
      i = count.length;
      ids[k] = i;
      listKeys.push(k);
      count.push(0);
    }
    count[i]++;
  }
  const lists = count.length;
  if (lists < 2) return null;
  // Rows: every list its own, or past MAX_ROWS the largest (MAX_ROWS - 1) and a pool of the rest.
  // A pair within one list always has a cell of its own (how often that list names a man twice).
  const pooled = lists > MAX_ROWS;
  const rowOf = new Array<number>(lists);
  const byCount = count.map((_, i) => i).sort((x, y) => count[y] - count[x] || x - y);
  byCount.forEach((i, rank) => {
    rowOf[i] = pooled ? Math.min(rank, MAX_ROWS - 1) : i;
  });
  const n = pooled ? MAX_ROWS : lists;
  const rowCount = new Array<number>(n).fill(0);
  const withinLists = new Array<number>(n).fill(0);
  const pairsIn = (c: number) => (c * (c - 1)) / 2;
  count.forEach((c, i) => {
    rowCount[rowOf[i]] += c;
    withinLists[rowOf[i]] += pairsIn(c);
  });
  // Cells: rows i ≤ j at i * n + j (two different lists), then one per list at n * n + list.
  const table = n * n;
  const pairs = new Float64Array(table + lists);
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++)
      pairs[i * n + j] = i === j ? pairsIn(rowCount[i]) - withinLists[i] : rowCount[i] * rowCount[j];
  count.forEach((c, l) => {
    pairs[table + l] = pairsIn(c);
  });
  const cellOf = new Int32Array(edges.length).fill(-1);
  for (let e = 0; e < edges.length; e++) {
    if (edges.weight[e] < countedFrom) continue;
    const ka = keys.key(edges.a[e]);
    const kb = keys.key(edges.b[e]);
    const i = ka >= 0 ? ids[ka] : -1;
    const j = kb >= 0 ? ids[kb] : -1;
    if (i < 0 || j < 0) continue;
    const [ri, rj] = rowOf[i] < rowOf[j] ? [rowOf[i], rowOf[j]] : [rowOf[j], rowOf[i]];
    cellOf[e] = i === j ? table + i : ri * n + rj;
  }
  let adjust: Float64Array = new Float64Array(pairs.length);
  // The posteriors that count a pair of lists' matches move with the prior itself (namesakes
  // across two lists that never share a man look like matches until the prior says otherwise):
  // a few rounds of estimating the prior from the edges rescored with the last estimate.
  for (let round = 0; round < ROUNDS; round++) {
    const expected = new Float64Array(pairs.length);
    for (let e = 0; e < edges.length; e++) {
      const k = cellOf[e];
      if (k < 0) continue;
      const level = k >= table ? levelWeight.same : levelWeight.different;
      const w = round === 0 ? edges.weight[e] : edges.weight[e] + Math.min(adjust[k] - level, MAX_SOURCE_LIFT);
      expected[k] += probability(w);
    }
    adjust = rates(expected, pairs, lambda, priorMatches);
  }
  const sources = listKeys.map((k) => keys.keyText(k));
  const byRow = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => adjust[Math.min(i, j) * n + Math.max(i, j)]),
  );
  const self = Array.from({ length: lists }, (_, l) => adjust[table + l]);
  if (!pooled) {
    // One list per row: a row with itself is the list with itself.
    self.forEach((w, l) => {
      byRow[l][l] = w;
    });
    return { comparison: name, sources, adjust: byRow };
  }
  return { comparison: name, sources, rowOf, self, adjust: byRow };
}

const ROUNDS = 5;

/**
 * log2 odds of each cell's match rate (a pair of lists, or of rows) over the average rate of the
 * scored pairs. They hold most matches, not all (a namesake pair scored below review is not
 * counted): the rates are taken against their own average, so the prior only shares the file's
 * λ out among pairs of lists and leaves its level to EM.
 */
function rates(expected: Float64Array, pairs: Float64Array, lambda: number, priorMatches: number): Float64Array {
  let allExpected = 0;
  let allPairs = 0;
  for (let c = 0; c < pairs.length; c++) {
    allExpected += expected[c];
    allPairs += pairs[c];
  }
  const average = Math.max(allExpected / allPairs, lambda * 1e-3);
  const prior = priorMatches / average; // pairs' worth of the average
  const adjust = new Float64Array(pairs.length);
  for (let c = 0; c < pairs.length; c++) {
    const rate = (expected[c] + priorMatches) / (pairs[c] + prior);
    adjust[c] = weightOf(Math.min(rate, 0.5)) - weightOf(average);
  }
  return adjust;
}

/**
 * The prior as a table by the comparison's key ids (which differ between engines: a saved prior
 * names its sources by text). NaN where a source was not in the file it was learned on.
 */
export class SourcePriorTable {
  /** adjust by row, rows × rows, and each key id's row (-1: unknown to the prior). */
  private readonly table: Float64Array;
  private readonly rows: number;
  private rowOfKey = new Int32Array(0);
  private selfOfKey = new Float64Array(0);
  private size = 0;
  constructor(
    private readonly prior: SourcePrior,
    private readonly keys: SourceKeys,
  ) {
    this.rows = prior.adjust.length;
    this.table = Float64Array.from(prior.adjust.flat());
  }

  /** log2 odds adjustment for two records' lists, NaN when either is unknown to the prior. */
  between(a: number, b: number): number {
    const ka = this.keys.key(a);
    const kb = this.keys.key(b);
    if (ka >= this.size || kb >= this.size) this.rebuild();
    if (ka < 0 || kb < 0 || ka >= this.size || kb >= this.size) return Number.NaN;
    if (ka === kb && this.prior.self) return this.selfOfKey[ka];
    const ra = this.rowOfKey[ka];
    const rb = this.rowOfKey[kb];
    return ra < 0 || rb < 0 ? Number.NaN : this.table[ra * this.rows + rb];
  }

  private rebuild(): void {
    const size = this.keys.keyCount();
    const rowOf = rowsOf(this.prior);
    const index = new Map(this.prior.sources.map((s, i) => [s, rowOf[i]]));
    this.rowOfKey = Int32Array.from({ length: size }, (_, id) => index.get(this.keys.keyText(id)) ?? -1);
    const self = this.prior.self;
    if (self) {
      const selfOf = new Map(this.prior.sources.map((s, i) => [s, self[i]]));
      this.selfOfKey = Float64Array.from({ length: size }, (_, id) => selfOf.get(this.keys.keyText(id)) ?? Number.NaN);
    }
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
  // A growable buffer holds up to twice its pairs, and two threads' edges put together, of which a
  // third are dropped here, may hold more than they keep: at a million records 40 MB were empty
  // through the clustering.
  if (edges.a.length <= kept + (kept >> 3)) return edges;
  return { a: edges.a.slice(0, kept), b: edges.b.slice(0, kept), weight: edges.weight.slice(0, kept), length: kept };
}

/**
 * Pairs of lists as a run's summary names them: a list is its name, or null for the pool of the
 * smaller lists ("other lists"); two of the pool's lists are `twoOthers`.
 */
export type ListPair =
  | { kind: 'two'; a: string | null; b: string | null }
  | { kind: 'itself'; list: string | null }
  | { kind: 'twoOthers' };

/** A pair of lists and how much likelier than the file's average it is to name one man. */
export interface ListPairOdds {
  pair: ListPair;
  times: number;
}

/**
 * What a run's summary says of the source prior (the command puts it in the operator's words):
 * the pairs of lists least and most likely to name one man, as a multiple of the file's average
 * ("exchange_list and obituary ×0.05").
 */
export function summariseSourcePrior(prior: SourcePrior): { least: ListPairOdds; most: ListPairOdds } {
  // A row's name: its list, or null for the pool of the smaller ones.
  const rowOf = rowsOf(prior);
  const names: (string | null)[] = prior.adjust.map(() => null);
  const listsInRow = prior.adjust.map(() => 0);
  prior.sources.forEach((s, i) => {
    listsInRow[rowOf[i]]++;
    names[rowOf[i]] = s;
  });
  listsInRow.forEach((lists, row) => {
    if (lists > 1) names[row] = null;
  });
  // Only the least and the most are told: a million pairs of lists are not put in words.
  let least = { pair: { kind: 'twoOthers' } as ListPair, adjust: Number.POSITIVE_INFINITY };
  let most = { pair: { kind: 'twoOthers' } as ListPair, adjust: Number.NEGATIVE_INFINITY };
  const consider = (adjust: number, pair: ListPair): void => {
    if (adjust < least.adjust) least = { pair, adjust };
    if (adjust > most.adjust) most = { pair, adjust };
  };
  names.forEach((s, i) =>
    names.forEach((t, j) => {
      if (j < i) return;
      const adjust = prior.adjust[i][j];
      // With the lists' own cells apart (self), a row with itself is two different lists of it.
      if (i !== j) consider(adjust, { kind: 'two', a: s, b: t });
      else if (!prior.self) consider(adjust, { kind: 'itself', list: s });
      else if (listsInRow[i] > 1) consider(adjust, { kind: 'twoOthers' });
    }),
  );
  prior.self?.forEach((adjust, i) => consider(adjust, { kind: 'itself', list: prior.sources[i] }));
  const odds = (p: { pair: ListPair; adjust: number }): ListPairOdds => ({ pair: p.pair, times: 2 ** p.adjust });
  return { least: odds(least), most: odds(most) };
}
