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
  private readonly sorted: { order: Int32Array; sortedKeys: Uint32Array }[];
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
    this.added = engine.blocking.rules.map(() => new Map());
  }

  /** Review decisions as labels: updates the model in place (see LinkageEngine.learn). */
  learn(decisions: readonly { left: string; right: string; same: boolean }[]): ReturnType<LinkageEngine['learn']> {
    return this.engine.learn(decisions);
  }

  get size(): number {
    return this.engine.data.size;
  }

  private lowerBound(keys: Uint32Array, key: number): number {
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
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
      const start = this.lowerBound(sortedKeys, key);
      let end = start;
      while (end < sortedKeys.length && sortedKeys[end] === key) end++;
      const extra = this.added[k].get(key) ?? [];
      const size = end - start + extra.length + 1;
      // A fallback rule pairs two records only when one of them lacks its fallback value.
      const fallback = blocking.isFallback(k);
      if (
        size > blocking.caps[k] &&
        overCap(fallback ? this.lacking(k, q, start, end, extra) : size, size, blocking.caps[k])
      )
        continue;
      const needLacking = fallback && !blocking.lacks(k, q);
      const take = (r: number): void => {
        if (r === q || this.stamp[r] === mark) return;
        if (needLacking && !blocking.lacks(k, r)) return;
        if (this.engine.crossSourceOnly && src[r] === src[q]) return;
        this.stamp[r] = mark;
        visit(r);
      };
      for (let i = start; i < end; i++) take(order[i]);
      for (const r of extra) take(r);
    }
  }

  /** Records of the block (with the query) that lack rule k's fallback value, as the batch counts them. */
  private lacking(k: number, q: number, start: number, end: number, extra: readonly number[]): number {
    const { blocking } = this.engine;
    const { order } = this.sorted[k];
    let n = blocking.lacks(k, q) ? 1 : 0;
    for (let i = start; i < end; i++) if (blocking.lacks(k, order[i])) n++;
    for (const r of extra) if (blocking.lacks(k, r)) n++;
    return n;
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
