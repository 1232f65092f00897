// The comparison contract: a comparison maps a pair of records to a level (0 = a value is
// missing, so the field says nothing). The model learns m and u per level; levels flagged `tf`
// get a term-frequency adjustment, levels flagged `cannotLink` forbid the pair from clustering.
import type { Dataset, FeatureRegistry } from './dataset.ts';

export interface Level {
  readonly label: string;
  /** Use the frequency of the shared value instead of the average u (rare names count for more). */
  readonly tf?: boolean;
  /**
   * With tf: the level whose u the value's frequency replaces, when not this one. A near agreement
   * (one edit, another form) on a common name is as weak as an exact one: typos of "Магомедов"
   * are as common among strangers as the name is. Its weight moves with the commoner value's
   * frequency as the exact level's does, log2(u_exact / f).
   */
  readonly tfOf?: number;
  /** Hard evidence of two different people (e.g. two different exact birth dates). */
  readonly cannotLink?: boolean;
  /**
   * The level only ever occurs together with a level of another comparison that already counts
   * the evidence (the given name "swapped with surname" exactly when the surname is "swapped with
   * given name"): it weighs 0 (m = u), so one swap is not counted as two unlikely events; only its
   * term-frequency adjustment (tfOf) counts.
   */
  readonly implied?: boolean;
  /**
   * The two records hold the same value, in each other's fields (names swapped): as a context
   * for another comparison's term frequency it counts as shared, as the exact level does, so
   * a given name in a swapped pair weighs what it weighs among men of that surname.
   */
  readonly sharesValue?: boolean;
}

export interface Comparison {
  readonly name: string;
  readonly fields: readonly string[];
  /** levels[0] is always the null level. */
  readonly levels: readonly Level[];
  /** Derive per-token features for tokens added since the last call. */
  sync(): void;
  level(a: number, b: number): number;
  /**
   * Whether record r's value is as precise as the comparison's values come (a full date, not a
   * year): asked of comparisons that can be imprecise, by exact-copies.ts.
   */
  precise?(record: number): boolean;
  /** Value id used for term frequencies (-1 when missing); only for comparisons with a tf level. */
  tfKey?(record: number): number;
  /**
   * A comparison that learns from the pairs a trained model links with confidence (train.ts):
   * whether this pair could teach it anything (cheap: asked of every candidate pair among the
   * training records) …
   */
  learnsFrom?(a: number, b: number): boolean;
  /** … what it learns from those pairs (flat a, b, a, b, …), as strings kept with the model … */
  learnFromLinks?(pairs: readonly number[]): [string, string][];
  /** … and taking it back from a model's parameters (a saved model, the scoring worker). */
  adoptLearned?(table: readonly (readonly [string, string])[]): void;
}

export interface ComparisonSpec {
  type: string;
  field: string;
  name?: string;
  /** Apply term-frequency adjustment to the exact level. */
  tf?: boolean;
  /** Another name field whose value may have been swapped with this one. */
  swapWith?: string;
  /** Treat this comparison's conflict level as cannot-link. */
  cannotLink?: boolean;
  /** Comparisons within which this one's term frequency is taken (see term-frequency.ts). */
  tfWithin?: string[];
}

/** Builds a comparison for one engine: its token features register in that engine's registry. */
export type ComparisonFactory = (spec: ComparisonSpec, data: Dataset, features: FeatureRegistry) => Comparison;

/** Per comparison and level: the level whose u a term frequency replaces (tfOf), −1 without one. */
export const tfBases = (comps: readonly Comparison[]): number[][] =>
  comps.map((c) => c.levels.map((l, j) => (l.tf ? (l.tfOf ?? j) : -1)));
