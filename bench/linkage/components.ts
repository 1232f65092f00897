// How the scored pairs of one run fall into connected components, for the two-thread clustering
// (cluster-two-threads.ts deals whole components to the two threads): the largest component's
// share of the edges, joined by every kept edge and by the edges that can merge or be reviewed
// alone (probability at or above the lower of the link and review thresholds), and the halves
// the split gives. Round thirty-four of docs/linkage.md. Printed, never asserted.
// Run: npx tsx bench/linkage/components.ts --case eighth-1m [--seed 42]
import { splitByComponents } from '../../src/linkage/engine/cluster-split.ts';
import type { Edges } from '../../src/linkage/engine/edges.ts';
import { personConfig } from '../../src/linkage/engine/person-config.ts';
import { probability } from '../../src/linkage/engine/weights.ts';
import { runLinkage } from '../../src/linkage/linkage.run.ts';
import { arg } from './cli-args.ts';
import { generatedFiles } from './datasets.ts';

const name = arg('case') ?? 'eighth-20k';
const files = await generatedFiles(name, Number(arg('seed') ?? 42));
if (!files) throw new Error('--case eighth-1m, independent-20k, …');

const { engine, predicted, clusters } = await runLinkage({
  files: [files.people],
  config: personConfig(),
  progress: false,
});
const all = predicted.edges;
const n = engine.data.size;

/** The largest component's edges, by a union–find over `edges`. */
const largestComponent = (edges: Edges): number => {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (let e = 0; e < edges.length; e++) {
    const a = find(edges.a[e]);
    const b = find(edges.b[e]);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const load = new Int32Array(n);
  let most = 0;
  for (let e = 0; e < edges.length; e++) most = Math.max(most, ++load[find(edges.a[e])]);
  return most;
};

const { link, review, optimiseF1 } = engine.config.thresholds;
const reviewAt = optimiseF1 ? Math.min(review, clusters.linkThreshold) : review;
const floor = Math.min(clusters.linkThreshold, reviewAt);
const keep: number[] = [];
for (let e = 0; e < all.length; e++) if (probability(all.weight[e]) >= floor) keep.push(e);
const mergeable: Edges = {
  a: Int32Array.from(keep, (e) => all.a[e]),
  b: Int32Array.from(keep, (e) => all.b[e]),
  weight: Float64Array.from(keep, (e) => all.weight[e]),
  length: keep.length,
};
const share = (part: number, whole: number): string => `${((100 * part) / Math.max(1, whole)).toFixed(1)}%`;
const halves = splitByComponents(n, all, []).edges.map((h) => h.length);
const largest = largestComponent(all);
const largestMergeable = largestComponent(mergeable);
console.log(
  `${name}: ${n} records, ${all.length} kept edges (link at p ≥ ${clusters.linkThreshold.toFixed(3)}, config ${link})`,
);
console.log(`largest component, every kept edge:            ${largest} edges (${share(largest, all.length)})`);
console.log(
  `largest component, edges at p ≥ ${floor.toFixed(3)}:        ${largestMergeable} of ${mergeable.length} (${share(largestMergeable, mergeable.length)})`,
);
console.log(`the two threads' halves (every kept edge):     ${halves.join(' / ')}`);
