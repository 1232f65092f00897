// Exact copies of a full record are one man before any scoring says so. A file in which one man
// is a fifth of the records (a spreadsheet merged from many copies of one family's request) made
// every value of his "common": his own copies counted as other men in the first scoring's term
// frequencies, his pairs fell below the floor kept for the clustering, and 100 copies among 400
// other records stayed 100 clusters (80 copies were one; docs/linkage.md round twenty-nine).
// Copies are joined as a human "same" decision joins two records, but only when the record is
// full enough that two different men could not have written it: every comparison the config
// names (`cluster.copiesAreOne`: for person records the surname, given name, patronymic and a
// full birth date) holds a value, and a value that can be imprecise (a year for a date) is
// precise. A sparse «Магомедов Руслан, Дагестан» twice is two records of two men as often as one.
import type { Comparison } from './comparison.ts';
import type { Dataset } from './dataset.ts';

/**
 * Per record that copies an earlier one: [the earlier one, the record]. Copies agree on the token
 * of every field the `compared` comparisons read (all but the source list's: one record in two
 * lists is the same evidence twice); `required` are the comparisons that must hold a precise value.
 */
export const exactCopyPairs = (
  data: Dataset,
  compared: readonly Comparison[],
  required: readonly Comparison[],
): [number, number][] => {
  if (required.length === 0) return [];
  const fields = [...new Set(compared.flatMap((c) => c.fields))];
  const columns = fields.map((f) => data.column(f));
  const needed = required.map((c) => ({ c, columns: c.fields.map((f) => data.column(f)) }));
  const full = (r: number): boolean =>
    needed.every(({ c, columns: cols }) => cols.every((col) => col.at(r) >= 0) && (c.precise?.(r) ?? true));
  const same = (a: number, b: number): boolean => columns.every((col) => col.at(a) === col.at(b));
  const n = data.size;
  let size = 1;
  while (size < 2 * n) size *= 2;
  // Open addressing on the tokens' hash: a record's slot holds the first record with its tokens.
  const slots = new Int32Array(size).fill(-1);
  const pairs: [number, number][] = [];
  for (let r = 0; r < n; r++) {
    if (!full(r)) continue;
    let h = 0x811c9dc5;
    for (const col of columns) h = Math.imul(h ^ col.at(r), 0x01000193);
    let slot = (h >>> 0) & (size - 1);
    for (;;) {
      const first = slots[slot];
      if (first < 0) {
        slots[slot] = r;
        break;
      }
      if (same(first, r)) {
        pairs.push([first, r]);
        break;
      }
      slot = (slot + 1) & (size - 1);
    }
  }
  return pairs;
};

/**
 * Copies that a human said are two men are left to the scoring: a "different" decision between
 * two records of one group of copies drops the whole group's joins.
 */
export const copiesNotDisputed = (
  copies: readonly [number, number][],
  different: readonly [number, number][],
): [number, number][] => {
  if (different.length === 0) return [...copies];
  const groupOf = new Map<number, number>();
  for (const [first, r] of copies) {
    groupOf.set(first, first);
    groupOf.set(r, first);
  }
  const disputed = new Set<number>();
  for (const [a, b] of different) {
    const ga = groupOf.get(a);
    if (ga !== undefined && ga === groupOf.get(b)) disputed.add(ga);
  }
  return copies.filter(([first]) => !disputed.has(first));
};
