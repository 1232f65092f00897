// The clustering's second look rescores every kept pair (engine.ts secondLook): in the order
// scoring found them, or cluster by cluster as it does now. Both orders alternate in one process,
// so a busy machine weighs on both alike; CPU seconds are printed beside wall seconds. The scores
// must be the same either way (printed as "differ").
// Run: npx tsx bench/linkage/rescore-order.ts [--case eighth-1m] [--rounds 3]. Printed, never asserted.
import { ClusterMembers } from '../../src/linkage/engine/cluster-members.ts';
import { personConfig } from '../../src/linkage/engine/person-config.ts';
import { runLinkage } from '../../src/linkage/linkage.run.ts';
import { arg } from './cli-args.ts';
import { generatedFiles } from './datasets.ts';

const files = await generatedFiles(arg('case') ?? 'eighth-1m', Number(arg('seed') ?? 42));
if (!files) throw new Error('--case eighth-1m, sixth-20k, …');
const { engine, predicted, clusters } = await runLinkage({
  files: [files.people],
  config: personConfig(),
  progress: false,
});
const edges = predicted.edges;
const scorer = engine.requireScorer();
const asFound = (w: Float64Array) => {
  for (let e = 0; e < edges.length; e++) w[e] = scorer.score(edges.a[e], edges.b[e]);
};
const byCluster = (w: Float64Array) => {
  const clusterOfEdge = new Int32Array(edges.length);
  for (let e = 0; e < edges.length; e++) clusterOfEdge[e] = clusters.clusterOf[edges.a[e]];
  for (const e of new ClusterMembers(clusterOfEdge, clusters.clusterOf.length).members)
    w[e] = scorer.score(edges.a[e], edges.b[e]);
};
for (let round = 0; round < Number(arg('rounds') ?? 3); round++) {
  const weights: Float64Array[] = [];
  for (const [name, rescore] of [
    ['as found', asFound],
    ['by cluster', byCluster],
  ] as const) {
    const w = new Float64Array(edges.length);
    const started = performance.now();
    const cpu = process.cpuUsage();
    rescore(w);
    const used = process.cpuUsage(cpu);
    weights.push(w);
    console.log(
      `${name.padEnd(10)} ${edges.length} pairs   wall ${((performance.now() - started) / 1000).toFixed(2)} s   cpu ${((used.user + used.system) / 1e6).toFixed(2)} s`,
    );
  }
  console.log(`differ ${weights[0].filter((w, e) => w !== weights[1][e]).length}`);
}
process.exit(0);
