// Fellegi–Sunter scoring: match weight = log2(λ/(1−λ)) + Σ log2(m/u) per field level, plus a
// term-frequency adjustment on levels flagged tf. Weights are precomputed per level; the hot path
// is one level() call and one array read per comparison, with no allocation.
import { type Comparison, tfBases } from './comparison.ts';
import type { Dataset } from './dataset.ts';
import { MAX_SOURCE_LIFT, type SourceKeys, type SourcePrior, SourcePriorTable } from './source-prior.ts';
import { TermFrequencies } from './term-frequency.ts';
import { probability, weightOf } from './weights.ts';
import { type Dependence, dependenceShift } from './dependence.ts';

export interface ModelParams {
  /** Probability that two random records (pairs) are the same person. */
  lambda: number;
  /** m[c][l], u[c][l]: P(level l | match) and P(level l | non-match) for comparison c. */
  m: number[][];
  u: number[][];
  /** Per comparison name: what it learned from confident links (Comparison.learnFromLinks). */
  learned?: Record<string, [string, string][]>;
  /** How often each pair of source lists names one man, in place of "same list or not". */
  sourcePrior?: SourcePrior;
  /** Fields that agree together among strangers (generic configs; dependence.ts). */
  dependence?: Dependence;
}

export interface FieldWeight {
  comparison: string;
  level: string;
  weight: number;
}

export { probability, weightOf };

const FLOOR = 1e-9;
// A level never seen among matches in training may still occur in real data: no level may say
// more than ~10 bits against a match on its own (cannot-link levels exist for hard conflicts).
const M_FLOOR = 1e-3;

export class Scorer {
  readonly prior: number;
  readonly weights: Float64Array[];
  private readonly tfFlag: Uint8Array[];
  private readonly clFlag: Uint8Array[];
  /** Per comparison and level: the u a value's frequency replaces (the base level's, see tfBases). */
  private readonly tfU: Float64Array[];
  private readonly log2u: Float64Array[];
  /**
   * Per comparison: λ·m_exact, times the other records, is how many records of the scored man
   * himself are expected to hold his value. They are taken out of the value's count: u is the
   * chance that another *person* shares it, and a rare surname's count is mostly its bearer's own
   * records (a man in four lists is four records of his name).
   */
  private readonly ownRate: Float64Array;
  readonly frequencies: TermFrequencies;
  /** Levels of the last scored pair, each comparison's weight, and whether it hit a cannot-link level. */
  readonly levels: Int32Array;
  readonly contributions: Float64Array;
  cannotLink = false;
  /**
   * Comparisons of which at least one must agree (add weight) for a pair to reach the link band;
   * a pair agreeing on names alone is capped just below it (review): at a million records two
   * "Омаров Мурад, Дагестан" with nothing else are as often two men as one.
   */
  private corroborating: Uint8Array | null = null;
  private uncorroboratedMax = Infinity;
  /** Names alone may still link when they are this strong (rare enough to leave no doubt). */
  private overwhelming = Number.POSITIVE_INFINITY;
  /** Whether the last scored pair was capped for lack of corroboration. */
  uncorroborated = false;

  constructor(
    readonly comparisons: readonly Comparison[],
    readonly params: ModelParams,
    private readonly data: Dataset,
    corroboration?: { comparisons: readonly string[]; maxWeight: number; unlessAbove?: number },
    /** Per comparison: indices of the comparisons its term frequency is conditioned on. */
    tfWithin: readonly (readonly number[])[] = [],
    /** Counts from a previous scorer of the same records (a model update keeps them). */
    frequencies?: TermFrequencies,
  ) {
    if (corroboration?.comparisons.length) {
      this.corroborating = Uint8Array.from(comparisons, (c) => (corroboration.comparisons.includes(c.name) ? 1 : 0));
      this.uncorroboratedMax = corroboration.maxWeight;
      this.overwhelming = corroboration.unlessAbove ?? Number.POSITIVE_INFINITY;
    }
    this.prior = weightOf(params.lambda);
    this.dependence = params.dependence ?? null;
    this.weights = comparisons.map((c, i) =>
      Float64Array.from(c.levels, (level, l) =>
        l === 0 || level.implied ? 0 : Math.log2(Math.max(params.m[i][l], M_FLOOR) / Math.max(params.u[i][l], FLOOR)),
      ),
    );
    // A term-frequency level replaces the u of its base level (itself, or tfOf) by the value's frequency.
    const bases = tfBases(comparisons);
    this.tfU = bases.map((b, i) => Float64Array.from(b, (base, l) => params.u[i][base < 0 ? l : base]));
    this.log2u = this.tfU.map((us) => us.map((x) => Math.log2(Math.max(x, FLOOR))));
    this.tfFlag = bases.map((b) => Uint8Array.from(b, (base) => (base < 0 ? 0 : 1)));
    this.ownRate = Float64Array.from(comparisons, (_, i) => params.lambda * (params.m[i][1] ?? 0));
    this.clFlag = comparisons.map((c) => Uint8Array.from(c.levels, (l) => (l.cannotLink ? 1 : 0)));
    this.levels = new Int32Array(comparisons.length);
    this.contributions = new Float64Array(comparisons.length);
    this.frequencies = frequencies ?? new TermFrequencies(comparisons, tfWithin);
    this.countTerms();
    const prior = params.sourcePrior;
    const at = prior ? comparisons.findIndex((c) => c.name === prior.comparison) : -1;
    const keys = at >= 0 ? (comparisons[at] as Partial<SourceKeys>) : null;
    if (prior && keys?.key && keys.keyText && keys.keyCount) {
      this.sourceAt = at;
      this.sourceTable = new SourcePriorTable(prior, keys as SourceKeys);
    }
  }

  private sourceAt = -1;
  private sourceTable: SourcePriorTable | null = null;

  /** What the prior per pair of source lists moved the last scored pair's weight by. */
  sourceShift = 0;

  /**
   * With a prior per pair of source lists: how much it moves a pair's weight (its value in place of
   * the source comparison's level weight). `contributions` keeps the level's weight: clusters
   * compared as wholes (cluster-profile.ts) are weighed on their fields, and there the pairs'
   * priors measured worse (independent-20k 0.9526 against 0.9543); explain() shows the shift.
   */
  /** Fields that agree together among strangers: their exact agreements weighed once (dependence.ts). */
  private readonly dependence: Dependence | null;
  sourceDelta(a: number, b: number): number {
    return this.sourceTable === null ? 0 : this.shiftAt(a, b, this.comparisons[this.sourceAt].level(a, b));
  }

  /** sourceDelta for a pair whose source level is already known (score() has it). */
  private shiftAt(a: number, b: number, level: number): number {
    this.sourceShift = 0;
    if (level === 0) return 0;
    const adjust = this.sourceTable!.between(a, b);
    if (Number.isNaN(adjust)) return 0;
    this.sourceShift = Math.min(adjust - this.weights[this.sourceAt][level], MAX_SOURCE_LIFT);
    return this.sourceShift;
  }

  /** Counts term frequencies for records not counted yet (all of them at first, then new ones). */
  countTerms(): void {
    this.frequencies.countUpTo(this.data.size);
  }

  /**
   * Match weight of a pair; fills `levels`, `contributions` and `cannotLink`. With a `floor`
   * (batch scoring keeps only pairs at or above it), a pair that cannot reach it even with the
   * rarest possible names, or that is cannot-link, returns early without its term frequencies:
   * most candidate pairs are strangers, and the frequencies are the costly part of scoring.
   * `dropsCannotLink`: the caller discards cannot-link pairs (batch scoring keeps edges only), so
   * the first cannot-link level ends the pair with `cannotLink` set and a partial weight — most
   * candidate pairs at a million are namesakes with other given names or birth dates, and the
   * comparisons after that level are work for nothing. The incremental index reports such pairs
   * with their whole weight and does not pass it.
   */
  score(a: number, b: number, floor = Number.NEGATIVE_INFINITY, dropsCannotLink = false): number {
    let w = this.prior;
    let cl = false;
    let corroborated = this.corroborating === null;
    let anyTf = false;
    const comps = this.comparisons;
    for (let i = 0; i < comps.length; i++) {
      const l = comps[i].level(a, b);
      this.levels[i] = l;
      const wi = this.weights[i][l];
      this.contributions[i] = wi;
      w += wi;
      if (this.tfFlag[i][l] === 1) anyTf = true;
      if (this.clFlag[i][l] === 1) {
        cl = true;
        if (dropsCannotLink) {
          this.cannotLink = true;
          this.uncorroborated = false;
          return w;
        }
      }
      if (!corroborated && wi > 0 && this.corroborating![i] === 1) corroborated = true;
    }
    if (this.sourceTable !== null) w += this.shiftAt(a, b, this.levels[this.sourceAt]);
    if (this.dependence) w += dependenceShift(this.levels, this.dependence, this.contributions);
    if (anyTf && floor > Number.NEGATIVE_INFINITY) {
      // Two cheap upper bounds before the full frequencies: every shared value as rare as can
      // be, then each value's national frequency (a context only ever makes a value commoner).
      let bound = w;
      const lift = this.frequencies.maxLog2Lift();
      for (let i = 0; i < comps.length; i++) if (this.tfFlag[i][this.levels[i]] === 1) bound += lift;
      if (!cl && bound >= floor) bound = w + this.adjustments(a, b, true);
      if (cl || bound < floor) {
        this.cannotLink = cl;
        this.uncorroborated = false;
        return Math.min(w, bound);
      }
    }
    // Term frequencies after all levels: a frequency within a region needs the region's level.
    if (anyTf) w += this.adjustments(a, b, false);
    this.cannotLink = cl;
    this.uncorroborated = this.capped(w, corroborated);
    return this.uncorroborated ? this.uncorroboratedMax : w;
  }

  /**
   * Σ log2(u_level / f(value)) over the pair's term-frequency levels: the shared value's own
   * frequency replaces the average u. On an exact level both records hold one value; otherwise
   * (swapped names) the commoner of the two counts, so a pair scores the same either way round.
   * `national` leaves out the contexts (an upper bound); otherwise each comparison's part is added
   * to `contributions`.
   */
  private adjustments(a: number, b: number, national: boolean): number {
    const f = this.frequencies;
    let sum = 0;
    for (let i = 0; i < this.comparisons.length; i++) {
      const l = this.levels[i];
      if (this.tfFlag[i][l] !== 1) continue;
      const d = national ? 0 : f.depth(i, this.levels);
      const u = this.tfU[i][l];
      // On an exact level both records hold the value, but not always the same context (another
      // spelling of the surname, no shared region): the earlier record's frequency is taken, so a
      // pair scores the same either way round, as batch scoring (a < b) scores it.
      const own = this.ownRate[i] * (f.total - 1);
      const log2f =
        l === 1
          ? f.log2Frequency(i, a < b ? a : b, d, u, own, a < b ? b : a)
          : Math.max(f.log2Frequency(i, a, d, u, own), f.log2Frequency(i, b, d, u, own));
      const adjust = this.log2u[i][l] - log2f;
      if (!national) this.contributions[i] += adjust;
      sum += adjust;
    }
    return national ? sum : sum + this.sameManFloor(a, b);
  }

  /**
   * After a clustering (term-frequency.ts sameManLog2Odds): a pair sharing a name that one man
   * holds most of is at least as likely one man as the clustering's share says — the prior, the
   * weights of the contexts the pair agrees on (surname, region) and the value's weight together
   * are lifted to those odds, the share read within those same contexts. The other
   * fields still add their evidence (a different patronymic still parts them). Added to the
   * comparison whose share lifts most, once. Measured with the national own counts
   * (term-frequency.ts ownNationally), against neither: F1 sixth-20k 0.8942 → 0.9047, the other
   * generators −0.0002 to +0.0012; at a million +0.0003 to +0.014 on every generator
   * (docs/linkage.md round nineteen).
   */
  private sameManFloor(a: number, b: number): number {
    const f = this.frequencies;
    let lift = 0;
    let at = -1;
    for (let i = 0; i < this.comparisons.length; i++) {
      const l = this.levels[i];
      const d = l === 1 && this.tfFlag[i][l] === 1 ? f.depth(i, this.levels) : 0;
      if (d < 1) continue;
      const odds = f.sameManLog2Odds(i, a < b ? a : b, d);
      if (odds === null) continue;
      // The share is read within every context the pair agrees on (the region too), and it
      // replaces what those contexts weigh: among namesakes, who mostly come from one republic,
      // agreeing on it says far less than its average weight. Added on top of a national share,
      // it made the independent generator's names-only pairs at 0.5–0.8 one man in 34% at a
      // million records (69% now; the first look's: 71%; `calibration.ts --looks`).
      let has = this.prior + this.contributions[i];
      const contexts = f.contexts(i);
      for (let k = 0; k < d; k++) has += this.contributions[contexts[k]];
      const need = odds - has;
      if (need > lift) {
        lift = need;
        at = i;
      }
    }
    if (at >= 0) this.contributions[at] += lift;
    return lift;
  }

  /**
   * The match weight of given per-comparison weights (a cluster's profile, cluster-profile.ts):
   * the prior added and the corroboration cap applied as score() applies them to a pair.
   */
  total(fieldWeights: Float64Array): number {
    let w = this.prior;
    let corroborated = this.corroborating === null;
    for (let i = 0; i < fieldWeights.length; i++) {
      w += fieldWeights[i];
      if (fieldWeights[i] > 0 && this.corroborating?.[i] === 1) corroborated = true;
    }
    return this.capped(w, corroborated) ? this.uncorroboratedMax : w;
  }

  /** Whether a weight without corroboration is capped below the link threshold. */
  private capped(w: number, corroborated: boolean): boolean {
    return !corroborated && w > this.uncorroboratedMax && w < this.overwhelming;
  }

  /** The weight each field added to a pair (the prior is reported as its own line). */
  explain(a: number, b: number): FieldWeight[] {
    const total = this.score(a, b);
    const out: FieldWeight[] = [{ comparison: 'prior', level: 'λ', weight: this.prior }];
    this.comparisons.forEach((c, i) => {
      const shift = i === this.sourceAt ? this.sourceShift : 0;
      out.push({ comparison: c.name, level: c.levels[this.levels[i]].label, weight: this.contributions[i] + shift });
    });
    if (this.uncorroborated) {
      const sum = out.reduce((s, p) => s + p.weight, 0);
      out.push({ comparison: 'uncorroborated', level: 'capped below the link threshold', weight: total - sum });
    }
    return out;
  }
}
