// How far the engine is from what its candidate pairs allow, on one case, as aggregate figures
// only (no record is printed, so it may run on held-out data). Records are split in two halves
// by true person; every figure is over the pairs of the test half, as a pairwise classifier
// before clustering (true pairs no rule blocks count as missed):
// - engine: the engine's own weights (cannot-link pairs never link);
// - truth-m: the same model with m and λ counted from the truth (u and name frequencies kept),
//   the upper bound of independent field weights;
// - supervised: a logistic regression on the train half over the levels, the weights, and the
//   levels crossed with how many records share the full name — what an interaction of name
//   frequency with the other fields could add.
// Run: npx tsx bench/linkage/oracle.ts --case independent-20k [--seed 42]
import type { ModelParams } from '../../src/linkage/engine/model.ts';
import { weightOf } from '../../src/linkage/engine/model.ts';
import { GrowInt32 } from '../../src/linkage/engine/dataset.ts';
import { loadCase } from './load-case.ts';
import { arg } from './cli-args.ts';

const name = arg('case') ?? 'independent-20k';
const { engine, truth, linkThreshold } = await loadCase(name, Number(arg('seed') ?? 42));
const scorer = engine.scorer!;
const comps = engine.comparisons;
const n = engine.data.size;

// Halves by true person (a hash of the label, so a person's records stay together).
const half = new Uint8Array(n);
const hash = (s: string): number => {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0) & 1;
};
truth.forEach((t, i) => (half[i] = hash(t)));
const trueTotal = [0, 0];
{
  const byPerson = new Map<string, number>();
  truth.forEach((t) => byPerson.set(t, (byPerson.get(t) ?? 0) + 1));
  for (const [t, k] of byPerson) trueTotal[hash(t)] += (k * (k - 1)) / 2;
}

// Blocked pairs within a half, in typed arrays (a million records give millions of them).
const pairA = new GrowInt32();
const pairB = new GrowInt32();
engine.blocking.forEachPair((a, b) => {
  if (half[a] !== half[b]) return;
  pairA.push(a);
  pairB.push(b);
}, engine.crossSourceOnly);
type Pair = { e: number; a: number; b: number; same: boolean; part: number };
const pairCount = pairA.length;
const pairAt = (e: number): Pair => {
  const a = pairA.data[e];
  const b = pairB.data[e];
  return { e, a, b, same: truth[a] === truth[b], part: half[a] };
};

const fullName = new Map<string, number>();
const si = comps.findIndex((c) => c.name === 'surname');
const gi = comps.findIndex((c) => c.name === 'given_name' || c.name === 'first_name');
const nameKey = (r: number): string => `${comps[si].tfKey?.(r)}:${comps[gi].tfKey?.(r)}`;
for (let r = 0; r < n; r++) fullName.set(nameKey(r), (fullName.get(nameKey(r)) ?? 0) + 1);

const report = (label: string, score: (p: Pair) => number, at?: number): void => {
  const test: { s: number; same: boolean }[] = [];
  for (let e = 0; e < pairCount; e++) {
    const p = pairAt(e);
    if (p.part !== 1) continue;
    const s = score(p);
    // Pairs far below any threshold cannot change a figure at P ≥ 0.97; left out at a million.
    if (s > -20) test.push({ s, same: p.same });
  }
  test.sort((x, y) => y.s - x.s);
  const total = trueTotal[1];
  let tp = 0;
  let fp = 0;
  let best = { f1: 0, p: 0, r: 0 };
  let bestAtP = { f1: 0, p: 0, r: 0 };
  let fixed = { f1: 0, p: 0, r: 0 };
  for (let i = 0; i < test.length; i++) {
    if (test[i].same) tp++;
    else fp++;
    if (i + 1 < test.length && test[i + 1].s === test[i].s) continue;
    if (!Number.isFinite(test[i].s)) break;
    const p = tp / (tp + fp);
    const r = tp / total;
    const f1 = (2 * p * r) / (p + r);
    if (f1 > best.f1) best = { f1, p, r };
    if (p >= 0.97 && f1 > bestAtP.f1) bestAtP = { f1, p, r };
    if (at !== undefined && test[i].s >= at) fixed = { f1, p, r };
  }
  const f = (x: { f1: number; p: number; r: number }): string =>
    `${x.f1.toFixed(4)} (${x.p.toFixed(3)} / ${x.r.toFixed(3)})`;
  console.log(
    `${label.padEnd(12)} best ${f(best)}   best at P ≥ 0.97 ${f(bestAtP)}${at === undefined ? '' : `   at the link threshold ${f(fixed)}`}`,
  );
};

console.log(`# ${name}: ${n} records, test half ${trueTotal[1]} true pairs, ${pairCount} blocked pairs in halves`);
const engineScore = (p: Pair): number => {
  const w = scorer.score(p.a, p.b);
  return scorer.cannotLink ? Number.NEGATIVE_INFINITY : w;
};
report('engine', engineScore, weightOf(linkThreshold));

// Truth-m: level shares among true blocked pairs (both halves), λ the true share of all pairs.
const params = engine.params!;
const counts = comps.map((c) => new Array<number>(c.levels.length).fill(0));
for (let e = 0; e < pairCount; e++) {
  const p = pairAt(e);
  if (p.same) {
    scorer.score(p.a, p.b);
    comps.forEach((_, i) => counts[i][scorer.levels[i]]++);
  }
}
const truthParams: ModelParams = {
  lambda: (trueTotal[0] + trueTotal[1]) / ((n * (n - 1)) / 2),
  u: params.u,
  m: counts.map((row) => {
    const nonNull = row.reduce((s, x) => s + x, 0) - row[0];
    return row.map((x, l) => (l === 0 ? 1 : (x + 0.01) / (nonNull + 0.01 * row.length)));
  }),
};
const frequencies = scorer.frequencies;
engine.useParams(truthParams, frequencies);
const truthScorer = engine.scorer!;
report('truth-m', (p) => {
  const w = truthScorer.score(p.a, p.b);
  return truthScorer.cannotLink ? Number.NEGATIVE_INFINITY : w;
});
engine.useParams(params, frequencies);

// Supervised: features per pair. Past two million pairs (a million records) the model is fitted on
// a sample of the train half's pairs (every e-th) and the test half scored pair by pair.
const SAMPLE = 2_000_000;
const every = Math.max(1, Math.ceil(pairCount / SAMPLE));
const pairs: Pair[] = [];
for (let e = 0; e < pairCount; e += every) pairs.push(pairAt(e));
const crossed = comps.map((c) => ['patronymic', 'birth_date', 'unit', 'region'].includes(c.name));
const features = (p: Pair): number[] => {
  const w = scorer.score(p.a, p.b);
  const k = Math.log2(Math.max(fullName.get(nameKey(p.a)) ?? 1, fullName.get(nameKey(p.b)) ?? 1));
  const x: number[] = [1, w, scorer.cannotLink ? 1 : 0, k];
  comps.forEach((c, i) => {
    x.push(scorer.contributions[i]);
    for (let l = 0; l < c.levels.length; l++) {
      const on = scorer.levels[i] === l ? 1 : 0;
      x.push(on);
      if (crossed[i]) x.push(on * k);
    }
  });
  return x;
};
const X = pairs.map(features);
const d = X[0].length;
const mean = new Array<number>(d).fill(0);
const sd = new Array<number>(d).fill(0);
for (const x of X) x.forEach((v, j) => (mean[j] += v / X.length));
for (const x of X) x.forEach((v, j) => (sd[j] += (v - mean[j]) ** 2 / X.length));
const standardise = (x: number[]): number[] => {
  for (let j = 1; j < d; j++) x[j] = sd[j] > 0 ? (x[j] - mean[j]) / Math.sqrt(sd[j]) : 0;
  return x;
};
for (const x of X) standardise(x);
const train = pairs.map((_, i) => i).filter((i) => pairs[i].part === 0);
const beta = new Array<number>(d).fill(0);
const mom = new Array<number>(d).fill(0);
const vel = new Array<number>(d).fill(0);
let step = 0;
for (let epoch = 0; epoch < 40; epoch++) {
  for (let s = train.length - 1; s > 0; s--) {
    const j = (Math.imul(s, 2654435761) >>> 0) % (s + 1);
    [train[s], train[j]] = [train[j], train[s]];
  }
  for (let start = 0; start < train.length; start += 256) {
    const g = new Array<number>(d).fill(0);
    const end = Math.min(train.length, start + 256);
    for (let t = start; t < end; t++) {
      const x = X[train[t]];
      let z = 0;
      for (let j = 0; j < d; j++) z += beta[j] * x[j];
      const err = 1 / (1 + Math.exp(-z)) - (pairs[train[t]].same ? 1 : 0);
      for (let j = 0; j < d; j++) g[j] += (err * x[j]) / (end - start);
    }
    step++;
    for (let j = 0; j < d; j++) {
      g[j] += 1e-4 * beta[j];
      mom[j] = 0.9 * mom[j] + 0.1 * g[j];
      vel[j] = 0.999 * vel[j] + 0.001 * g[j] * g[j];
      beta[j] -= (0.01 * mom[j]) / (1 - 0.9 ** step) / (Math.sqrt(vel[j] / (1 - 0.999 ** step)) + 1e-8);
    }
  }
}
report('supervised', (p) => {
  const x = every === 1 ? X[p.e] : standardise(features(p));
  let z = 0;
  for (let j = 0; j < d; j++) z += beta[j] * x[j];
  return z;
});
