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
    counts.fill(0);
    for (let j = 0; j < count; j++) counts[(k32[j] >>> shift) & MASK]++;
    let sum = 0;
    for (let d = 0; d < RADIX; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
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
