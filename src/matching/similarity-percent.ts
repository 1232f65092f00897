// A match probability as the pages show it, in whole percent. Plain rounding showed 0.9987 as
// "100%" beside a surname that differs outright (a walk of the review page): a certainty the
// model never has. The two ends read "more than 99" and "less than 1" instead.
export const similarityPercent = (p: number): string => {
  if (p >= 0.995) return '>99';
  if (p < 0.005) return '<1';
  return String(Math.round(p * 100));
};
