// Unsupervised training the way that survives blocking (as Splink does it):
//  - u from random pairs (almost all non-matches, so their level frequencies are u);
//  - the prior λ from pairs that strict deterministic rules call matches, corrected for recall;
//  - m by EM on pattern counts in sessions blocked on different fields; the fields a session
//    blocks on are held out of that session (their agreement is forced by the blocking), and each
//    comparison's m is averaged over the sessions that could estimate it. Plain EM on pairs
//    blocked on names sees mostly agreeing names and decides everything matches.
import type { Comparison } from './comparison.ts';
import type { Dataset } from './dataset.ts';
import { Blocking, type BlockingRule } from './blocking.ts';
import type { ModelParams } from './model.ts';

export interface TrainingOptions {
  /** Strict rules whose pairs are taken as matches to estimate λ. */
  deterministic: BlockingRule[];
  /**
   * Share of true matches the deterministic rules find; 'auto' derives it from the trained m
   * (P(exact | match) of each field a rule requires, times the chance both records have it).
   */
  recall: number | 'auto';
  /** One EM session per rule. */
  sessions: BlockingRule[];
  randomPairs: number;
  maxSessionPairs: number;
  crossSourceOnly: boolean;
  seed: number;
  iterations: number;
}

export interface TrainingReport {
  /** True when a saved model was used instead of training (input too small). */
  savedModel?: boolean;
  deterministicPairs: number;
  /** Recall assumed for the deterministic rules (given or implied by m). */
  recall: number;
  /** Seconds spent on u, on the EM sessions and on λ. */
  seconds?: { u: number; sessions: number; lambda: number };
  sessions: { rule: string; pairs: number; patterns: number; lambda: number }[];
}

/** Small deterministic PRNG (mulberry32) so training is reproducible. */
export const rng = (seed: number): (() => number) => {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

export const totalPairs = (data: Dataset, crossSourceOnly: boolean): number => {
  if (!crossSourceOnly) return (data.size * (data.size - 1)) / 2;
  const bySource = new Map<number, number>();
  for (let r = 0; r < data.size; r++) bySource.set(data.source.data[r], (bySource.get(data.source.data[r]) ?? 0) + 1);
  const counts = [...bySource.values()];
  const all = counts.reduce((a, b) => a + b, 0);
  return (all * all - counts.reduce((a, c) => a + c * c, 0)) / 2;
};

export const estimateU = (data: Dataset, comps: readonly Comparison[], opts: TrainingOptions): number[][] => {
  const rand = rng(opts.seed);
  const counts = comps.map((c) => new Float64Array(c.levels.length).fill(1)); // +1 smoothing: no level is impossible
  const n = data.size;
  const src = data.source.data;
  for (let s = 0; s < opts.randomPairs; s++) {
    const a = Math.floor(rand() * n);
    const b = Math.floor(rand() * n);
    if (a === b || (opts.crossSourceOnly && src[a] === src[b])) continue;
    for (let i = 0; i < comps.length; i++) counts[i][comps[i].level(a, b)]++;
  }
  return counts.map((c) => normaliseNonNull(Array.from(c)));
};

const normaliseNonNull = (c: number[]): number[] => {
  const total = c.slice(1).reduce((a, b) => a + b, 0);
  return c.map((v, l) => (l === 0 ? 0 : v / total));
};

export const estimateLambda = (
  data: Dataset,
  opts: TrainingOptions,
  recall: number,
): { lambda: number; pairs: number } => {
  const blocking = new Blocking(data, opts.deterministic, Number.MAX_SAFE_INTEGER);
  const stats = blocking.forEachPair(() => {}, opts.crossSourceOnly);
  const all = totalPairs(data, opts.crossSourceOnly);
  const lambda = Math.min(0.5, Math.max(1 / all, stats.candidatePairs / all / recall));
  return { lambda, pairs: stats.candidatePairs };
};

/** P(a match agrees on every field of a rule): Π m(exact) × P(both records have the field). */
const agreeProbability = (data: Dataset, comps: readonly Comparison[], m: number[][], rule: BlockingRule): number => {
  const fields = new Set(rule.flatMap((p) => p.split('|')[0].split('+')));
  let p = 1;
  comps.forEach((c, i) => {
    if (!fields.has(c.fields[0])) return;
    const col = data.column(c.fields[0]);
    let present = 0;
    for (let x = 0; x < data.size; x++) if (col.at(x) >= 0) present++;
    const share = present / Math.max(1, data.size);
    p *= m[i][1] * share * share;
  });
  return Math.max(p, 1e-6);
};

/** Initial m: most mass on the best level, decreasing geometrically. */
const initialM = (levels: number): number[] => {
  const m = Array.from({ length: levels }, (_, l) => (l === 0 ? 0 : 0.25 ** (l - 1)));
  return normaliseNonNull(m);
};

const runSession = (
  data: Dataset,
  comps: readonly Comparison[],
  u: number[][],
  rule: BlockingRule,
  opts: TrainingOptions,
): { m: (number[] | null)[]; pairs: number; allPairs: number; patterns: number; lambda: number } => {
  const ruleFields = new Set(rule.flatMap((p) => p.split('|')[0].split('+')));
  const active = comps.map((c) => !c.fields.some((f) => ruleFields.has(f)));
  const radix = comps.map((c) => c.levels.length);
  const patterns = new Map<number, number>();
  const blocking = new Blocking(data, [rule], 20000);
  // Sample records, not pairs, when a session would be too large: matches and non-matches
  // within blocks both shrink by the square of the fraction, so the mix EM sees is unchanged.
  const all = blocking.pairCount(0);
  const fraction = Math.min(1, Math.sqrt(opts.maxSessionPairs / Math.max(1, all)));
  if (fraction < 1) {
    const rand = rng(opts.seed + 17);
    blocking.mask = Uint8Array.from({ length: data.size }, () => (rand() < fraction ? 1 : 0));
  }
  let pairs = 0;
  blocking.forEachPair((a, b) => {
    let key = 0;
    for (let i = 0; i < comps.length; i++) key = key * radix[i] + (active[i] ? comps[i].level(a, b) : 0);
    patterns.set(key, (patterns.get(key) ?? 0) + 1);
    pairs++;
  }, opts.crossSourceOnly);
  const decoded: { levels: Int32Array; count: number }[] = [];
  for (const [key, count] of patterns) {
    const levels = new Int32Array(comps.length);
    let k = key;
    for (let i = comps.length - 1; i >= 0; i--) {
      levels[i] = k % radix[i];
      k = Math.floor(k / radix[i]);
    }
    decoded.push({ levels, count });
  }
  const m = comps.map((c) => initialM(c.levels.length));
  let lambda = 0.1;
  for (let it = 0; it < opts.iterations; it++) {
    const acc = comps.map((c) => new Float64Array(c.levels.length).fill(1e-3));
    let matchMass = 0;
    let total = 0;
    const logPrior = Math.log(lambda / (1 - lambda));
    for (const { levels, count } of decoded) {
      let logit = logPrior;
      for (let i = 0; i < comps.length; i++) {
        const l = levels[i];
        if (active[i] && l > 0) logit += Math.log(Math.max(m[i][l], 1e-12) / Math.max(u[i][l], 1e-12));
      }
      const p = 1 / (1 + Math.exp(-logit));
      matchMass += p * count;
      total += count;
      for (let i = 0; i < comps.length; i++) if (active[i] && levels[i] > 0) acc[i][levels[i]] += p * count;
    }
    for (let i = 0; i < comps.length; i++) if (active[i]) m[i] = normaliseNonNull(Array.from(acc[i]));
    lambda = Math.min(0.999, Math.max(1e-6, matchMass / Math.max(total, 1)));
  }
  return { m: m.map((mi, i) => (active[i] ? mi : null)), pairs, allPairs: all, patterns: decoded.length, lambda };
};

export const train = (
  data: Dataset,
  comps: readonly Comparison[],
  opts: TrainingOptions,
): { params: ModelParams; report: TrainingReport } => {
  const t0 = performance.now();
  const u = estimateU(data, comps, opts);
  const t1 = performance.now();
  const sums = comps.map((c) => new Float64Array(c.levels.length));
  const counts = new Int32Array(comps.length);
  const report: TrainingReport = { deterministicPairs: 0, recall: 0, sessions: [] };
  const sessions: { rule: BlockingRule; allPairs: number; lambda: number }[] = [];
  for (const rule of opts.sessions) {
    const s = runSession(data, comps, u, rule, opts);
    sessions.push({ rule, allPairs: s.allPairs, lambda: s.lambda });
    report.sessions.push({ rule: rule.join(' & '), pairs: s.pairs, patterns: s.patterns, lambda: s.lambda });
    s.m.forEach((mi, i) => {
      if (!mi) return;
      counts[i]++;
      mi.forEach((v, l) => (sums[i][l] += v));
    });
  }
  const m = comps.map((c, i) => (counts[i] ? Array.from(sums[i], (v) => v / counts[i]) : initialM(c.levels.length)));
  const t2 = performance.now();
  let recall = opts.recall === 'auto' ? 1 : opts.recall;
  const { lambda: raw, pairs } = estimateLambda(data, opts, 1);
  if (opts.recall === 'auto') {
    // Matches implied by the first session: its pairs × its EM match share, divided by the
    // chance a match agrees on the session's fields (from m estimated in the other sessions).
    // The deterministic rules' recall is then their pair count over those matches.
    const first = sessions[0];
    const agree = agreeProbability(data, comps, m, first.rule);
    const matches = (first.lambda * first.allPairs) / agree;
    recall = Math.min(1, Math.max(0.01, pairs / Math.max(1, matches)));
  }
  report.recall = recall;
  const lambda = Math.min(0.5, raw / recall);
  report.deterministicPairs = pairs;
  report.seconds = { u: (t1 - t0) / 1000, sessions: (t2 - t1) / 1000, lambda: (performance.now() - t2) / 1000 };
  return { params: { lambda, m, u }, report };
};
