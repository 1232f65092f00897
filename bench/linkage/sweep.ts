// Threshold settings on one trained engine: pairwise P/R/F1 per variant next to what the model
// itself expects (mean probability of the linked pairs; their sum over EM's expected matches),
// aggregate figures only. Run: npx tsx bench/linkage/sweep.ts own-20k|independent-20k|fake_1000
// ['[["label",{"targetPrecision":0.98}],…]'].
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LinkageEngine } from '../../src/linkage/engine/engine.ts';
import { runLinkage } from '../../src/linkage/linkage.run.ts';
import { personConfig } from '../../src/linkage/engine/person-config.ts';
import { clusterScores } from '../../src/linkage/engine/metrics.ts';
import { probability } from '../../src/linkage/engine/model.ts';
import { totalPairs } from '../../src/linkage/engine/train.ts';
import { independentFiles, ownFiles, readTruth } from './datasets.ts';
import { publicEngine } from './public-sets.ts';

const name = process.argv[2] ?? 'own-20k';
let engine: LinkageEngine;
let truth: string[];
const m = name.match(/^(own|independent|third)-(20k|1m|\d+)$/);
if (m) {
  const n = m[2] === '20k' ? 20000 : m[2] === '1m' ? 1_000_000 : Number(m[2]);
  const dir = join(tmpdir(), 'kintrace-bench');
  const files = m[1] === 'own' ? await ownFiles(dir, n, 42) : independentFiles(dir, n, 42, m[1])!;
  const r = await runLinkage({ files: [files.people], config: personConfig(), progress: false });
  engine = r.engine;
  truth = await readTruth(files.truth, engine.data.ids);
} else {
  const r = publicEngine(name);
  engine = r.engine;
  truth = r.truth;
}
const base = { ...engine.config.thresholds };
const variants: [string, Partial<typeof base>][] = (process.argv[3] ? JSON.parse(process.argv[3]) : null) ?? [
  ['as is', {}],
  ['no cap', { corroborate: [] }],
  ['no cap link .8', { corroborate: [], link: 0.8 }],
  ['no cap link .7', { corroborate: [], link: 0.7 }],
  ['no cap link .6', { corroborate: [], link: 0.6 }],
  ['no cap link .5', { corroborate: [], link: 0.5, review: 0.3 }],
];
const all = totalPairs(engine.data, engine.crossSourceOnly);
for (const [name0, t] of variants) {
  let label = name0;
  Object.assign(engine.config.thresholds, base, t);
  engine.useParams(engine.params!, engine.scorer!.frequencies);
  const { edges } = engine.predict();
  // Expected figures from the model's own probabilities (no truth): edges at or above link.
  const expectedMatches = engine.params!.lambda * all;
  const t0 = engine.linkThreshold(edges);
  let tp = 0;
  let count = 0;
  for (let e = 0; e < edges.length; e++) {
    const p = probability(edges.weight[e]);
    if (p >= t0) {
      tp += p;
      count++;
    }
  }
  const c = engine.cluster(edges);
  label = `${label} @${c.linkThreshold.toFixed(3)}`;
  const s = clusterScores(c.clusterOf, truth);
  const ep = tp / Math.max(1, count);
  const er = tp / expectedMatches;
  console.log(
    `${name} ${label.padEnd(16)} P ${s.precision.toFixed(4)} R ${s.recall.toFixed(4)} F1 ${s.f1.toFixed(4)}  | expected P ${ep.toFixed(4)} R ${er.toFixed(4)} F1 ${((2 * ep * er) / (ep + er)).toFixed(4)}`,
  );
}
