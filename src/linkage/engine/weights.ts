// Match weights are log2 odds: probability and weight, one into the other. Apart from the
// scorer so that what builds on weights (source-prior.ts) need not import the scorer.
export const probability = (weight: number): number => 1 / (1 + 2 ** -weight);
export const weightOf = (p: number): number => Math.log2(p / (1 - p));
