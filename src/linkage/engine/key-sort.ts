// Records ordered by a 32-bit block key, for blocking. A comparison sort of a million doubles
// takes ~110 ms, and every pass sorts each of the ~26 rules' keys (training's sample, scoring):
// 3–4 s at a million records, all before the scoring threads start. An LSD radix sort in three
// 11-bit passes does the same in ~15 ms. It is stable, so records of one key stay in record
// order, exactly as the packed (key, record) sort it replaces left them.

/**
 * The key of a record missing a key part (and of records in a skipped oversized block): the one
 * 32-bit value no real key takes (Blocking.keyOf moves a hash that lands on it one down).
 */
export const NULL_KEY = 0xffffffff;

const BITS = 11;
const RADIX = 1 << BITS;
const MASK = RADIX - 1;

/**
 * Records r with a key (keys[r] ≠ NULL_KEY), sorted by key then by r. Returns the records and
 * their keys in that order. With `among` (records in ascending order), only those records.
 */
export function sortByKey(keys: Uint32Array, among?: Int32Array): { order: Int32Array; sortedKeys: Uint32Array } {
  const first = keyed(keys, among);
  let order: Int32Array = first.order;
  let k32: Uint32Array = first.k32;
  const count = order.length;
  let nextOrder: Int32Array = new Int32Array(count);
  let nextKeys: Uint32Array = new Uint32Array(count);
  const counts = new Int32Array(RADIX);
  for (let shift = 0; shift < 32; shift += BITS) {
    bucketStarts(counts, k32, count, shift, MASK);
    for (let j = 0; j < count; j++) {
      const at = counts[(k32[j] >>> shift) & MASK]++;
      nextOrder[at] = order[j];
      nextKeys[at] = k32[j];
    }
    [order, nextOrder] = [nextOrder, order];
    [k32, nextKeys] = [nextKeys, k32];
  }
  return { order, sortedKeys: k32 };
}

/** One radix pass's bucket starts: counts[d] becomes where the keys of digit d begin. */
function bucketStarts(counts: Int32Array, keys: Uint32Array, count: number, shift: number, mask: number): void {
  counts.fill(0);
  for (let j = 0; j < count; j++) counts[(keys[j] >>> shift) & mask]++;
  let sum = 0;
  for (let d = 0; d < counts.length; d++) {
    const c = counts[d];
    counts[d] = sum;
    sum += c;
  }
}

/** The records with a key (all of them, or those `among`, in record order) and their keys. */
function keyed(keys: Uint32Array, among?: Int32Array): { order: Int32Array; k32: Uint32Array } {
  const n = among ? among.length : keys.length;
  let count = 0;
  for (let j = 0; j < n; j++) if (keys[among ? among[j] : j] !== NULL_KEY) count++;
  const order = new Int32Array(count);
  const k32 = new Uint32Array(count);
  let i = 0;
  for (let j = 0; j < n; j++) {
    const r = among ? among[j] : j;
    if (keys[r] !== NULL_KEY) {
      order[i] = r;
      k32[i++] = keys[r];
    }
  }
  return { order, k32 };
}

/**
 * Edges by weight, highest first, ties by their records (a, then b), as the comparison
 * `w[y] − w[x] || a[x] − a[y] || b[x] − b[y]` orders them: the clustering's order of merges. A
 * comparison sort of 1.25 million edges took about 0.5 s, twice per clustering
 * (bench/linkage/merge-order.ts). Here: an LSD radix sort
 * of the weights' bits in four 16-bit passes, the keys carried along (sequential reads), then the
 * runs of equal weight, mostly of one edge, sorted by their records.
 */
export function edgesByWeight(
  edges: Int32Array,
  weight: Float64Array,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
): Int32Array {
  const size = edges.length;
  let order: Int32Array = edges.slice();
  let high: Uint32Array = new Uint32Array(size);
  let low: Uint32Array = new Uint32Array(size);
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  const [lo, hi] = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? [0, 1] : [1, 0];
  for (let k = 0; k < size; k++) {
    // −0 is 0 to the comparison; the float's bits made to order as the float, then inverted
    // for highest first.
    bits[0] = weight[order[k]] + 0;
    let h = words[hi];
    let l = words[lo];
    if (h & 0x80000000) {
      h = ~h;
      l = ~l;
    } else h ^= 0x80000000;
    high[k] = ~h >>> 0;
    low[k] = ~l >>> 0;
  }
  let nextOrder: Int32Array = new Int32Array(size);
  let nextHigh: Uint32Array = new Uint32Array(size);
  let nextLow: Uint32Array = new Uint32Array(size);
  const counts = new Int32Array(WIDE_RADIX);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? low : high;
    const shift = (pass % 2) * 16;
    bucketStarts(counts, word, size, shift, 0xffff);
    for (let k = 0; k < size; k++) {
      const at = counts[(word[k] >>> shift) & 0xffff]++;
      nextOrder[at] = order[k];
      nextHigh[at] = high[k];
      nextLow[at] = low[k];
    }
    [order, nextOrder] = [nextOrder, order];
    [high, nextHigh] = [nextHigh, high];
    [low, nextLow] = [nextLow, low];
  }
  for (let start = 0; start < size; ) {
    let end = start + 1;
    while (end < size && high[end] === high[start] && low[end] === low[start]) end++;
    if (end - start > 1) order.subarray(start, end).sort((x, y) => a[x] - a[y] || b[x] - b[y]);
    start = end;
  }
  return order;
}

const WIDE_RADIX = 1 << 16;
