// Fellegi–Sunter scoring: match weight = log2(λ/(1−λ)) + Σ log2(m/u) per field level, plus a
// term-frequency adjustment on levels flagged tf. Weights are precomputed per level; the hot path
// is one level() call and one array read per comparison, with no allocation.
import type { Comparison } from './comparison.ts';
import { GrowInt32, type Dataset } from './dataset.ts';

export interface ModelParams {
  /** Probability that two random records (pairs) are the same person. */
  lambda: number;
  /** m[c][l], u[c][l]: P(level l | match) and P(level l | non-match) for comparison c. */
  m: number[][];
  u: number[][];
}

export interface FieldWeight {
  comparison: string;
  level: string;
  weight: number;
}

export const probability = (weight: number): number => 1 / (1 + 2 ** -weight);
export const weightOf = (p: number): number => Math.log2(p / (1 - p));

const FLOOR = 1e-9;
// A level never seen among matches in training may still occur in real data: no level may say
// more than ~10 bits against a match on its own (cannot-link levels exist for hard conflicts).
const M_FLOOR = 1e-3;

export class Scorer {
  readonly prior: number;
  readonly weights: Float64Array[];
  private readonly tfFlag: Uint8Array[];
  private readonly clFlag: Uint8Array[];
  private readonly tfCounts: (GrowInt32 | null)[];
  private readonly log2u: Float64Array[];
  /** Levels of the last scored pair, and whether it hit a cannot-link level. */
  readonly levels: Int32Array;
  cannotLink = false;
  /**
   * Comparisons of which at least one must agree (add weight) for a pair to reach the link band;
   * a pair agreeing on names alone is capped just below it (review): at a million records two
   * "Омаров Мурад, Дагестан" with nothing else are as often two men as one.
   */
  private corroborating: Uint8Array | null = null;
  private uncorroboratedMax = Infinity;
  /** Whether the last scored pair was capped for lack of corroboration. */
  uncorroborated = false;
  /** Records counted into the term frequencies (a query being scored is not one of them). */
  private termTotal = 0;

  constructor(
    readonly comparisons: readonly Comparison[],
    readonly params: ModelParams,
    private readonly data: Dataset,
    corroboration?: { comparisons: readonly string[]; maxWeight: number },
  ) {
    if (corroboration?.comparisons.length) {
      this.corroborating = Uint8Array.from(comparisons, (c) => (corroboration.comparisons.includes(c.name) ? 1 : 0));
      this.uncorroboratedMax = corroboration.maxWeight;
    }
    this.prior = weightOf(params.lambda);
    this.weights = comparisons.map((c, i) =>
      Float64Array.from(c.levels, (_, l) =>
        l === 0 ? 0 : Math.log2(Math.max(params.m[i][l], M_FLOOR) / Math.max(params.u[i][l], FLOOR)),
      ),
    );
    this.log2u = comparisons.map((c, i) =>
      Float64Array.from(c.levels, (_, l) => Math.log2(Math.max(params.u[i][l], FLOOR))),
    );
    this.tfFlag = comparisons.map((c) => Uint8Array.from(c.levels, (l) => (l.tf ? 1 : 0)));
    this.clFlag = comparisons.map((c) => Uint8Array.from(c.levels, (l) => (l.cannotLink ? 1 : 0)));
    this.tfCounts = comparisons.map((c) => (c.tfKey && c.levels.some((l) => l.tf) ? new GrowInt32() : null));
    this.levels = new Int32Array(comparisons.length);
    this.countTerms(0);
  }

  /** Counts term frequencies for records from `from` on (all of them at first, then new ones). */
  countTerms(from: number): void {
    const n = this.data.size;
    this.termTotal += n - from;
    this.comparisons.forEach((c, i) => {
      const counts = this.tfCounts[i];
      if (!counts || !c.tfKey) return;
      for (let r = from; r < n; r++) {
        const k = c.tfKey(r);
        if (k < 0) continue;
        while (counts.length <= k) counts.push(0);
        counts.data[k]++;
      }
    });
  }

  /** log2(u_level / tf(value)): the shared value's own frequency replaces the average u. */
  private tfAdjust(i: number, l: number, r: number): number {
    const counts = this.tfCounts[i]!;
    const k = this.comparisons[i].tfKey!(r);
    const count = k >= 0 && k < counts.length ? Math.max(counts.data[k], 1) : 1;
    return this.log2u[i][l] - Math.log2(count / this.termTotal);
  }

  /** Match weight of a pair; fills `levels` and `cannotLink`. */
  score(a: number, b: number): number {
    let w = this.prior;
    let cl = false;
    let corroborated = this.corroborating === null;
    const comps = this.comparisons;
    for (let i = 0; i < comps.length; i++) {
      const l = comps[i].level(a, b);
      this.levels[i] = l;
      const wi = this.weights[i][l];
      w += wi;
      if (this.tfFlag[i][l] === 1) w += this.tfAdjust(i, l, a);
      if (this.clFlag[i][l] === 1) cl = true;
      if (!corroborated && wi > 0 && this.corroborating![i] === 1) corroborated = true;
    }
    this.cannotLink = cl;
    this.uncorroborated = !corroborated && w > this.uncorroboratedMax;
    return this.uncorroborated ? this.uncorroboratedMax : w;
  }

  /** The weight each field added to a pair (the prior is reported as its own line). */
  explain(a: number, b: number): FieldWeight[] {
    this.score(a, b);
    const out: FieldWeight[] = [{ comparison: 'prior', level: 'λ', weight: this.prior }];
    this.comparisons.forEach((c, i) => {
      const l = this.levels[i];
      let w = this.weights[i][l];
      if (this.tfFlag[i][l] === 1) w += this.tfAdjust(i, l, a);
      out.push({ comparison: c.name, level: c.levels[l].label, weight: w });
    });
    const total = out.reduce((sum, p) => sum + p.weight, 0);
    if (
      total > this.uncorroboratedMax &&
      this.corroborating &&
      !this.comparisons.some((_, i) => this.corroborating![i] === 1 && this.weights[i][this.levels[i]] > 0)
    ) {
      out.push({
        comparison: 'uncorroborated',
        level: 'capped below the link threshold',
        weight: this.uncorroboratedMax - total,
      });
    }
    return out;
  }
}
