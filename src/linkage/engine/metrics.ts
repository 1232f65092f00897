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
  // Per group, record counts by source side (0 / other) so cross-source pairs are a·b.
  const groups = (keyOf: (i: number) => string): Map<string, [number, number]> => {
    const g = new Map<string, [number, number]>();
    for (let i = 0; i < n; i++) {
      const k = keyOf(i);
      let s = g.get(k);
      if (!s) g.set(k, (s = [0, 0]));
      s[crossSource?.[i] ? 1 : 0]++;
    }
    return g;
  };
  const pairsIn = (g: Map<string, [number, number]>): number => {
    let total = 0;
    for (const [a, b] of g.values()) total += crossSource ? a * b : c2(a + b);
    return total;
  };
  const byCluster = groups((i) => String(clusterOf[i]));
  const byTruth = groups((i) => String(truthOf[i]));
  const both = groups((i) => `${clusterOf[i]}\u0000${truthOf[i]}`);
  const predictedPairs = pairsIn(byCluster);
  const truePairs = pairsIn(byTruth);
  const truePositives = pairsIn(both);
  const precision = predictedPairs ? truePositives / predictedPairs : 1;
  const recall = truePairs ? truePositives / truePairs : 1;
  // B-cubed: record i's precision is |its cluster ∩ its truth| / |its cluster|; the records of one
  // (cluster, truth) cell share it, so sum over cells: size² / |cluster| and size² / |truth|.
  let bp = 0;
  let br = 0;
  for (let i = 0; i < n; i++) {
    const cell = both.get(`${clusterOf[i]}\u0000${truthOf[i]}`)!;
    const inCell = cell[0] + cell[1];
    const c = byCluster.get(String(clusterOf[i]))!;
    const t = byTruth.get(String(truthOf[i]))!;
    bp += inCell / (c[0] + c[1]);
    br += inCell / (t[0] + t[1]);
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
