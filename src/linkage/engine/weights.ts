// Match weights are log2 odds: probability and weight, one into the other. Apart from the
// scorer so that what builds on weights (source-prior.ts) need not import the scorer.

/**
 * 2^−w as e^(−w·ln 2): V8's `2 ** x` took three to four times as long as Math.exp (52–84 ns
 * against 15–22 ns a call, 25 million calls), and a million-record run asks for some 35 million
 * probabilities (the source prior's rounds, each look of the clustering). The two differ in the
 * last bits only.
 */
export const probability = (weight: number): number => 1 / (1 + Math.exp(-weight * Math.LN2));
export const weightOf = (p: number): number => Math.log2(p / (1 - p));
