// The person config's cluster.conflictShare swept (round twenty-nine): each case scored once, its
// edges clustered again with every share, pairwise F1 (precision / recall) printed. Printed,
// never asserted.
// Run: npx tsx bench/linkage/conflict-share.ts --cases eighth-20k,sixth-20k [--shares 0,0.1,0.2,0.34] [--seed 42]
import { clusterScores } from '../../src/linkage/engine/metrics.ts';
import { runLinkage } from '../../src/linkage/linkage.run.ts';
import { arg } from './cli-args.ts';
import { caseConfig, generatedFiles, readTruth } from './datasets.ts';

const cases = (arg('cases') ?? 'eighth-20k,sixth-20k').split(',');
const shares = (arg('shares') ?? '0,0.1,0.2,0.34').split(',').map(Number);
const seed = Number(arg('seed') ?? 42);

for (const name of cases) {
  const files = await generatedFiles(name, seed);
  if (!files) throw new Error(`no generated case "${name}"`);
  const run = await runLinkage({ files: [files.people], config: caseConfig(name.split('-')[0]), progress: false });
  const truth = await readTruth(files.truth, run.engine.data.ids);
  for (const share of shares) {
    (run.engine.config.cluster as { conflictShare: number }).conflictShare = share;
    const s = clusterScores(run.engine.cluster(run.predicted.edges).clusterOf, truth);
    console.log(`${name} share ${share}: F1 ${s.f1.toFixed(4)} (${s.precision.toFixed(4)} / ${s.recall.toFixed(4)})`);
  }
}
