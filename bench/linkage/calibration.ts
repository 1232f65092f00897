// Calibration per level pattern, aggregate only: for each pattern of comparison levels among the
// scored candidate pairs (p ≥ 0.02), how many pairs, their mean predicted probability and the share
// that is one man, the patterns listed by how far the truth is from the prediction (in pairs). Where
// one field's weight depends on another's level (a unit shared within one region), it shows here.
// Run: npx tsx bench/linkage/calibration.ts --case third-1m [--seed 42] [--top 30]
import { probability } from '../../src/linkage/engine/model.ts';
import { loadCase } from './load-case.ts';
import { arg } from './cli-args.ts';

const { engine, truth } = await loadCase(arg('case') ?? 'third-20k', Number(arg('seed') ?? 42));
const scorer = engine.scorer!;
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
