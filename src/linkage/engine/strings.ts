// String similarity on short values (names, codes). Scratch buffers are module-level and reused
// because these run tens of millions of times per dedupe: no allocation per call.

/** Lower case, runs of white space as one space, trimmed: the base of every generic key. */
export const clean = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Lower case, ё as е, letters and digits only, single spaces: "Морпех!" and "морпех" agree. */
export const wordingOf = (raw: string): string =>
  raw
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);
let rowPrev2 = new Int32Array(65);
let rowPrev = new Int32Array(65);
let rowCur = new Int32Array(65);

const ensure = (n: number): void => {
  if (flagsA.length >= n + 1) return;
  const size = (n + 1) * 2;
  flagsA = new Uint8Array(size);
  flagsB = new Uint8Array(size);
  rowPrev2 = new Int32Array(size + 1);
  rowPrev = new Int32Array(size + 1);
  rowCur = new Int32Array(size + 1);
};

/**
 * Past this length the matching window is walked per character (matchLong), not per position:
 * the window is half the longer value, so a cell of 100,000 characters cost 5·10⁹ steps a pair
 * and a run on 50 such records did not end. Names never reach it.
 */
const LONG = 256;

/** Jaro–Winkler similarity in [0, 1] (prefix scale 0.1, up to 4 characters). */
export const jaroWinkler = (a: string, b: string): number => {
  if (a === b) return a.length === 0 ? 0 : 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  ensure(Math.max(la, lb));
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  if (Math.max(la, lb) > LONG) matches = matchLong(a, b, window);
  else
    for (let i = 0; i < la; i++) {
      const lo = Math.max(0, i - window);
      const hi = Math.min(lb - 1, i + window);
      const ca = a.charCodeAt(i);
      for (let j = lo; j <= hi; j++) {
        if (flagsB[j] === 0 && b.charCodeAt(j) === ca) {
          flagsA[i] = 1;
          flagsB[j] = 1;
          matches++;
          break;
        }
      }
    }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / la + m / lb + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  const maxPrefix = Math.min(4, la, lb);
  while (prefix < maxPrefix && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
};

/**
 * The same matching as the loop above, in time linear in the lengths: each of a's characters
 * takes the first unflagged equal character of b in its window. Of one character, b's positions
 * are taken in increasing order (the window only moves right), so a pointer into that
 * character's positions, moved past those left of the window, finds it.
 */
const matchLong = (a: string, b: string, window: number): number => {
  const positions = new Map<number, number[]>();
  for (let j = 0; j < b.length; j++) {
    const c = b.charCodeAt(j);
    const list = positions.get(c);
    if (list) list.push(j);
    else positions.set(c, [j]);
  }
  const next = new Map<number, number>();
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i);
    const list = positions.get(c);
    if (!list) continue;
    const lo = Math.max(0, i - window);
    let p = next.get(c) ?? 0;
    while (p < list.length && list[p] < lo) p++;
    if (p < list.length && list[p] <= i + window) {
      flagsA[i] = 1;
      flagsB[list[p]] = 1;
      matches++;
      p++;
    }
    next.set(c, p);
  }
  return matches;
};

/**
 * Optimal-string-alignment (restricted Damerau–Levenshtein) distance, giving up once it exceeds
 * `max` (returns max + 1): callers only ask "within 1 or 2 edits?", so the band keeps it cheap.
 * Only the band's cells (|i − j| ≤ max) are computed: a cell outside it is more than `max` edits
 * whatever the letters, and stands as max + 1 (two 100,000-character cells one letter apart took
 * 10¹⁰ steps).
 */
export const damerau = (a: string, b: string, max = 2): number => {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0) return lb;
  if (lb === 0) return la;
  ensure(Math.max(la, lb));
  const outside = max + 1;
  for (let j = 0; j <= lb; j++) rowPrev[j] = j;
  for (let i = 1; i <= la; i++) {
    rowCur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    const lo = Math.max(1, i - max);
    const hi = Math.min(lb, i + max);
    // The cells just outside the band, as this row and the next read them.
    if (lo > 1) rowCur[lo - 1] = outside;
    if (hi < lb) rowCur[hi + 1] = outside;
    for (let j = lo; j <= hi; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min(rowPrev[j] + 1, rowCur[j - 1] + 1, rowPrev[j - 1] + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        v = Math.min(v, rowPrev2[j - 2] + 1);
      }
      rowCur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = rowPrev2;
    rowPrev2 = rowPrev;
    rowPrev = rowCur;
    rowCur = t;
  }
  const d = rowPrev[lb];
  return d > max ? max + 1 : d;
};

/** Mixes small integers into a 32-bit hash (block keys made of several token ids). */
export const mixHash = (h: number, v: number): number => {
  let x = (h ^ Math.imul(v + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
};

/** American Soundex: a blocking key robust to single-letter spelling changes in Latin names. */
export const soundex = (s: string): string => {
  const codes = 'abcdefghijklmnopqrstuvwxyz';
  const map = '01230120022455012623010202';
  const lower = s.toLowerCase().replace(/[^a-z]/g, '');
  if (!lower) return '';
  let out = lower[0];
  let last = map[codes.indexOf(lower[0])];
  for (let i = 1; i < lower.length && out.length < 4; i++) {
    const c = lower[i];
    const code = map[codes.indexOf(c)];
    if (code !== '0' && code !== last) out += code;
    if (c !== 'h' && c !== 'w') last = code;
  }
  return out.padEnd(4, '0');
};

/**
 * Direct-mapped cache of a symmetric pair function on token ids (a level). Names are Zipfian, so
 * the same two spellings meet again and again; a hit costs one memory read instead of an edit
 * distance and a Jaro–Winkler. A collision just overwrites: no allocation per call.
 *
 * An entry is two ints side by side (the smaller id; the larger id shifted left by four bits with
 * the value, 0–15, in the low bits), so a lookup touches one cache line, not three arrays. The
 * table is sized by its comparison from the distinct spellings it may meet (`fit`): eight entries
 * a spelling, from 2^14 (128 KB: an index of a few thousand records) up to 2^20 (8 MB). At a
 * million records the project's generator has 143,000 surname spellings, whose pairs the fixed
 * 2^18 entries of before kept evicting: the training pairs' levels took 3.7 s, 2.9 s at 2^20
 * (2.4 s at 2^22, which costs 200 MB more at a million: every name table, on each thread).
 */
export class PairCache {
  private slots = new Int32Array(0);
  /** Entries − 1: entries are a power of two. */
  private mask = -1;
  constructor(bits = 14) {
    this.allocate(bits);
  }
  /** Entries the table holds now. */
  get size(): number {
    return this.mask + 1;
  }
  /** Grows the table (dropping its entries) to eight entries per distinct spelling, at most 2^20. */
  fit(spellings: number): void {
    const bits = Math.min(20, Math.ceil(Math.log2(Math.max(1, spellings * 8))));
    if (1 << bits > this.size) this.allocate(bits);
  }
  private allocate(bits: number): void {
    this.slots = new Int32Array(2 << bits).fill(-1);
    this.mask = (1 << bits) - 1;
  }
  get(x: number, y: number, compute: (x: number, y: number) => number): number {
    const lo = x < y ? x : y;
    const hi = x < y ? y : x;
    const h = (Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi, 0x85ebca77)) >>> 0;
    const s = ((h ^ (h >>> 15)) & this.mask) << 1;
    const slots = this.slots;
    if (slots[s] === lo && slots[s + 1] >>> 4 === hi) return slots[s + 1] & 15;
    const value = compute(lo, hi);
    // Values or ids that do not fit an entry are computed every time (none do today).
    if (value >= 0 && value < 16 && hi < 1 << 27) {
      slots[s] = lo;
      slots[s + 1] = (hi << 4) | value;
    }
    return value;
  }
}
