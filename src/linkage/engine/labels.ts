// Human review decisions as training labels (issue 10, for the matching issue 11). A caseworker's
// "same" is a match whose levels we now know for certain: each one is counted into m, the model
// learned so far standing as a Dirichlet prior worth `strength` matches, so a handful of
// decisions nudges m and a few hundred reshape it. u is left alone: reviewed pairs are the hard
// ones, not a random sample of non-matches, and u from random pairs is already exact. "Different"
// decisions do not move m; they are reported against the link threshold (how many the model
// would still link), which is what a deployment needs to decide whether to raise it. Nothing is
// re-run: the weights are rebuilt from the new m, term-frequency counts are kept.
import type { ModelParams, Scorer } from './model.ts';
import { probability } from './model.ts';

export interface LabelledPair {
  a: number;
  b: number;
  same: boolean;
}

export interface LabelReport {
  same: number;
  different: number;
  /** "different" pairs the updated model still scores at or above the link threshold. */
  differentAboveLink: number;
  /** "same" pairs the updated model scores below the review threshold (it would not show them). */
  sameBelowReview: number;
  /** The largest change of any m, and where. */
  largestChange: { comparison: string; level: string; before: number; after: number } | null;
}

export const updateM = (scorer: Scorer, params: ModelParams, labels: readonly LabelledPair[], strength: number) => {
  const comps = scorer.comparisons;
  const counts = comps.map((c) => new Float64Array(c.levels.length));
  const seen = new Float64Array(comps.length);
  for (const { a, b, same } of labels) {
    if (!same) continue;
    scorer.score(a, b);
    for (let i = 0; i < comps.length; i++) {
      const l = scorer.levels[i];
      // A missing value says nothing about m (level 0 carries no weight).
      if (l === 0) continue;
      counts[i][l]++;
      seen[i]++;
    }
  }
  let largest: LabelReport['largestChange'] = null;
  const m = params.m.map((mi, i) =>
    mi.map((v, l) => {
      if (l === 0) return 0;
      // With no prior weight (priorStrength 0) a comparison no "same" decision shows keeps its m.
      if (strength + seen[i] === 0) return v;
      const next = (strength * v + counts[i][l]) / (strength + seen[i]);
      if (!largest || Math.abs(next - v) > Math.abs(largest.after - largest.before))
        largest = { comparison: comps[i].name, level: comps[i].levels[l].label, before: v, after: next };
      return next;
    }),
  );
  return { params: { ...params, m }, largest: largest as LabelReport['largestChange'] };
};

/** Scores the labels with the updated scorer against the thresholds. */
export const labelReport = (
  scorer: Scorer,
  labels: readonly LabelledPair[],
  thresholds: { link: number; review: number },
  largestChange: LabelReport['largestChange'],
): LabelReport => {
  let differentAboveLink = 0;
  let sameBelowReview = 0;
  for (const { a, b, same } of labels) {
    const p = probability(scorer.score(a, b));
    if (!same && p >= thresholds.link && !scorer.cannotLink) differentAboveLink++;
    if (same && p < thresholds.review) sameBelowReview++;
  }
  const same = labels.filter((l) => l.same).length;
  return { same, different: labels.length - same, differentAboveLink, sameBelowReview, largestChange };
};
