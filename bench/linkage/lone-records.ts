// Records the clustering leaves alone, aggregate only: for each such record and each cluster its
// candidate pairs reach (best pair p ≥ 0.01), whether that cluster is its man, by the cluster's
// size and the pair's probability; then what F1 would be if each lone record joined the cluster
// its posterior names, P = o_C / (1 + Σ o), o_C = odds(best pair) · (size / 2)^β, when P ≥ θ.
// Measured for round sixteen: nothing beyond the pairs says which namesake a bare name is.
// Run: npx tsx bench/linkage/lone-records.ts --case third-1m [--seed 42]
import { probability } from '../../src/linkage/engine/model.ts';
import { loadCase } from './load-case.ts';
import { arg } from './cli-args.ts';

const { engine, truth, clusterOf } = await loadCase(arg('case') ?? 'third-20k', Number(arg('seed') ?? 42));
const scorer = engine.scorer!;
const n = clusterOf.length;
const size = new Int32Array(n);
for (let r = 0; r < n; r++) size[clusterOf[r]]++;
const manIds = new Map<string, number>();
const man = Int32Array.from(truth, (t) => manIds.get(t) ?? manIds.set(t, manIds.size).get(t)!);
const firstOf = new Int32Array(n).fill(-1);
for (let r = 0; r < n; r++) if (firstOf[clusterOf[r]] < 0) firstOf[clusterOf[r]] = r;
const isHis = (lone: number, cluster: number): boolean => man[firstOf[cluster]] === man[lone];

// Pairwise counts of the clustering: true pairs, linked pairs, linked true pairs per (cluster, man).
const together = new Map<number, number>();
const menSizes = new Int32Array(manIds.size);
let linked = 0;
for (let r = 0; r < n; r++) {
  menSizes[man[r]]++;
  const k = clusterOf[r] * manIds.size + man[r];
  together.set(k, (together.get(k) ?? 0) + 1);
}
for (let c = 0; c < n; c++) linked += (size[c] * (size[c] - 1)) / 2;
let right = 0;
for (const v of together.values()) right += (v * (v - 1)) / 2;
let truePairs = 0;
for (const v of menSizes) truePairs += (v * (v - 1)) / 2;
const f1 = (tp: number, pred: number): string => {
  const p = tp / pred;
  const r = tp / truePairs;
  return `P ${p.toFixed(4)} R ${r.toFixed(4)} F1 ${((2 * p * r) / (p + r)).toFixed(4)}`;
};
console.log(`clustering as it is: ${f1(right, linked)}`);

// Per lone record: the best pair probability to each cluster its candidate pairs reach.
const reach = new Map<number, Map<number, number>>();
engine.blocking.forEachPair((a, b) => {
  const loneA = size[clusterOf[a]] === 1;
  const loneB = size[clusterOf[b]] === 1;
  if (!loneA && !loneB) return;
  const p = probability(scorer.score(a, b));
  if (scorer.cannotLink || p < 0.01) return;
  const note = (lone: number, other: number): void => {
    const m = reach.get(lone) ?? reach.set(lone, new Map()).get(lone)!;
    const c = clusterOf[other];
    m.set(c, Math.max(m.get(c) ?? 0, p));
  };
  if (loneA) note(a, b);
  if (loneB) note(b, a);
}, engine.crossSourceOnly);

const sizeBands = [1, 2, 3, 5, 9, Infinity];
const pBands = [0.01, 0.05, 0.1, 0.2, 0.35, 0.5, 1.01];
const band = (x: number, bands: number[]): number => bands.findIndex((b, i) => x >= b && x < bands[i + 1]);
const grid = new Map<string, { n: number; his: number }>();
for (const [lone, clusters] of reach)
  for (const [c, p] of clusters) {
    const k = `cluster size ≥ ${sizeBands[band(size[c], sizeBands)]}, best pair p ≥ ${pBands[band(p, pBands)]}`;
    const g = grid.get(k) ?? { n: 0, his: 0 };
    g.n++;
    if (isHis(lone, c)) g.his++;
    grid.set(k, g);
  }
console.log('\nlone record against a cluster it reaches: pairs, share where the cluster is his man');
for (const [k, g] of [...grid].sort()) console.log(`  ${k}: ${g.n}, ${(g.his / g.n).toFixed(3)}`);

console.log('\nattaching each lone record to its likeliest cluster when the posterior is at least θ:');
for (const beta of [0, 0.5, 1])
  for (const theta of [0.4, 0.5, 0.6]) {
    const joining = new Map<number, number[]>();
    for (const [lone, clusters] of reach) {
      let sum = 0;
      let best = -1;
      let bestOdds = 0;
      for (const [c, p] of clusters) {
        const odds = (p / (1 - p)) * (size[c] / 2) ** beta;
        sum += odds;
        if (odds > bestOdds) [best, bestOdds] = [c, odds];
      }
      if (bestOdds / (1 + sum) >= theta) (joining.get(best) ?? joining.set(best, []).get(best)!).push(lone);
    }
    let addedPairs = 0;
    let addedRight = 0;
    let attached = 0;
    for (const [c, lones] of joining) {
      attached += lones.length;
      // Each joiner pairs with the cluster and the joiners before it; right pairs are with his man.
      addedPairs += lones.length * size[c] + (lones.length * (lones.length - 1)) / 2;
      const his = lones.filter((l) => isHis(l, c)).length;
      addedRight += his * (together.get(c * manIds.size + man[firstOf[c]]) ?? 0) + (his * (his - 1)) / 2;
    }
    console.log(`  β ${beta}, θ ${theta}: ${attached} attached, ${f1(right + addedRight, linked + addedPairs)}`);
  }
