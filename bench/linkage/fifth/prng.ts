// Small seeded PRNG (sfc32) and helpers. No Math.random, no clock: output is a pure function of the seed.

/** 32-bit string hash (cyrb53-like, folded), used to derive seeds from labels. */
export function hash32(s: string, salt = 0): number {
  let h1 = 0xdeadbeef ^ salt;
  let h2 = 0x41c6ce57 ^ salt;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string) {
    const s = String(seed);
    this.a = hash32(s, 1);
    this.b = hash32(s, 2);
    this.c = hash32(s, 3);
    this.d = hash32(s, 4) | 1;
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** Uniform 32-bit unsigned integer. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [lo, hi] (inclusive). */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(arr: readonly T[]): T {
    return arr[this.int(arr.length)];
  }

  /** Standard normal (Box–Muller, one value per call). */
  normal(): number {
    let u = this.next();
    if (u < 1e-12) u = 1e-12;
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 40) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const l = Math.exp(-lambda);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= this.next();
    } while (p > l);
    return k - 1;
  }

  /** A child generator whose stream depends on this one's next output and a label. */
  fork(label: string): Rng {
    return new Rng(`${this.u32()}:${label}`);
  }
}

/** Weighted choice by cumulative weights and binary search. */
export class Weighted<T> {
  readonly items: readonly T[];
  private readonly cum: Float64Array;
  private readonly total: number;

  constructor(items: readonly T[], weights: readonly number[]) {
    if (items.length !== weights.length || items.length === 0) throw new Error('Weighted: bad input');
    this.items = items;
    this.cum = new Float64Array(items.length);
    let s = 0;
    for (let i = 0; i < items.length; i++) {
      s += Math.max(0, weights[i]);
      this.cum[i] = s;
    }
    if (s <= 0) throw new Error('Weighted: zero total');
    this.total = s;
  }

  static of<T>(pairs: readonly (readonly [T, number])[]): Weighted<T> {
    return new Weighted(
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
    );
  }

  /** Zipf-like weights 1/(rank+offset)^s over items already in rank order. */
  static zipf<T>(items: readonly T[], s = 1, offset = 1): Weighted<T> {
    return new Weighted(
      items,
      items.map((_, i) => 1 / (i + offset) ** s),
    );
  }

  sample(rng: Rng): T {
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

/** Pick a key from a record of weights. */
export function pickKey<K extends string>(rng: Rng, weights: Partial<Record<K, number>>): K {
  let total = 0;
  for (const k in weights) total += weights[k] ?? 0;
  let x = rng.next() * total;
  let last: K | undefined;
  for (const k in weights) {
    const w = weights[k] ?? 0;
    if (w <= 0) continue;
    last = k;
    if (x < w) return k;
    x -= w;
  }
  if (last === undefined) throw new Error('pickKey: empty weights');
  return last;
}
