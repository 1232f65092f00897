// A small seeded PRNG of our own (sfc32, seeded through splitmix32), so the output depends only
// on the seed and this file, never on Math.random or a library's version.

/** Mixes one 32-bit word into a running hash (murmur3's body and finaliser). */
export function mix32(h: number, k: number): number {
  let x = Math.imul(k | 0, 0xcc9e2d51);
  x = (x << 15) | (x >>> 17);
  x = Math.imul(x, 0x1b873593);
  let y = (h ^ x) | 0;
  y = (y << 13) | (y >>> 19);
  y = (Math.imul(y, 5) + 0xe6546b64) | 0;
  y ^= y >>> 16;
  y = Math.imul(y, 0x85ebca6b);
  y ^= y >>> 13;
  y = Math.imul(y, 0xc2b2ae35);
  return (y ^ (y >>> 16)) >>> 0;
}

/** Hashes a list of integers (seed, family index, stream tag…) to one 32-bit word. */
export function hashKeys(keys: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const k of keys) h = mix32(h, k);
  return h >>> 0;
}

/** A numeric seed from any string the user typed ("7", "test-run"). */
export function seedFromString(s: string): number {
  if (/^\d+$/.test(s) && Number(s) < 2 ** 32) return Number(s);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function splitmix(state: number): number {
  let z = state | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** One independent stream per key list: every family and every record gets its own. */
  constructor(...keys: number[]) {
    // Four splitmix32 outputs of the hashed keys (written out: this runs several times a record).
    const s = hashKeys(keys);
    this.a = splitmix(s + 0x9e3779b9);
    this.b = splitmix(s + 2 * 0x9e3779b9);
    this.c = splitmix(s + 3 * 0x9e3779b9);
    this.d = splitmix(s + 4 * 0x9e3779b9);
    for (let i = 0; i < 4; i++) this.next();
  }

  /** Next unsigned 32-bit integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [lo, hi], both included. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return p > 0 && this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}
