// Seeded randomness. Every record is rendered from its own stream (seed + record index),
// so a record's text does not depend on the order in which records are written.

/** Mixes integers into a well-spread 32-bit value (murmur3 finaliser). */
export function mix32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x85ebca6b);
    h = (h << 13) | (h >>> 19);
    h = Math.imul(h, 0xc2b2ae35) ^ 0x27d4eb2f;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Small fast PRNG (sfc32). */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(...seedParts: number[]) {
    this.a = mix32(1, ...seedParts);
    this.b = mix32(2, ...seedParts);
    this.c = mix32(3, ...seedParts);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
}

/** Weighted choice by binary search over cumulative weights. */
export class Weighted<T> {
  readonly items: T[] = [];
  private readonly cumulative: number[] = [];
  private total = 0;

  constructor(entries: Iterable<[T, number]> = []) {
    for (const [item, weight] of entries) this.add(item, weight);
  }

  add(item: T, weight: number): void {
    if (weight <= 0) return;
    this.total += weight;
    this.items.push(item);
    this.cumulative.push(this.total);
  }

  get size(): number {
    return this.items.length;
  }

  draw(rng: Rng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

/** Picks a key of a {key: weight} table. */
export function pickKey<K extends string>(rng: Rng, table: Partial<Record<K, number>>): K {
  let total = 0;
  for (const k in table) total += table[k] ?? 0;
  let x = rng.next() * total;
  let last: K | undefined;
  for (const k in table) {
    x -= table[k] ?? 0;
    last = k;
    if (x < 0) return k;
  }
  return last as K;
}
