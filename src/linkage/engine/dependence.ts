// Fields that agree together among strangers. Fellegi–Sunter multiplies each field's u as if two
// different people agreed on each independently; a street, its postcode, its town and the
// household's telephone are one fact, shared by everyone who lives there, and counted four times
// they outweigh a different given name and a different birth date: a civil register's husband,
// wife and children were merged into one person (bench/linkage/civil, pairwise precision 0.76).
// Read off pairs that agree on one field: how often a second agrees exactly among strangers who
// agree on the first, against how often it agrees at all. A pair counts as strangers by how
// unlikely the model finds it one person *without* the two comparisons in question: a household
// agrees on its address and telephone, and by those the model takes it for one person; by its
// different given names and birth dates it does not. Counting the comparisons rarest first, each
// exact agreement is then weighed by its u given the strongest such agreement already counted (a
// tree of dependences: the full joint would need far more pairs than are sampled).
// Generic configs only: the person config reads a name's frequency within its region instead.
import { ClusterMembers } from './cluster-members.ts';

/** Per ordered pair (i, j): log2(u_j / u_j given i agrees) (≤ 0) on their exact levels; `order`: rarest first. */
export interface Dependence {
  order: number[];
  shift: number[][];
}

/** The exact level of every generic comparison. */
export const EXACT = 1;
/** Pseudo-pairs of the marginal u in a conditional one: a few strangers agreeing prove nothing. */
const SHRINK = 5;
/** A conditional u less than this many times the marginal one is independence, within noise. */
const MIN_RATIO = 2;
/**
 * Strangers agreeing on both below which no dependence is read: a true match or two that the
 * model misses (a typo in each name) agree on every rare field at once. And at least this share
 * of the sampled pairs that are one person: in a file with many records per person (Splink's
 * fake_1000) the matches whose other fields are garbled outnumber any household, and read as
 * strangers they made first name and surname depend on each other (F1 0.9787 → 0.9743 in a
 * first version, read from the random pairs).
 */
const MIN_JOINT = 5;
const MIN_JOINT_OF_MATCHES = 0.1;
/** Pairs sampled among the records that share each comparison's value. */
const SAMPLES = 20_000;

const strangers = (logit: number): number => 1 / (1 + Math.exp(logit));

/** What measuring the dependences reads of the records. */
export interface DependenceInput {
  /** Records. */
  n: number;
  /** Per comparison, each record's value as written (a token id, −1 when empty), or null to skip it. */
  writtenValue: (i: number) => ((r: number) => number) | null;
  /** Comparison i's level for records a and b. */
  level: (i: number, a: number, b: number) => number;
  /** ln(m/u) of comparison i's level l (0 for null), and the prior's. */
  logOdds: readonly (readonly number[])[];
  logPrior: number;
  /** u of each comparison's exact level, among strangers (from the random pairs). */
  uExact: readonly number[];
  random: () => number;
}

/**
 * The dependences among strangers, or null when there are none worth a correction. For each
 * comparison i, pairs are drawn among the records that share its value as written (every such
 * pair equally likely), so that a household's few pairs are read at any size of file: among a
 * fixed number of random pairs they vanish as the file grows. For another comparison j, how
 * often it agrees exactly among those that are strangers, against its u.
 */
export const measureDependence = (input: DependenceInput): Dependence | null => {
  const { n, logOdds, logPrior, uExact } = input;
  const c = logOdds.length;
  const shift = Array.from({ length: c }, () => new Array<number>(c).fill(0));
  const levels = new Int32Array(c);
  let any = false;
  const written = Array.from({ length: c }, (_, i) => input.writtenValue(i));
  const skip = written.map((w) => w === null);
  for (let i = 0; i < c; i++) {
    const writtenValue = written[i];
    if (!writtenValue) continue;
    const draw = pairDrawer(n, writtenValue, input.random);
    if (!draw) continue;
    let matches = 0;
    // Per other comparison j: the pairs' weight as strangers judged without i and j, in all and
    // where j agrees too.
    const all = new Float64Array(c);
    const both = new Float64Array(c);
    for (let s = 0; s < SAMPLES; s++) {
      const [a, b] = draw();
      // Only pairs that agree exactly on i count: the other levels are not asked of the rest.
      if (input.level(i, a, b) !== EXACT) continue;
      let logit = logPrior;
      for (let k = 0; k < c; k++) {
        levels[k] = input.level(k, a, b);
        logit += logOdds[k][levels[k]];
      }
      matches += 1 - strangers(logit);
      const without = logit - logOdds[i][EXACT];
      for (let j = 0; j < c; j++) {
        if (j === i || skip[j] || levels[j] === 0) continue;
        const w = strangers(without - logOdds[j][levels[j]]);
        all[j] += w;
        if (levels[j] === EXACT) both[j] += w;
      }
    }
    const minJoint = Math.max(MIN_JOINT, MIN_JOINT_OF_MATCHES * matches);
    for (let j = 0; j < c; j++) {
      if (j === i || skip[j] || both[j] < minJoint) continue;
      const u = Math.max(uExact[j], 1e-9);
      const given = (both[j] + SHRINK * u) / (all[j] + SHRINK);
      if (given < MIN_RATIO * u) continue;
      shift[i][j] = Math.log2(u / given);
      any = true;
    }
  }
  if (!any) return null;
  const order = [...uExact.keys()].filter((i) => !skip[i]).sort((x, y) => uExact[x] - uExact[y] || x - y);
  return { order, shift };
};

/**
 * Draws pairs of different records that share a value, every such pair equally likely; null
 * when no two records share one.
 */
const pairDrawer = (
  n: number,
  writtenValue: (r: number) => number,
  random: () => number,
): (() => [number, number]) | null => {
  const value = Int32Array.from({ length: n }, (_, r) => writtenValue(r));
  let top = -1;
  for (const v of value) if (v > top) top = v;
  if (top < 0) return null;
  const { start, members } = new ClusterMembers(value, top + 1);
  // Values shared by two records or more, by their pairs' cumulative count.
  const shared: number[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (let v = 0; v <= top; v++) {
    const size = start[v + 1] - start[v];
    if (size < 2) continue;
    total += (size * (size - 1)) / 2;
    shared.push(v);
    cumulative.push(total);
  }
  if (total === 0) return null;
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    const v = shared[lo];
    const size = start[v + 1] - start[v];
    const p = Math.floor(random() * size);
    let q = Math.floor(random() * (size - 1));
    if (q >= p) q++;
    return [members[start[v] + p], members[start[v] + q]];
  };
};

/** An exact agreement weighed with an earlier one as one fact: `field` given `given`, by `bits` (< 0). */
export interface WeighedTogether {
  field: string;
  given: string;
  bits: number;
}

/**
 * What a run's summary says of the dependences (the command puts it in the operator's words):
 * which exact agreements were weighed as one fact, strongest first ("postcode with street −9.8
 * bits"), at most `most` of them, and how many more; null when the correction counts none (a
 * dependence read only of a later field on an earlier one, which it never uses: the summary said
 * "…weighed as one fact: " and nothing).
 */
export const summariseDependence = (
  dep: Dependence,
  names: readonly string[],
  most = 6,
): { shown: WeighedTogether[]; more: number } | null => {
  const found: WeighedTogether[] = [];
  dep.shift.forEach((row, i) =>
    row.forEach((bits, j) => {
      // Each unordered pair once, as the correction counts it: the later one given the earlier.
      if (bits < 0 && dep.order.indexOf(j) > dep.order.indexOf(i))
        found.push({ field: names[j], given: names[i], bits });
    }),
  );
  if (!found.length) return null;
  found.sort((x, y) => x.bits - y.bits);
  return { shown: found.slice(0, most), more: Math.max(0, found.length - most) };
};

/**
 * The correction, in bits (≤ 0), for a pair's levels: each exact agreement, rarest first, by the
 * strongest dependence on one counted before it. `contributions`: each comparison's share is
 * added to its weight there (what a pairs file explains).
 */
export const dependenceShift = (levels: Int32Array, dep: Dependence, contributions?: Float64Array): number => {
  let sum = 0;
  const { order, shift } = dep;
  for (let x = 1; x < order.length; x++) {
    const j = order[x];
    if (levels[j] !== EXACT) continue;
    let best = 0;
    for (let y = 0; y < x; y++) {
      const i = order[y];
      if (levels[i] === EXACT && shift[i][j] < best) best = shift[i][j];
    }
    if (best < 0) {
      sum += best;
      if (contributions) contributions[j] += best;
    }
  }
  return sum;
};
