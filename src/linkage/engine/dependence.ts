// Fields that agree together among strangers. Fellegi–Sunter multiplies each field's u as if two
// different people agreed on each independently; a street, its postcode, its town and the
// household's telephone are one fact, shared by everyone who lives there, and counted four times
// they outweigh a different given name and a different birth date: a civil register's husband,
// wife and children were merged into one person (bench/linkage/civil, pairwise precision 0.76).
// Read off the random pairs: for two comparisons that both agree exactly, how often the second
// agrees among strangers who agree on the first, against how often it agrees at all. A random
// pair counts as strangers by how unlikely the model finds it one person *without* the two
// comparisons in question: a household agrees on its address and telephone, and by those the
// model takes it for one person; by its different given names and birth dates it does not. Counting the comparisons rarest first, each exact
// agreement is then weighed by its u given the strongest such agreement already counted
// (a tree of dependences, not the full joint, which the random pairs are too few to read).
// Generic configs only: the person config reads a name's frequency within its region instead.
import type { Comparison } from './comparison.ts';

/** Per ordered pair (i, j): log2(u_j / u_j given i agrees) (≤ 0) on their exact levels; `order`: rarest first. */
export interface Dependence {
  order: number[];
  shift: number[][];
}

/** The exact level of every generic comparison. */
const EXACT = 1;
/** Pseudo-pairs of the marginal u in a conditional one: a few strangers agreeing prove nothing. */
const SHRINK = 5;
/** A conditional u less than this many times the marginal one is independence, within noise. */
const MIN_RATIO = 2;
/**
 * Strangers agreeing on both below which no dependence is read: a true match or two among the
 * random pairs that the model misses (a typo in each name) agree on every rare field at once.
 * And at least this share of the random pairs that are one person: in a small file with many
 * records per person (Splink's fake_1000: 1,400 matches among the random pairs) the matches whose
 * other fields are garbled outnumber any household, and read as strangers they made first name
 * and surname depend on each other (F1 0.9787 → 0.9743).
 */
const MIN_JOINT = 5;
const MIN_JOINT_OF_MATCHES = 0.1;

const strangers = (logit: number): number => 1 / (1 + Math.exp(logit));

/**
 * The dependences among strangers, or null when there are none worth a correction. `levels`:
 * the random pairs' levels (pair k's comparison i at k·comparisons + i); `logOdds[i][l]`: ln(m/u)
 * of comparison i's level l (0 for null), `logPrior` the prior's; `skip[i]`: comparisons left
 * out (the source list).
 */
export const measureDependence = (
  comps: readonly Comparison[],
  levels: Int32Array,
  logOdds: readonly (readonly number[])[],
  logPrior: number,
  skip: readonly boolean[],
): Dependence | null => {
  const c = comps.length;
  const pairs = levels.length / c;
  const minJoint = Math.max(MIN_JOINT, MIN_JOINT_OF_MATCHES * pairs * (1 / (1 + Math.exp(-logPrior))));
  const one = new Float64Array(c);
  const both = Array.from({ length: c }, () => new Float64Array(c));
  let total = 0;
  for (let k = 0; k < pairs; k++) {
    const row = levels.subarray(k * c, (k + 1) * c);
    let logit = logPrior;
    for (let i = 0; i < c; i++) logit += logOdds[i][row[i]];
    total += strangers(logit);
    for (let i = 0; i < c; i++) {
      if (skip[i] || row[i] !== EXACT) continue;
      one[i] += strangers(logit - logOdds[i][EXACT]);
      for (let j = 0; j < c; j++)
        if (j !== i && !skip[j] && row[j] === EXACT)
          both[i][j] += strangers(logit - logOdds[i][EXACT] - logOdds[j][EXACT]);
    }
  }
  if (total <= 0) return null;
  const u = Array.from(one, (n) => Math.max(n / total, 1e-9));
  let any = false;
  const shift = both.map((row, i) =>
    Array.from(row, (n, j) => {
      if (i === j || skip[i] || skip[j] || n < minJoint) return 0;
      const given = (n + SHRINK * u[j]) / (one[i] + SHRINK);
      if (given < MIN_RATIO * u[j]) return 0;
      any = true;
      return Math.log2(u[j] / given);
    }),
  );
  if (!any) return null;
  const order = [...u.keys()].filter((i) => !skip[i]).sort((x, y) => u[x] - u[y] || x - y);
  return { order, shift };
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
