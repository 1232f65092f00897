import { LinkageIndex } from '../linkage/engine/incremental.ts';
import { type ModelParams, probability } from '../linkage/engine/model.ts';
import type { SavedModel } from '../linkage/engine/model-io.ts';
import { personConfig } from '../linkage/engine/person-config.ts';
import { THRESHOLDS } from './thresholds.ts';

// The one place the platform touches the record-linkage engine (src/linkage/engine/, a pure
// library developed on its own branch). Everything else in src/matching/ speaks in person records
// and candidates, so a change of the engine's API changes this file only.
//
// One PersonIndex holds one organisation's records in memory: built from the records already
// stored (with the model saved for that organisation, so a restart does not train again), then
// grown one record at a time as new ones are scored. A record corrected later is added again;
// only its latest entry counts.

/** The fields the engine compares, as the platform stores them. */
export interface LinkFields {
  surname: string;
  given_name: string;
  patronymic: string | null;
  /** "YYYY", "YYYY-MM" or "YYYY-MM-DD" */
  birth_date: string | null;
  /** ISO 3166-2 code */
  region_code: string | null;
  unit_number: string | null;
  unit_name: string | null;
}

/** What one field added to a score: the engine's comparison and level names, in bits. */
export interface Contribution {
  field: string;
  level: string;
  weight: number;
}

export interface ScoredCandidate {
  id: string;
  probability: number;
  weight: number;
  /** a hard conflict (two different full birth dates, patronymics…): two people */
  cannotLink: boolean;
}

export interface LabelledDecision {
  left: string;
  right: string;
  same: boolean;
}

const toRaw = (f: LinkFields): Record<string, string> => ({
  surname: f.surname,
  given_name: f.given_name,
  patronymic: f.patronymic ?? '',
  birth_date: f.birth_date ?? '',
  region: f.region_code ?? '',
  unit: [f.unit_number, f.unit_name].filter(Boolean).join(', '), // two parts, as in search-keys.ts
});

const CONFIG = personConfig();

/**
 * Below this many records an organisation's own name frequencies are noise: with three records,
 * a name shared by two of them is "common" and agreeing on it would count against a match. The
 * index then compares without term-frequency adjustments, and is rebuilt with them once the pool
 * has grown past it.
 */
export const TF_MIN_RECORDS = 2000;
const CONFIG_NO_TF = { ...CONFIG, comparisons: CONFIG.comparisons.map((c) => ({ ...c, tf: false })) };

/** The prior is never taken from a pool smaller than this: a young organisation's first records
 * are not one person in two (the saved model's λ, rescaled to three records, would say so). */
export const LAMBDA_MIN_POOL = 1000;

/**
 * The prior that two records of a pool of `n` are the same person. With a steady number of
 * duplicates per soldier it falls as 1/n, so it follows the organisation's pool as it grows
 * instead of staying at what it was when the model was saved (learned m and u are kept).
 */
export const lambdaFor = (n: number): number => {
  const model = CONFIG.model as SavedModel;
  return Math.min(0.5, (model.lambda * model.records) / Math.max(n, LAMBDA_MIN_POOL));
};

export class PersonIndex {
  /** record id → its latest position in the engine (a corrected record is added again) */
  private readonly latest = new Map<string, number>();

  private constructor(
    private readonly index: LinkageIndex,
    /** whether names are weighed by their frequency in the pool (see TF_MIN_RECORDS) */
    readonly termFrequencies: boolean,
    /** Whether build() scored with the saved model it was given (false: none, or one that did not
     * fit these comparisons, saved by an older version; the index trained its own, to be saved). */
    readonly savedModelUsed = false,
  ) {
    this.index.engine.data.ids.forEach((id, i) => this.latest.set(id, i));
  }

  /** An index over stored records; `params` is the organisation's saved model, if any. */
  static build(records: Array<{ id: string; fields: LinkFields }>, params?: ModelParams): PersonIndex {
    const raw = records.map((r) => ({ id: r.id, record: toRaw(r.fields) }));
    const tf = records.length >= TF_MIN_RECORDS;
    const index = LinkageIndex.build(
      tf ? CONFIG : CONFIG_NO_TF,
      raw,
      params && { ...params, lambda: lambdaFor(records.length) },
    );
    const built = new PersonIndex(index, tf, Boolean(params && index.engine.fitsParams(params)));
    // Too few records to train on, and no saved model used (none, or one of other comparisons
    // an older version saved): the shipped model, with the prior of a pool this size.
    if (!built.savedModelUsed && records.length < LAMBDA_MIN_POOL) built.useParams(built.params);
    return built;
  }

  /** The pool outgrew the small-pool comparisons: build the index again from the stored records. */
  get outgrown(): boolean {
    return !this.termFrequencies && this.size >= TF_MIN_RECORDS;
  }

  /** How many distinct records the index holds. */
  get size(): number {
    return this.latest.size;
  }

  has(id: string): boolean {
    return this.latest.has(id);
  }

  /** The model as it stands (saved so other processes and restarts use the same). */
  get params(): ModelParams {
    const p = this.index.engine.params;
    if (!p) throw new Error('the linkage index has no model');
    return p;
  }

  /** Adopts a model another process learned (same comparisons, new m), at this pool's size. */
  useParams(params: ModelParams): void {
    // Another process still running an older version may save a model of other comparisons.
    if (!this.index.engine.fitsParams(params)) return;
    this.index.engine.useParams({ ...params, lambda: lambdaFor(this.size) }, this.index.engine.scorer?.frequencies);
  }

  /** Moves the prior to the pool's size once it has grown by a fifth since it was last set. */
  private sizedAt = 0;
  rescale(): void {
    if (this.size <= this.sizedAt * 1.2 + 10) return;
    this.sizedAt = this.size;
    this.index.engine.useParams(
      { ...this.params, lambda: lambdaFor(this.size) },
      this.index.engine.scorer?.frequencies,
    );
  }

  private candidates(
    found: Array<{ id: string; record: number; probability: number; weight: number; cannotLink: boolean }>,
    self?: string,
  ): ScoredCandidate[] {
    return found
      .filter((c) => c.id !== self && this.latest.get(c.id) === c.record)
      .map((c) => ({ id: c.id, probability: c.probability, weight: c.weight, cannotLink: c.cannotLink }));
  }

  /**
   * The indexed records resembling `fields` at or above the review threshold, best first.
   * Entries replaced by a later version of their record are left out.
   */
  score(fields: LinkFields, self?: string): ScoredCandidate[] {
    return this.candidates(this.index.match(toRaw(fields), { minProbability: THRESHOLDS.review }), self);
  }

  /**
   * Adds a record (or a corrected version of one) for later queries, and returns what it
   * resembled among the records indexed before it (scored once, not twice).
   */
  add(id: string, fields: LinkFields): ScoredCandidate[] {
    const { record, matches } = this.index.add(id, toRaw(fields));
    this.latest.set(id, record);
    return this.candidates(matches, id);
  }

  /** What each field added to the score of `fields` against an indexed record, in bits. */
  explain(fields: LinkFields, id: string): Contribution[] {
    const at = this.latest.get(id);
    if (at === undefined) return [];
    return (
      this.index
        .explain(toRaw(fields), at)
        // The platform's records carry no source list (each is its own record, not a list's row),
        // so that comparison never says anything here and is not shown.
        .filter((p) => p.comparison !== 'source')
        .map((p) => ({ field: p.comparison, level: p.level, weight: Number(p.weight.toFixed(3)) }))
    );
  }

  /**
   * The score of `fields` against an indexed record as it now stands, found by blocking or not
   * (a pending pair whose record was corrected); null when that record is not indexed.
   */
  scorePair(fields: LinkFields, id: string): { probability: number; weight: number; explain: Contribution[] } | null {
    if (!this.latest.has(id)) return null;
    const explain = this.explain(fields, id);
    const weight = explain.reduce((sum, p) => sum + p.weight, 0);
    return { probability: probability(weight), weight, explain };
  }

  /**
   * Human decisions as labels: "same" pairs move the model's m; both records must be indexed.
   * `usable`: per decision, whether both its records are in the index (only those are learned).
   */
  learn(decisions: LabelledDecision[]): { usable: boolean[] } {
    const usable = decisions.map((d) => this.latest.has(d.left) && this.latest.has(d.right));
    const labels = decisions.filter((_, k) => usable[k]);
    // By position, not id: the latest version of a corrected record is the one that counts.
    if (labels.length)
      this.index.engine.learn(
        labels.map((d) => ({ left: this.latest.get(d.left)!, right: this.latest.get(d.right)!, same: d.same })),
      );
    return { usable };
  }
}
