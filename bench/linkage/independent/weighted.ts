import type { Rng } from './prng.ts';

/** Picks items in proportion to their weights (cumulative table, binary search). */
export class Weighted<T> {
  readonly items: readonly T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    const kept = entries.filter(([, w]) => w > 0);
    if (kept.length === 0) throw new Error('Weighted: no entry has a positive weight');
    this.items = kept.map(([item]) => item);
    this.cumulative = new Float64Array(kept.length);
    let sum = 0;
    kept.forEach(([, w], i) => {
      sum += w;
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  pick(rng: Rng): T {
    const x = rng.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }

  /** The share of one item, for reports and tests. */
  share(item: T): number {
    const i = this.items.indexOf(item);
    if (i < 0) return 0;
    return (this.cumulative[i] - (i > 0 ? this.cumulative[i - 1] : 0)) / this.total;
  }
}

/** Weights 1/rank^s: a few very common names, a long tail. */
export function zipfWeighted<T>(items: readonly T[], s: number): Weighted<T> {
  return new Weighted(items.map((item, i) => [item, 1 / (i + 1) ** s] as const));
}

/** A weighted table from an object literal (the keys left out never occur). */
export function weightedOf<K extends string>(weights: Readonly<Partial<Record<K, number>>>): Weighted<K> {
  return new Weighted(Object.entries(weights) as [K, number][]);
}
