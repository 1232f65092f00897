// Small counts about tracing requests could single out a family: "one open request from the
// Nenets okrug" points at very few households. So a table about requests is published only
// after suppression (docs/registry-methodology.md, "Small counts"):
//
// 1. Primary: every cell below the threshold is hidden ("fewer than N"), zero included. Were zero
//    shown, "hidden" would say "at least one": that somebody in a small okrug is searching.
// 2. Complementary: the total is published, so one hidden cell would be the total minus the rest.
//    While fewer than two cells are hidden, or the hidden cells together hold fewer than the
//    threshold, the smallest shown non-zero cell is hidden too (hidden zeros alone would sum to
//    nothing, and the subtraction would show them to be zeros). Whoever subtracts learns only a
//    sum of at least `threshold` spread over at least two regions.
// 3. A total below the threshold hides the whole table.
//
// Only one fixed table is published (no filters, no second breakdown of the same requests), so
// two filtered tables cannot be subtracted from each other; it is recomputed once a day.

export interface SuppressedTable {
  /** null where the cell is hidden */
  cells: Map<string, number | null>;
  /** null when the whole table is hidden */
  total: number | null;
  threshold: number;
}

export const suppress = (counts: ReadonlyMap<string, number>, threshold: number): SuppressedTable => {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (total < threshold) return { cells: new Map([...counts.keys()].map((k) => [k, null])), total: null, threshold };
  const hidden = new Set([...counts].filter(([, n]) => n < threshold).map(([k]) => k));
  const hiddenSum = () => [...hidden].reduce((a, k) => a + (counts.get(k) ?? 0), 0);
  while (hidden.size > 0 && (hidden.size < 2 || hiddenSum() < threshold)) {
    // the smallest shown non-zero cell, ties broken by key so the result never depends on order
    const next = [...counts]
      .filter(([k, n]) => n > 0 && !hidden.has(k))
      .sort(([ka, a], [kb, b]) => a - b || ka.localeCompare(kb))[0];
    if (!next) break;
    hidden.add(next[0]);
  }
  return {
    cells: new Map([...counts].map(([k, n]) => [k, hidden.has(k) ? null : n])),
    total,
    threshold,
  };
};
