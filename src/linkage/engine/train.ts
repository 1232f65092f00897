// Unsupervised training on the file being linked (issue 10):
//  - u from random pairs (almost all non-matches, so their level frequencies are u);
//  - m and λ by EM over the candidate pairs of the engine's own blocking, every other pair of the
//    file taken as a non-match. With blocking that keeps nearly every true pair, the candidates
//    hold nearly every match, so m is estimated from (almost) all matches, unbiased by any one
//    rule, and λ = expected matches / all pairs is the share of matches in this file, not a
//    recall measured once on one generator. A saved model, when the config has one, is only a
//    Dirichlet prior on m worth `priorStrength` matches: the file's own matches outweigh it as
//    soon as there are a few hundred.
//  - At a million records EM runs on the candidate pairs among a random sample of records:
//    within-block matches and non-matches both shrink by the square of the sampled share, so
//    the mix EM sees is unchanged and λ is measured against the sample's own pair count.
import type { Blocking } from './blocking.ts';
import { type Comparison, tfBases } from './comparison.ts';
import { GrowInt32, type Dataset } from './dataset.ts';
import type { ModelParams } from './model.ts';
import type { TermFrequencies } from './term-frequency.ts';
import { shared } from './shared-memory.ts';
import { type Dependence, dependenceShift, EXACT, measureDependence } from './dependence.ts';

export interface TrainingOptions {
  randomPairs: number;
  /** EM runs on the candidate pairs among at most this many (randomly sampled) records. */
  maxTrainingRecords: number;
  crossSourceOnly: boolean;
  seed: number;
  iterations: number;
  /** Weight of the prior m, in matches. */
  priorStrength: number;
  /**
   * Comparisons left out of the correction for fields that agree together among strangers
   * (dependence.ts); null: no correction (the person config).
   */
  dependenceSkip?: readonly boolean[] | null;
}

export interface TrainingReport {
  /** True when a saved model was used instead of training (input too small). */
  savedModel?: boolean;
  /** Records and candidate pairs EM ran on, distinct level patterns, and the matches it expects. */
  records?: number;
  candidatePairs?: number;
  patterns?: number;
  expectedMatches?: number;
  iterations?: number;
  /** Seconds spent on u and on EM. */
  seconds?: { u: number; em: number };
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

/** All pairs the linkage considers: within one file, or across files in a link. */
export const totalPairs = (data: Dataset, crossSourceOnly: boolean, mask?: Uint8Array | null): number => {
  const bySource = new Map<number, number>();
  for (let r = 0; r < data.size; r++) {
    if (mask && !mask[r]) continue;
    const s = crossSourceOnly ? data.source.data[r] : 0;
    bySource.set(s, (bySource.get(s) ?? 0) + 1);
  }
  const counts = [...bySource.values()];
  const all = counts.reduce((a, b) => a + b, 0);
  if (!crossSourceOnly) return (all * (all - 1)) / 2;
  return (all * all - counts.reduce((a, c) => a + c * c, 0)) / 2;
};

const normaliseNonNull = (c: ArrayLike<number>): number[] => {
  let total = 0;
  for (let l = 1; l < c.length; l++) total += c[l];
  return Array.from(c, (v, l) => (l === 0 ? 0 : v / total));
};

const ln = (x: number): number => Math.log(Math.max(x, 1e-12));

/** ln of m and u per comparison and level, as the log-odds below read them (an implied level: m = u). */
const logModel = (comps: readonly Comparison[], m: number[][], u: number[][]) => ({
  logM: m.map((mi, i) => mi.map((x, l) => (comps[i].levels[l].implied ? ln(u[i][l]) : ln(x)))),
  logU: u.map((ui) => ui.map(ln)),
});

/** ln of a level pattern's match odds: the prior's plus each non-null level's ln(m/u). */
const patternLogit = (
  levels: Int32Array,
  logPrior: number,
  model: ReturnType<typeof logModel>,
  dep: Dependence | null = null,
): number => {
  let x = logPrior;
  for (let i = 0; i < levels.length; i++) {
    const l = levels[i];
    if (l > 0) x += model.logM[i][l] - model.logU[i][l];
  }
  return dep ? x + Math.LN2 * dependenceShift(levels, dep) : x;
};

/**
 * Random pairs, for u. A random pair is a match with probability λ: in a large file a few in a
 * million, but in a small file with many records per person (a thousand records of 250 people:
 * λ = 0.004) the matches among random pairs are most of those that agree on a full birth date
 * or an e-mail address, and u read off them as they are makes such agreement look five times
 * commoner among strangers than it is. EM already takes every pair outside the candidates for a
 * non-match; the random pairs that are candidates are kept aside (their levels and term-frequency
 * shift), and each EM iteration counts them into u by how likely they are *not* a match.
 */
interface RandomPairs {
  /** Per comparison, level counts of the random pairs no rule blocks (+1 smoothing). */
  outside: Float64Array[];
  /** Level patterns (one Int32Array per pair) and tfDelta of the random pairs that are candidates. */
  candidates: Int32Array[];
  candidateTf: number[];
}

/** The random pairs u is read from, and their levels (pair k's comparison i at k·comparisons + i). */
export interface RandomPairLevels {
  a: Int32Array;
  b: Int32Array;
  levels: Int32Array;
}

/**
 * Draws the random pairs and compares them: the costly part of u, which needs no blocking keys,
 * so at a million records the normalising thread does it while this one computes the keys
 * (parallel-sync.ts). The same seed draws the same pairs on either thread.
 */
export const randomPairLevels = (
  data: Dataset,
  comps: readonly Comparison[],
  opts: Pick<TrainingOptions, 'randomPairs' | 'seed' | 'crossSourceOnly'>,
): RandomPairLevels => {
  const rand = rng(opts.seed);
  const n = data.size;
  const src = data.source.data;
  const c = comps.length;
  const a = new Int32Array(opts.randomPairs);
  const b = new Int32Array(opts.randomPairs);
  const levels = new Int32Array(opts.randomPairs * c);
  let k = 0;
  for (let s = 0; s < opts.randomPairs; s++) {
    const x = Math.floor(rand() * n);
    const y = Math.floor(rand() * n);
    if (x === y || (opts.crossSourceOnly && src[x] === src[y])) continue;
    a[k] = x;
    b[k] = y;
    for (let i = 0; i < c; i++) levels[k * c + i] = comps[i].level(x, y);
    k++;
  }
  return { a: a.slice(0, k), b: b.slice(0, k), levels: levels.slice(0, k * c) };
};

const sampleRandomPairs = (
  comps: readonly Comparison[],
  blocking: Blocking,
  drawn: RandomPairLevels,
): { pairs: RandomPairs; raw: number[][]; ends: number[][] } => {
  const outside = comps.map((c) => new Float64Array(c.levels.length).fill(1)); // no level is impossible
  const all = comps.map((c) => new Float64Array(c.levels.length).fill(1));
  const candidates: Int32Array[] = [];
  const ends: number[][] = [];
  const rules = blocking.rules.length;
  const last = comps.map((c) => c.levels.length - 1);
  const c = comps.length;
  for (let k = 0; k < drawn.a.length; k++) {
    const levels = drawn.levels.subarray(k * c, (k + 1) * c);
    let agrees = false;
    for (let i = 0; i < c; i++) {
      all[i][levels[i]]++;
      if (levels[i] > 0 && levels[i] < last[i]) agrees = true;
    }
    // Asking every rule costs two random memory reads per rule; a pair that agrees on nothing
    // (every field different or missing) shares no block worth the name and is a non-match.
    if (agrees && blocking.seenEarlier(rules, drawn.a[k], drawn.b[k])) {
      candidates.push(Int32Array.from(levels));
      ends.push([drawn.a[k], drawn.b[k]]);
    } else for (let i = 0; i < c; i++) outside[i][levels[i]]++;
  }
  return { pairs: { outside, candidates, candidateTf: [] }, raw: all.map(normaliseNonNull), ends };
};

/** u from random pairs: those outside the blocks, plus the candidates by P(not a match). */
const uFromRandomPairs = (
  comps: readonly Comparison[],
  random: RandomPairs,
  logit: (levels: Int32Array) => number,
): number[][] => {
  const counts = random.outside.map((c) => Float64Array.from(c));
  random.candidates.forEach((levels, j) => {
    const notMatch = 1 / (1 + Math.exp(logit(levels) + random.candidateTf[j]));
    for (let i = 0; i < comps.length; i++) counts[i][levels[i]] += notMatch;
  });
  return counts.map(normaliseNonNull);
};

/**
 * The u of names written in each other's fields, from the u of the names written in place. A swap
 * is something done to one record, whoever the other record's man is: two strangers cross-agree
 * as much less often than they agree in place as one man's two records do, so the swap level
 * weighs what the two names' exact levels weigh together (m_swap·u_s·u_g / (m_s·m_g)). Read off
 * the random pairs instead, u rested on a handful of them counted by how unlikely the model found
 * them to be one man, and a model that underweighed swaps fed that back into u: swapped pairs of
 * names and nothing else were one man 53–58% of the time on both blind generators at a predicted
 * 21–23%. The carrier is the comparison whose swapped level counts the swap (sharesValue), the
 * partner the one whose swapped level is implied by it.
 */
export const swapAsInPlace = (comps: readonly Comparison[], m: number[][], u: number[][]): void => {
  const carrier = comps.findIndex((c) => c.levels.some((l) => l.sharesValue && !l.implied));
  const partner = comps.findIndex((c) => c.levels.some((l) => l.implied));
  if (carrier < 0 || partner < 0) return;
  const level = comps[carrier].levels.findIndex((l) => l.sharesValue && !l.implied);
  const inPlace = (u[carrier][1] * u[partner][1]) / Math.max(m[carrier][1] * m[partner][1], 1e-12);
  u[carrier][level] = Math.max(m[carrier][level] * inPlace, 1e-12);
};

/** Initial m without a saved model: most mass on the best level, decreasing geometrically. */
export const initialM = (levels: number): number[] =>
  normaliseNonNull(Array.from({ length: levels }, (_, l) => (l === 0 ? 0 : 0.25 ** (l - 1))));

export interface CandidatePairs {
  /** Distinct level patterns. */
  patterns: Int32Array[];
  /** Per candidate pair: its pattern, and ln(average u / the shared names' own frequency). */
  pattern: Int32Array;
  tfDelta: Float32Array;
  pairs: number;
  /** Per comparison that learns from links: the candidate pairs it asked for and their indices. */
  learning: { comparison: number; pairs: number[]; entries: number[] }[];
}

/** ln(average u / the shared values' own frequency), summed over a pair's term-frequency levels. */
const tfDelta = (
  tf: readonly (readonly number[])[],
  levels: Int32Array,
  a: number,
  b: number,
  u: number[][],
  frequencies: TermFrequencies,
): number => {
  let delta = 0;
  for (let i = 0; i < levels.length; i++) {
    const l = levels[i];
    const base = tf[i][l];
    if (base < 0) continue;
    const d = frequencies.depth(i, levels);
    const log2f =
      l === 1
        ? frequencies.log2Frequency(i, a, d, u[i][base])
        : Math.max(frequencies.log2Frequency(i, a, d, u[i][base]), frequencies.log2Frequency(i, b, d, u[i][base]));
    delta += ln(u[i][base]) - log2f * Math.LN2;
  }
  return delta;
};

/** Posterior odds (natural log) from which a link is confident enough to learn from: 0.99. */
const CONFIDENT = Math.log(99);

/**
 * After EM: the candidate pairs among the training records that the trained model links with
 * confidence teach the comparisons that learn from links (a unit number and the formation the
 * other record names: no public table joins them, but the file's confident links do). The pairs
 * worth asking were noted while the candidates were collected, so nothing is enumerated again.
 */
const learnFromConfidentLinks = (
  comps: readonly Comparison[],
  found: CandidatePairs,
  params: ModelParams,
): ModelParams['learned'] => {
  if (!found.learning.length) return undefined;
  const logPrior = Math.log(params.lambda / (1 - params.lambda));
  const model = logModel(comps, params.m, params.u);
  const logit = found.patterns.map((levels) => patternLogit(levels, logPrior, model, params.dependence ?? null));
  const learned = found.learning.flatMap(({ comparison, pairs, entries }) => {
    const confident: number[] = [];
    entries.forEach((e, k) => {
      if (logit[found.pattern[e]] + found.tfDelta[e] >= CONFIDENT) confident.push(pairs[2 * k], pairs[2 * k + 1]);
    });
    const table = comps[comparison].learnFromLinks!(confident);
    return table.length ? [[comps[comparison].name, table] as const] : [];
  });
  return learned.length ? Object.fromEntries(learned) : undefined;
};

/** Candidate pairs in the order blocking finds them (pair k is a[k], b[k]). */
export interface PairList {
  a: Int32Array;
  b: Int32Array;
}

/** The candidate pairs among the masked records, found and not yet compared. */
export const enumerateCandidates = (blocking: Blocking, crossSourceOnly: boolean): PairList => {
  const a = new GrowInt32();
  const b = new GrowInt32();
  blocking.forEachPair((x, y) => {
    a.push(x);
    b.push(y);
  }, crossSourceOnly);
  return { a: shared(a.data.subarray(0, a.length)), b: shared(b.data.subarray(0, b.length)) };
};

/**
 * Compares candidate pairs [from, to): per pair its level pattern as one number (each level a
 * digit in its comparison's radix), −1 when a level says two people, and how much its term
 * frequencies move it from the pattern. Either thread may compare any range (EM's candidates are
 * compared in chunks by two threads at a million records, `trainParallel`).
 */
export const compareCandidates = (
  comps: readonly Comparison[],
  pairs: PairList,
  from: number,
  to: number,
  u: number[][],
  frequencies: TermFrequencies | null,
  out: Compared,
): void => {
  const levels = new Int32Array(comps.length);
  const tf = tfBases(comps);
  const cannotLink = comps.map((c) => c.levels.map((l) => l.cannotLink === true));
  eachPair: for (let k = from; k < to; k++) {
    const a = pairs.a[k];
    const b = pairs.b[k];
    let key = 0;
    for (let i = 0; i < comps.length; i++) {
      const l = comps[i].level(a, b);
      // A pair the config calls two people (two different full birth dates, twins' given names)
      // is no match for EM either, and its other fields need not be compared (most sampled pairs
      // are such namesakes). Left in, brothers and fathers — same rare surname, same region —
      // form a latent class of their own that EM happily takes for the matches, and m of
      // "different given name" rises to one half.
      if (cannotLink[i][l]) {
        out.key[k] = -1;
        continue eachPair;
      }
      levels[i] = l;
      key = key * comps[i].levels.length + l;
    }
    out.key[k] = key;
    out.delta[k] = frequencies ? tfDelta(tf, levels, a, b, u, frequencies) : 0;
  }
};

/** Compared pairs in candidate order: the distinct patterns, each pair's, and what comparisons learn from. */
export const collectCandidates = (
  comps: readonly Comparison[],
  pairs: PairList,
  compared: Compared,
): CandidatePairs => {
  const ids = new Map<number, number>();
  const patterns: Int32Array[] = [];
  const pattern = new GrowInt32();
  const deltas: number[] = [];
  const learning = comps.flatMap((c, comparison) =>
    c.learnsFrom && c.learnFromLinks ? [{ comparison, pairs: [] as number[], entries: [] as number[] }] : [],
  );
  for (let k = 0; k < pairs.a.length; k++) {
    const key = compared.key[k];
    if (key < 0) continue;
    let id = ids.get(key);
    if (id === undefined) {
      ids.set(key, (id = patterns.length));
      const levels = new Int32Array(comps.length);
      let rest = key;
      for (let i = comps.length - 1; i >= 0; i--) {
        const radix = comps[i].levels.length;
        levels[i] = rest % radix;
        rest = (rest - levels[i]) / radix;
      }
      patterns.push(levels);
    }
    for (const l of learning) {
      if (!comps[l.comparison].learnsFrom!(pairs.a[k], pairs.b[k])) continue;
      l.pairs.push(pairs.a[k], pairs.b[k]);
      l.entries.push(pattern.length);
    }
    pattern.push(id);
    deltas.push(compared.delta[k]);
  }
  return {
    patterns,
    pattern: pattern.data.subarray(0, pattern.length),
    tfDelta: Float32Array.from(deltas),
    pairs: pattern.length,
    learning,
  };
};

/**
 * The candidate pairs (among masked records) as level patterns plus, per pair, how much its
 * term frequencies move it from the pattern: two strangers called Ivanov Aleksandr agree on
 * names as often as u(exact) assumes for nobody, and an EM blind to that counts them as half a
 * match each, overstating λ and the m of name agreement. On one thread; parallel-train.ts compares
 * them on two.
 */
export const candidatePairs = (
  comps: readonly Comparison[],
  pairs: PairList,
  u: number[][],
  frequencies: TermFrequencies | null,
): CandidatePairs => {
  const compared = comparedBuffers(pairs.a.length);
  compareCandidates(comps, pairs, 0, pairs.a.length, u, frequencies, compared);
  return collectCandidates(comps, pairs, compared);
};

/** Per candidate pair: its pattern key and term-frequency shift (compareCandidates), in shared memory. */
export interface Compared {
  key: Float64Array;
  delta: Float64Array;
}

export const comparedBuffers = (n: number): Compared => ({
  key: new Float64Array(new SharedArrayBuffer(n * 8)),
  delta: new Float64Array(new SharedArrayBuffer(n * 8)),
});

/** What training has found before EM's candidate pairs are compared (startTraining). */
export interface TrainingStart {
  random: RandomPairs;
  u: number[][];
  mask: Uint8Array | null;
  /** EM's candidate pairs among the sampled records, to compare (compareCandidates). */
  pairs: PairList;
  started: number;
  uDone: number;
}

/**
 * u from the random pairs (drawn here unless `drawn`), the records EM samples, and their candidate
 * pairs (found here unless `sampled`, emSample()).
 */
export const startTraining = (
  data: Dataset,
  comps: readonly Comparison[],
  blocking: Blocking,
  opts: TrainingOptions,
  frequencies: TermFrequencies | null,
  drawn?: RandomPairLevels,
  sampled?: EmSample,
): TrainingStart => {
  const started = performance.now();
  blocking.ensureKeys();
  const drawnPairs = sampleRandomPairs(comps, blocking, drawn ?? randomPairLevels(data, comps, opts));
  const random = drawnPairs.pairs;
  const u = drawnPairs.raw;
  const tf = tfBases(comps);
  random.candidateTf = random.candidates.map((levels, j) =>
    frequencies ? tfDelta(tf, levels, drawnPairs.ends[j][0], drawnPairs.ends[j][1], u, frequencies) : 0,
  );
  const uDone = performance.now();
  return { random, u, ...(sampled ?? emSample(data, blocking, opts)), started, uDone };
};

/**
 * The records EM samples and their candidate pairs: from the blocking keys alone, so that with two
 * threads they are found while the other thread still draws the random pairs (two-threads.ts).
 */
export const emSample = (
  data: Dataset,
  blocking: Blocking,
  opts: Pick<TrainingOptions, 'maxTrainingRecords' | 'seed' | 'crossSourceOnly'>,
): EmSample => {
  const n = data.size;
  const share = Math.min(1, opts.maxTrainingRecords / n);
  const rand = rng(opts.seed + 17);
  const mask = share < 1 ? Uint8Array.from({ length: n }, () => (rand() < share ? 1 : 0)) : null;
  blocking.ensureKeys();
  blocking.mask = mask;
  try {
    return { mask, pairs: enumerateCandidates(blocking, opts.crossSourceOnly) };
  } finally {
    blocking.unmask();
  }
};

export interface EmSample {
  mask: Uint8Array | null;
  pairs: PairList;
}

/** EM over the compared candidate pairs, u updated from the random pairs as it goes. */
export const finishTraining = (
  data: Dataset,
  comps: readonly Comparison[],
  opts: TrainingOptions,
  prior: { m: number[][]; lambda: number } | null,
  start: TrainingStart,
  found: CandidatePairs,
): { params: ModelParams; report: TrainingReport } => {
  const { random, mask } = start;
  let u = start.u;
  const n = data.size;
  const all = Math.max(1, totalPairs(data, opts.crossSourceOnly, mask));
  const m0 = prior?.m ?? comps.map((c) => initialM(c.levels.length));
  const strength = prior ? opts.priorStrength : 1;
  // Start from the prior's λ (rescaled to this file) or, without one, from a tenth of the
  // candidates: EM moves λ within a few iterations either way.
  let lambda = Math.min(0.5, Math.max(1 / all, prior?.lambda ?? (0.1 * found.pairs) / all));
  let m = m0.map((x) => [...x]);
  let expected = 0;
  let it = 0;
  const logit = new Float64Array(found.patterns.length);
  const mass = new Float64Array(found.patterns.length);
  /** EM from the current m, u and λ until they settle, the likelihood corrected by `dep`. */
  const converge = (dep: Dependence | null): void => {
    for (it = 0; it < opts.iterations; it++) {
      const acc = comps.map((c, i) => Float64Array.from({ length: c.levels.length }, (_, l) => strength * m0[i][l]));
      swapAsInPlace(comps, m, u);
      const model = logModel(comps, m, u);
      const logPrior = Math.log(lambda / (1 - lambda));
      found.patterns.forEach((levels, k) => {
        logit[k] = patternLogit(levels, logPrior, model, dep);
      });
      // E-step per pair (its own term frequencies), summed per pattern for the M-step.
      mass.fill(0);
      for (let e = 0; e < found.pairs; e++) {
        const k = found.pattern[e];
        mass[k] += 1 / (1 + Math.exp(-(logit[k] + found.tfDelta[e])));
      }
      expected = 0;
      found.patterns.forEach((levels, k) => {
        expected += mass[k];
        for (let i = 0; i < comps.length; i++) if (levels[i] > 0) acc[i][levels[i]] += mass[k];
      });
      const next = acc.map(normaliseNonNull);
      const nextLambda = Math.min(0.5, Math.max(1 / all, expected / all));
      // Converged when neither λ nor any m moves any more (λ alone can settle while m still shifts).
      let moved = Math.abs(Math.log(nextLambda / lambda));
      next.forEach((mi, i) => mi.forEach((v, l) => (moved = Math.max(moved, Math.abs(v - m[i][l])))));
      m = next;
      lambda = nextLambda;
      // u from the random pairs with the new m and λ (and this iteration's u), for the next E-step.
      const updated = logModel(comps, m, u);
      const priorNext = Math.log(lambda / (1 - lambda));
      u = uFromRandomPairs(comps, random, (levels) => patternLogit(levels, priorNext, updated, dep));
      if (moved < 1e-5) break;
    }
  };
  converge(null);
  // Then the fields that agree together among strangers, read with the model EM settled on, and
  // EM again with them: a household taken for one person moved m as well as the weights.
  let dep: Dependence | null = null;
  if (opts.dependenceSkip) {
    const model = logModel(comps, m, u);
    const skip = opts.dependenceSkip;
    dep = measureDependence({
      n: data.size,
      writtenValue: (i) => {
        if (skip[i]) return null;
        const column = data.column(comps[i].fields[0]);
        return (r) => column.at(r);
      },
      level: (i, a, b) => comps[i].level(a, b),
      logOdds: model.logM.map((row, i) => row.map((x, l) => (l === 0 ? 0 : x - model.logU[i][l]))),
      logPrior: Math.log(lambda / (1 - lambda)),
      // As the random pairs hold them, before EM: its u of a household's fields is what a
      // household taken for one person left of them.
      uExact: start.u.map((ui) => ui[EXACT] ?? 1),
      random: rng(opts.seed + 29),
    });
    if (dep) converge(dep);
  }
  swapAsInPlace(comps, m, u);
  const params: ModelParams = { lambda, m, u, ...(dep ? { dependence: dep } : {}) };
  const learned = learnFromConfidentLinks(comps, found, params);
  if (learned) params.learned = learned;
  const report: TrainingReport = {
    records: mask ? mask.reduce((a, b) => a + b, 0) : n,
    candidatePairs: found.pairs,
    patterns: found.patterns.length,
    expectedMatches: expected,
    iterations: it,
    seconds: { u: (start.uDone - start.started) / 1000, em: (performance.now() - start.uDone) / 1000 },
  };
  return { params, report };
};
