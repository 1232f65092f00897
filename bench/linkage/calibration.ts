// Calibration per level pattern, aggregate only: for each pattern of comparison levels among the
// scored candidate pairs (p ≥ 0.02), how many pairs, their mean predicted probability and the share
// that is one man, the patterns listed by how far the truth is from the prediction (in pairs). Where
// one field's weight depends on another's level (a unit shared within one region), it shows here.
// --looks: instead, calibration by band of predicted probability, over all scored pairs and over
// names-only pairs (surname and given name exact; patronymic, birth date and unit missing), as the
// clustering's second look scores them (its counts of each man's records in place) and as the
// first look did — the check that the second look's counts keep probabilities honest.
// Run: npx tsx bench/linkage/calibration.ts --case third-1m [--seed 42] [--top 30] [--looks]
import { clusterScores } from '../../src/linkage/engine/metrics.ts';
import { probability } from '../../src/linkage/engine/model.ts';
import { loadCase } from './load-case.ts';
import { arg } from './cli-args.ts';
import { namesOnlyTest } from './names-only.ts';

const { engine, truth, clusterOf } = await loadCase(arg('case') ?? 'third-20k', Number(arg('seed') ?? 42));
const scorer = engine.scorer!;
if (process.argv.includes('--looks')) {
  printLooks();
  process.exit(0);
}
const byPattern = new Map<string, { n: number; p: number; t: number }>();
const label = (): string => engine.comparisons.map((c, i) => `${c.name}=${c.levels[scorer.levels[i]].label}`).join(' ');
engine.blocking.forEachPair((a, b) => {
  const p = probability(scorer.score(a, b));
  if (scorer.cannotLink || p < 0.02) return;
  const k = label();
  const e = byPattern.get(k) ?? { n: 0, p: 0, t: 0 };
  e.n++;
  e.p += p;
  if (truth[a] === truth[b]) e.t++;
  byPattern.set(k, e);
}, engine.crossSourceOnly);
const gap = (e: { p: number; t: number }): number => e.t - e.p;
console.log('pairs, mean predicted, share one man, one man less predicted (pairs), pattern');
for (const [k, e] of [...byPattern]
  .sort((x, y) => Math.abs(gap(y[1])) - Math.abs(gap(x[1])))
  .slice(0, Number(arg('top') ?? 30)))
  console.log(
    `${String(e.n).padStart(8)}  ${(e.p / e.n).toFixed(3)}  ${(e.t / e.n).toFixed(3)}  ${String(Math.round(gap(e))).padStart(6)}  ${k}`,
  );

function printLooks(): void {
  const namesOnly = namesOnlyTest(engine);
  const bands = [0.2, 0.5, 0.8, 0.9, 0.95, 0.99, 1.01];
  console.log(`clusters: F1 ${clusterScores(clusterOf, truth).f1.toFixed(4)}`);
  const look = (title: string): void => {
    const all = bands.map(() => ({ n: 0, p: 0, t: 0 }));
    const bare = bands.map(() => ({ n: 0, p: 0, t: 0 }));
    engine.blocking.forEachPair((a, b) => {
      const p = probability(scorer.score(a, b));
      if (scorer.cannotLink || p < bands[0]) return;
      let q = 0;
      while (q < bands.length - 2 && p >= bands[q + 1]) q++;
      const same = truth[a] === truth[b];
      for (const e of namesOnly?.(scorer.levels) ? [all[q], bare[q]] : [all[q]]) {
        e.n++;
        e.p += p;
        if (same) e.t++;
      }
    }, engine.crossSourceOnly);
    console.log(`\n${title}: band, pairs, mean predicted, share one man (all pairs | names-only pairs)`);
    bands.slice(0, -1).forEach((b, q) => {
      const cell = (e: { n: number; p: number; t: number }): string =>
        e.n ? `${e.n} ${(e.p / e.n).toFixed(3)} ${(e.t / e.n).toFixed(3)}` : '—';
      console.log(`  [${b}, ${Math.min(1, bands[q + 1])}): ${cell(all[q])} | ${cell(bare[q])}`);
    });
  };
  look('second look (as clustered)');
  scorer.frequencies.ownFromClusters(null);
  look('first look');
}
