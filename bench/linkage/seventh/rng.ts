// Seeded randomness for the seventh generator. Everything random goes through Rng so that the
// output depends only on --n and --seed (no Math.random, no clock, no iteration-order tricks).

/** 32-bit mixing hash (splitmix32 finaliser); used to derive independent sub-streams. */
export function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** sfc32: small, fast, passes PractRand far beyond what a test-data generator needs. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    this.a = mix32(seed ^ 0x1234567);
    this.b = mix32(this.a ^ stream);
    this.c = mix32(this.b + 0x6a09e667);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** Reseed in place (one Rng object per rendered record would churn the heap at 1M rows). */
  reset(seed: number, stream: number): this {
    this.a = mix32(seed ^ 0x1234567);
    this.b = mix32(this.a ^ stream);
    this.c = mix32(this.b + 0x6a09e667);
    this.d = 1;
    for (let i = 0; i < 8; i++) this.u32();
    return this;
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

  /** Uniform integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }

  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  lognormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal());
  }

  /** Discrete power law on 1..max: P(k >= x) ~ x^-alpha (the "long tail" of records per man). */
  powerInt(alpha: number, max: number): number {
    const u = 1 - this.next();
    return Math.min(max, Math.floor(u ** (-1 / alpha)));
  }

  shuffle<T>(xs: T[] | Int32Array): void {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = xs[i];
      xs[i] = xs[j];
      xs[j] = t;
    }
  }
}

/** Weighted choice by binary search over cumulative weights; built once, sampled millions of times. */
export class Weighted<T> {
  readonly items: T[];
  private readonly cum: Float64Array;

  constructor(pairs: ReadonlyArray<readonly [T, number]>) {
    this.items = pairs.map((p) => p[0]);
    this.cum = new Float64Array(pairs.length);
    let s = 0;
    pairs.forEach((p, i) => {
      s += p[1];
      this.cum[i] = s;
    });
    if (!(s > 0)) throw new Error('Weighted: no positive weight');
  }

  sample(rng: Rng): T {
    const x = rng.next() * this.cum[this.cum.length - 1];
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

/** Zipf weights over a ranked list: the first names of a list are the common ones. */
export function zipf<T>(xs: readonly T[], s = 1, offset = 1): Array<[T, number]> {
  return xs.map((x, i) => [x, 1 / (i + offset) ** s]);
}

/** "a b c" → ["a","b","c"]; the name lists are written as space-separated strings to stay compact. */
export function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}
