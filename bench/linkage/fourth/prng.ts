// Small seeded PRNG (sfc32) and integer hashing. No Math.random anywhere in this generator.

/** 32-bit integer mix (murmur3 finaliser). */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash a list of integers into one 32-bit value. */
export function hashInts(...xs: number[]): number {
  let h = 0x9e3779b9;
  for (const x of xs) {
    h = mix32((h ^ (x >>> 0)) + 0x7f4a7c15 + (h << 6) + (h >>> 2));
  }
  return h;
}

/** Hash a string (FNV-1a then mixed). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h >>> 0);
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(...seed: number[]) {
    this.a = hashInts(1, ...seed);
    this.b = hashInts(2, ...seed);
    this.c = hashInts(3, ...seed);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.u32();
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

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [lo, hi] inclusive. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }

  /** Approximately normal (sum of 4 uniforms). */
  normal(mean: number, sd: number): number {
    const s = this.next() + this.next() + this.next() + this.next() - 2;
    return mean + sd * s * 1.732;
  }
}

/** Weighted table with O(log n) sampling. */
export class Weighted<T> {
  readonly items: T[];
  readonly cum: Float64Array;
  readonly total: number;

  constructor(pairs: ReadonlyArray<readonly [T, number]>) {
    this.items = [];
    this.cum = new Float64Array(pairs.length);
    let acc = 0;
    let i = 0;
    for (const [item, w] of pairs) {
      if (!(w > 0)) continue;
      acc += w;
      this.items.push(item);
      this.cum[i++] = acc;
    }
    if (i === 0) throw new Error('Weighted: empty table');
    this.cum = this.cum.slice(0, i);
    this.total = acc;
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

/** Shorthand: pick a key of a {key: weight} record. */
export function pickW<K extends string>(rng: Rng, table: Readonly<Record<K, number>>): K {
  let total = 0;
  for (const k in table) total += table[k];
  let x = rng.next() * total;
  let last: K | undefined;
  for (const k in table) {
    last = k;
    x -= table[k];
    if (x < 0) return k;
  }
  return last as K;
}
