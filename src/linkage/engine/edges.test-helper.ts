// Test helper: an edge list from (a, b, weight) triples.
import type { Edges } from './edges.ts';

export const edgesOf = (list: readonly (readonly [number, number, number])[]): Edges => ({
  a: Int32Array.from(list, (e) => e[0]),
  b: Int32Array.from(list, (e) => e[1]),
  weight: Float64Array.from(list, (e) => e[2]),
  length: list.length,
});
