// A unit is written as its open number ("в/ч 41659") in one record and as its formation
// ("55 омсбр") in another. No public table joins the two, but the file being linked often does:
// records that name both. Learned per file, from those records: the formation that at least two
// thirds of the records naming a number name with it. A number-only record then compares with a
// formation-only one as the same formation (one unit) or as different ones (two units), instead of
// saying nothing. Measured on the independent generator at a million records: 64,000 true pairs
// are a number against a formation, and the file's own records name the right formation for 89%.
import { type FieldColumn, GrowInt32, type TokenFeature } from './dataset.ts';

/** The share of a number's records that must name one formation for the alias to hold. */
const SHARE = 2 / 3;

export class NumberFormationAliases {
  /** Per number id: records naming it with each formation id. */
  private readonly counts = new Map<number, Map<number, number>>();
  /** Per number id: its formation id, or -1. */
  private formationOf = new Int32Array(64).fill(-1);
  private counted = 0;
  /** Records that named both, with what they named: taken back when the dataset shrinks. */
  private readonly contributors = new GrowInt32();
  private readonly named = new GrowInt32();

  constructor(
    private readonly col: FieldColumn,
    private readonly number: TokenFeature,
    private readonly formation: TokenFeature,
  ) {}

  /**
   * Counts records [counted, size), after taking back those at or beyond size (a query scored
   * against an index and then dropped): the aliases are always those of exactly these records.
   * The token features must be synced first.
   */
  sync(size: number): void {
    while (this.contributors.length > 0 && this.contributors.data[this.contributors.length - 1] >= size) {
      this.contributors.length--;
      this.named.length -= 2;
      this.bump(this.named.data[this.named.length], this.named.data[this.named.length + 1], -1);
    }
    for (let r = Math.min(this.counted, size); r < size; r++) {
      const t = this.col.at(r);
      if (t < 0) continue;
      const n = this.number.data[t];
      const f = this.formation.data[t];
      if (n < 0 || f < 0) continue;
      this.contributors.push(r);
      this.named.push(n);
      this.named.push(f);
      this.bump(n, f, 1);
    }
    this.counted = size;
  }

  /** The formation id the file's records name with this number id, or -1. */
  of(n: number): number {
    return n >= 0 && n < this.formationOf.length ? this.formationOf[n] : -1;
  }

  private bump(n: number, f: number, by: number): void {
    let byFormation = this.counts.get(n);
    if (!byFormation) this.counts.set(n, (byFormation = new Map()));
    byFormation.set(f, (byFormation.get(f) ?? 0) + by);
    let total = 0;
    let best = -1;
    let bestCount = 0;
    for (const [g, c] of byFormation) {
      total += c;
      if (c > bestCount || (c === bestCount && c > 0 && g < best)) {
        best = g;
        bestCount = c;
      }
    }
    if (n >= this.formationOf.length) {
      const next = new Int32Array(Math.max(n + 1, this.formationOf.length * 2)).fill(-1);
      next.set(this.formationOf);
      this.formationOf = next;
    }
    this.formationOf[n] = total > 0 && bestCount >= SHARE * total ? best : -1;
  }
}
