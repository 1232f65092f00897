// Incremental linkage: one new record scored against an indexed set in milliseconds. The index
// keeps, per blocking rule, the records sorted by key (binary search) plus a small map for records
// added after the build; the query is appended to the dataset, scored with the same comparisons,
// model and term frequencies as a batch run (so results are identical), then dropped.
import { NULL_KEY, overCap } from './blocking.ts';
import type { LinkageConfigInput } from './config.ts';
import type { RawRecord } from './dataset.ts';
import { LinkageEngine } from './engine.ts';
import { probability, weightOf, type FieldWeight, type ModelParams } from './model.ts';

export interface Candidate {
  record: number;
  id: string;
  weight: number;
  probability: number;
  cannotLink: boolean;
}

export class LinkageIndex {
  private readonly sorted: SortedBlocks[];
  /**
   * Per fallback rule, the sorted records that lack its value: a query that has the value pairs
   * only with these, and their count in its block tells whether the batch run would skip the
   * block (blocking.ts overCap), without walking a large block of a common surname.
   */
  private readonly lackingSorted: (SortedBlocks | null)[];
  private readonly added: Map<number, number[]>[];
  private stamp = new Int32Array(0);
  private query = 0;

  /**
   * An index over records already stored (the platform's database): with `params` (a model
   * saved from an earlier run, or updated from review decisions) nothing is trained; without,
   * the model is learned from these records first.
   */
  static build(
    config: LinkageConfigInput,
    records: Iterable<{ id: string; record: RawRecord; source?: number }>,
    params?: ModelParams,
  ): LinkageIndex {
    const engine = new LinkageEngine(config);
    for (const r of records) engine.add(r.id, r.record, r.source ?? 0);
    // A model saved for other comparisons (an older version's) is trained afresh, not misread.
    if (params && engine.fitsParams(params)) engine.useParams(params);
    else {
      engine.train();
      // A batch run learns how often each pair of lists names one man from its first scoring,
      // and scores with that prior; the index scores as the batch run does, so it learns it too.
      if (engine.learnsSourcePrior()) engine.predict();
    }
    return new LinkageIndex(engine);
  }

  constructor(readonly engine: LinkageEngine) {
    if (!engine.scorer) throw new Error('train the engine before indexing it');
    engine.sync();
    engine.blocking.ensureKeys();
    this.sorted = engine.blocking.rules.map((_, k) => engine.blocking.sortedByKey(k));
    this.lackingSorted = this.sorted.map((s, k) =>
      engine.blocking.isFallback(k) ? onlyWhere(s, (r) => engine.blocking.lacks(k, r)) : null,
    );
    this.added = engine.blocking.rules.map(() => new Map());
  }

  /** Review decisions as labels: updates the model in place (see LinkageEngine.learn). */
  learn(decisions: readonly { left: string; right: string; same: boolean }[]): ReturnType<LinkageEngine['learn']> {
    return this.engine.learn(decisions);
  }

  get size(): number {
    return this.engine.data.size;
  }

  /** Candidate records sharing a block with record q (oversized blocks skipped, as in batch). */
  private candidates(q: number, visit: (r: number) => void): void {
    const { blocking } = this.engine;
    if (this.stamp.length < this.engine.data.size) {
      const next = new Int32Array(Math.max(this.engine.data.size * 2, 1024));
      next.set(this.stamp);
      this.stamp = next;
    }
    const mark = ++this.query;
    const src = this.engine.data.source.data;
    for (let k = 0; k < this.sorted.length; k++) {
      const key = blocking.keyOf(k, q);
      if (key === NULL_KEY) continue;
      const { order, sortedKeys } = this.sorted[k];
      const [start, end] = blockOf(sortedKeys, key);
      const extra = this.added[k].get(key) ?? [];
      const size = end - start + extra.length + 1;
      // A fallback rule pairs two records only when one of them lacks its fallback value.
      const lackingOnly = this.lackingSorted[k];
      const queryLacks = lackingOnly !== null && blocking.lacks(k, q);
      let from = order;
      let range = [start, end];
      let first = size;
      if (lackingOnly) {
        range = blockOf(lackingOnly.sortedKeys, key);
        first = range[1] - range[0] + (queryLacks ? 1 : 0);
        for (const r of extra) if (blocking.lacks(k, r)) first++;
        // A query lacking the value pairs with the whole block; one that has it, with those lacking it.
        if (queryLacks) range = [start, end];
        else from = lackingOnly.order;
      }
      if (overCap(first, size, blocking.capOf(k))) continue;
      const needLacking = lackingOnly !== null && !queryLacks;
      const take = (r: number): void => {
        if (r === q || this.stamp[r] === mark) return;
        if (this.engine.crossSourceOnly && src[r] === src[q]) return;
        this.stamp[r] = mark;
        visit(r);
      };
      for (let i = range[0]; i < range[1]; i++) take(from[i]);
      for (const r of extra) if (!needLacking || blocking.lacks(k, r)) take(r);
    }
  }

  private scoreRecord(q: number, minProbability: number): Candidate[] {
    const scorer = this.engine.scorer!;
    const out: Candidate[] = [];
    const minWeight = weightOf(minProbability);
    this.candidates(q, (r) => {
      let weight = scorer.score(q, r, minWeight);
      // Under a floor a cannot-link pair returns before its names' frequencies; the index
      // reports such candidates too, so it scores them whole, as explain() adds them up.
      if (scorer.cannotLink) weight = scorer.score(q, r);
      if (weight >= minWeight)
        out.push({
          record: r,
          id: this.engine.data.ids[r],
          weight,
          probability: probability(weight),
          cannotLink: scorer.cannotLink,
        });
    });
    return out.sort((x, y) => y.weight - x.weight);
  }

  /** Scores a record against the index without adding it. */
  match(record: RawRecord, options: { minProbability?: number; source?: number } = {}): Candidate[] {
    return this.withQuery(record, options.source ?? 0, (q) =>
      this.scoreRecord(q, options.minProbability ?? this.engine.config.thresholds.review),
    );
  }

  /** The weight each field added, for a record against an indexed one. */
  explain(record: RawRecord, indexed: number): FieldWeight[] {
    return this.withQuery(record, 0, (q) => this.engine.scorer!.explain(q, indexed));
  }

  /**
   * Appends the query and counts it into the term frequencies, as a batch run over the indexed
   * records plus this one would, then takes it out again.
   */
  private withQuery<T>(record: RawRecord, source: number, use: (q: number) => T): T {
    const q = this.engine.add('', record, source);
    const scorer = this.engine.scorer!;
    try {
      this.engine.sync();
      scorer.countTerms();
      return use(q);
    } finally {
      if (scorer.frequencies.total > q) scorer.frequencies.uncountLast();
      this.engine.data.pop();
      // Comparisons that learn from the records (unit aliases) take the query back out too.
      this.engine.sync();
    }
  }

  /** Adds a record for good (later queries see it); returns its matches scored before adding. */
  add(id: string, record: RawRecord, source = 0): { record: number; matches: Candidate[] } {
    const matches = this.match(record, { source });
    const r = this.engine.add(id, record, source);
    this.engine.sync();
    this.engine.scorer!.countTerms();
    const { blocking } = this.engine;
    for (let k = 0; k < this.added.length; k++) {
      const key = blocking.keyOf(k, r);
      if (key === NULL_KEY) continue;
      const list = this.added[k].get(key);
      if (list) list.push(r);
      else this.added[k].set(key, [r]);
    }
    return { record: r, matches };
  }
}

interface SortedBlocks {
  order: Int32Array;
  sortedKeys: Uint32Array;
}

/** The first position whose key is at least `key`. */
const lowerBound = (keys: Uint32Array, key: number): number => {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/** The positions [start, end) of `key`'s block (keys are below NULL_KEY, so key + 1 is one). */
const blockOf = (keys: Uint32Array, key: number): [number, number] => [
  lowerBound(keys, key),
  lowerBound(keys, key + 1),
];

/** The records of `s` that `keep` keeps, in the same (key) order. */
const onlyWhere = (s: SortedBlocks, keep: (r: number) => boolean): SortedBlocks => {
  const at: number[] = [];
  for (let i = 0; i < s.order.length; i++) if (keep(s.order[i])) at.push(i);
  return {
    order: Int32Array.from(at, (i) => s.order[i]),
    sortedKeys: Uint32Array.from(at, (i) => s.sortedKeys[i]),
  };
};
