/** Scored candidate pairs: record a[i] and b[i] with match weight weight[i], for i < length. */
export interface Edges {
  a: Int32Array;
  b: Int32Array;
  weight: Float64Array;
  length: number;
}

/** Growable edge list (pair and weight), filled by scoring on either thread. */
export class EdgeBuffer implements Edges {
  a = new Int32Array(1 << 16);
  b = new Int32Array(1 << 16);
  weight = new Float64Array(1 << 16);
  length = 0;
  push(a: number, b: number, w: number): void {
    if (this.length === this.a.length) {
      const grow = <T extends Int32Array | Float64Array>(x: T): T => {
        const next = new (x.constructor as { new (n: number): T })(x.length * 2);
        next.set(x);
        return next;
      };
      this.a = grow(this.a);
      this.b = grow(this.b);
      this.weight = grow(this.weight);
    }
    this.a[this.length] = a;
    this.b[this.length] = b;
    this.weight[this.length++] = w;
  }
}

/** Two lists of edges in one, allocated to their exact length (no growable buffer's slack). */
export const joinEdges = (x: Edges, y: Edges): Edges => {
  const length = x.length + y.length;
  const a = new Int32Array(length);
  const b = new Int32Array(length);
  const weight = new Float64Array(length);
  a.set(x.a.subarray(0, x.length));
  b.set(x.b.subarray(0, x.length));
  weight.set(x.weight.subarray(0, x.length));
  a.set(y.a.subarray(0, y.length), x.length);
  b.set(y.b.subarray(0, y.length), x.length);
  weight.set(y.weight.subarray(0, y.length), x.length);
  return { a, b, weight, length };
};
