// Shared benchmark helpers: pairwise precision/recall/F1 from clusters and a truth label per
// record, counted through (cluster, truth) groups so a million records need no pair lists.
export interface PairwiseScores {
  truePairs: number;
  predictedPairs: number;
  truePositives: number;
  precision: number;
  recall: number;
  f1: number;
}

const c2 = (n: number): number => (n * (n - 1)) / 2;

/** crossSource: only pairs whose records come from different sources count (a link of two files). */
export const pairwiseScores = (
  clusterOf: ArrayLike<number>,
  truth: ArrayLike<string | number>,
  source?: ArrayLike<number>,
): PairwiseScores => {
  const count = (keyOf: (i: number) => string): number => {
    const groups = new Map<string, [number, number]>();
    for (let i = 0; i < clusterOf.length; i++) {
      const k = keyOf(i);
      const g = groups.get(k) ?? [0, 0];
      g[source?.[i] ? 1 : 0]++;
      groups.set(k, g);
    }
    let total = 0;
    for (const [a, b] of groups.values()) total += source ? a * b : c2(a);
    return total;
  };
  const predictedPairs = count((i) => String(clusterOf[i]));
  const truePairs = count((i) => String(truth[i]));
  const truePositives = count((i) => `${clusterOf[i]}\u0000${truth[i]}`);
  const precision = predictedPairs ? truePositives / predictedPairs : 1;
  const recall = truePairs ? truePositives / truePairs : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { truePairs, predictedPairs, truePositives, precision, recall, f1 };
};

export const fmt = (x: number, digits = 4): string => x.toFixed(digits);
