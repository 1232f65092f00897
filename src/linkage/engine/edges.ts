/** Scored candidate pairs: record a[i] and b[i] with match weight weight[i], for i < length. */
export interface Edges {
  a: Int32Array;
  b: Int32Array;
  weight: Float64Array;
  length: number;
}
