// Quality of a clustering against a labelled truth: pairwise precision/recall/F1 (the figure
// record-linkage papers and Splink report) and B-cubed (per record, so one giant wrong cluster
// cannot hide behind many small right ones, and singletons count). Both are computed from the
// (cluster, truth) contingency counts, never from pair lists: a million records need no more
// memory than a few maps.

export interface ClusterScores {
  records: number;
  truePairs: number;
  predictedPairs: number;
  truePositives: number;
  precision: number;
  recall: number;
  f1: number;
  bcubedPrecision: number;
  bcubedRecall: number;
  bcubedF1: number;
}

const c2 = (n: number): number => (n * (n - 1)) / 2;
const f1Of = (p: number, r: number): number => (p + r ? (2 * p * r) / (p + r) : 0);

/**
 * clusterOf[i] and truthOf[i] label record i (any values; equal labels = same cluster).
 * crossSource (a link of two files): pairwise counts only pairs whose records come from
 * different sources; B-cubed is always over all records.
 */
export const clusterScores = (
  clusterOf: ArrayLike<string | number>,
  truthOf: ArrayLike<string | number>,
  crossSource?: ArrayLike<number>,
): ClusterScores => {
  const n = clusterOf.length;
  if (truthOf.length !== n) throw new Error('clusterScores: one cluster and one truth label per record');
  // Labels to dense ints once: a million records are then counted in typed arrays, not maps.
  const dense = (labels: ArrayLike<string | number>): { id: Int32Array; count: number } => {
    const ids = new Map<string | number, number>();
    const id = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let x = ids.get(labels[i]);
      if (x === undefined) ids.set(labels[i], (x = ids.size));
      id[i] = x;
    }
    return { id, count: ids.size };
  };
  const cl = dense(clusterOf);
  const tr = dense(truthOf);
  const cellIds = new Map<number, number>();
  const cell = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const key = cl.id[i] * tr.count + tr.id[i];
    let x = cellIds.get(key);
    if (x === undefined) cellIds.set(key, (x = cellIds.size));
    cell[i] = x;
  }
  // Per group, record counts by side (source 0 / other) so cross-source pairs are a·b.
  const sides = (id: Int32Array, count: number): [Float64Array, Float64Array] => {
    const s: [Float64Array, Float64Array] = [new Float64Array(count), new Float64Array(count)];
    for (let i = 0; i < n; i++) s[crossSource?.[i] ? 1 : 0][id[i]]++;
    return s;
  };
  const pairsIn = ([a, b]: [Float64Array, Float64Array]): number => {
    let total = 0;
    for (let g = 0; g < a.length; g++) total += crossSource ? a[g] * b[g] : c2(a[g] + b[g]);
    return total;
  };
  const byCluster = sides(cl.id, cl.count);
  const byTruth = sides(tr.id, tr.count);
  const byCell = sides(cell, cellIds.size);
  const predictedPairs = pairsIn(byCluster);
  const truePairs = pairsIn(byTruth);
  const truePositives = pairsIn(byCell);
  const precision = predictedPairs ? truePositives / predictedPairs : 1;
  const recall = truePairs ? truePositives / truePairs : 1;
  // B-cubed: record i's precision is |its cluster ∩ its truth| / |its cluster|, its recall the
  // same over |its truth|, averaged over records.
  const size = ([a, b]: [Float64Array, Float64Array], g: number): number => a[g] + b[g];
  let bp = 0;
  let br = 0;
  for (let i = 0; i < n; i++) {
    const inCell = size(byCell, cell[i]);
    bp += inCell / size(byCluster, cl.id[i]);
    br += inCell / size(byTruth, tr.id[i]);
  }
  const bcubedPrecision = n ? bp / n : 1;
  const bcubedRecall = n ? br / n : 1;
  return {
    records: n,
    truePairs,
    predictedPairs,
    truePositives,
    precision,
    recall,
    f1: f1Of(precision, recall),
    bcubedPrecision,
    bcubedRecall,
    bcubedF1: f1Of(bcubedPrecision, bcubedRecall),
  };
};
