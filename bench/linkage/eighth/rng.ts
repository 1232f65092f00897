// Seeded randomness. Math.random is never used: the output is a pure function of (--n, --seed).
// sfc32 is small, fast and passes PractRand far enough for test data. Each record gets its own
// generator seeded from (seed, record index), so rendering order does not change the result.

export function mix32(a: number, b: number): number {
  // murmur3-style finaliser over two words: decorrelates neighbouring record indices.
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x6a09e667, 0xc2b2ae35)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;

  constructor(seed: number, stream = 0) {
    this.a = mix32(seed, stream);
    this.b = mix32(stream, seed ^ 0x5bd1e995);
    this.c = mix32(seed + 0x27d4eb2f, stream + 0x165667b1);
    for (let i = 0; i < 10; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return p > 0 && this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** Log-normal weight with median 1: list sizes and name frequencies are heavy-tailed. */
  lognormal(sigma: number): number {
    return Math.exp(sigma * this.normal());
  }
}

/** Draws from fixed weights by binary search over the cumulative sums. */
export class Weighted<T> {
  readonly items: T[];
  private readonly cum: Float64Array;
  readonly total: number;

  constructor(items: T[], weights: number[]) {
    this.items = items;
    this.cum = new Float64Array(weights.length);
    let s = 0;
    for (let i = 0; i < weights.length; i++) {
      s += Math.max(0, weights[i]);
      this.cum[i] = s;
    }
    this.total = s;
  }

  static zipf<T>(items: T[], exponent: number): Weighted<T> {
    return new Weighted(
      items,
      items.map((_, i) => 1 / (i + 1) ** exponent),
    );
  }

  static of<T extends string>(table: Partial<Record<T, number>>): Weighted<T> {
    const keys = Object.keys(table) as T[];
    return new Weighted(
      keys,
      keys.map((k) => table[k] ?? 0),
    );
  }

  pick(rng: Rng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}
