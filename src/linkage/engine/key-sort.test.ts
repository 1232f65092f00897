import { describe, expect, it } from 'vitest';
import { edgesByWeight, NULL_KEY, sortByKey } from './key-sort.ts';

/** The comparison sort the radix sort replaced: by key, then by record. */
const reference = (keys: Uint32Array) => {
  const idx = [...keys.keys()].filter((r) => keys[r] !== NULL_KEY).sort((a, b) => keys[a] - keys[b] || a - b);
  return { order: idx, sortedKeys: idx.map((r) => keys[r]) };
};

describe('sortByKey', () => {
  it('orders records by key, ties in record order, missing keys left out', () => {
    const keys = Uint32Array.from([5, NULL_KEY, 3, 5, 0, 4294967294, 3, NULL_KEY, 2048, 2047]);
    const { order, sortedKeys } = sortByKey(keys);
    expect([...order]).toEqual([4, 2, 6, 0, 3, 9, 8, 5]);
    expect([...sortedKeys]).toEqual([0, 3, 3, 5, 5, 2047, 2048, 4294967294]);
  });

  it('agrees with a comparison sort on random 32-bit keys with many ties', () => {
    let seed = 7;
    const rand = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed;
    };
    for (const [n, spread] of [
      [1, 10],
      [1000, 50],
      [20000, 2 ** 32],
    ]) {
      const keys = Uint32Array.from({ length: n }, () => (rand() % 9 === 0 ? NULL_KEY : rand() % spread));
      const got = sortByKey(keys);
      const want = reference(keys);
      expect([...got.order]).toEqual(want.order);
      expect([...got.sortedKeys]).toEqual(want.sortedKeys);
    }
  });

  it('handles no records', () => {
    expect(sortByKey(new Uint32Array(0)).order.length).toBe(0);
  });

  it('sorts only the records asked for, as if the others had no key', () => {
    const keys = Uint32Array.from([5, NULL_KEY, 3, 5, 0, 7, 3, 9]);
    const among = Int32Array.from([0, 1, 2, 3, 6]);
    const masked = keys.map((v, r) => (among.includes(r) ? v : NULL_KEY));
    const got = sortByKey(keys, among);
    const want = sortByKey(masked);
    expect([...got.order]).toEqual([...want.order]);
    expect([...got.sortedKeys]).toEqual([...want.sortedKeys]);
    expect([...got.order]).toEqual([2, 6, 0, 3]);
  });
});

describe('edgesByWeight', () => {
  it('orders edges as the comparison sort did: weight highest first, ties by records, −0 as 0', () => {
    let seed = 11;
    const rand = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed;
    };
    const n = 5000;
    // Few distinct weights, so that ties are many; negative, zero and −0 among them.
    const values = [-7.25, -0.5, -0, 0, 0.3, 2, 2.0000000001, 13.7, Number.MAX_VALUE, -Number.MAX_VALUE];
    const weight = Float64Array.from({ length: n }, () => values[rand() % values.length]);
    const a = Int32Array.from({ length: n }, () => rand() % 50);
    const b = Int32Array.from({ length: n }, () => rand() % 4_000_000);
    const edges = Int32Array.from({ length: n }, (_, e) => e).filter((e) => e % 7 !== 3);
    const expected = [...edges].sort((x, y) => weight[y] - weight[x] || a[x] - a[y] || b[x] - b[y]);
    expect([...edgesByWeight(edges, weight, a, b)]).toEqual(expected);
  });
});
