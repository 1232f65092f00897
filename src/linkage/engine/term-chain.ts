// A chain of term frequencies (term-frequency.ts): a comparison's value counted within its
// contexts, coarse to fine (a given name within its surname, then within its region too), with
// dense ids per (value, contexts) and per (contexts) and their counts. Read by the places a
// context's records come from (term-places.ts) and by the own records a clustering counts
// (own-records.ts).
import type { GrowInt32 } from './dataset.ts';
import type { IdTable } from './id-table.ts';

export interface Chain {
  comparison: number;
  /** Context comparisons, coarse to fine. */
  within: number[];
  /** Per depth d ≥ 1: per record, the dense id of (value, ctx_1..d) and of (ctx_1..d), −1 when absent. */
  joint: GrowInt32[];
  context: GrowInt32[];
  /** Interning tables; absent in a worker thread, which only reads the counts. */
  jointIds: IdTable[];
  contextIds: IdTable[];
  jointCounts: GrowInt32[];
  contextCounts: GrowInt32[];
}

/** Exact key of (id at the previous depth, next value): both are dense ids below 2^26. */
export const combine = (prev: number, x: number): number => prev * 67_108_864 + x;
