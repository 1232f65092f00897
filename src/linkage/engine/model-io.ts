// Saved models: m and u by comparison name and level label (robust to reordering), plus the λ
// and record count they were trained at. A small input (a few hundred rows) cannot train its own
// model — too few random pairs and matches — so it borrows a saved one, with λ rescaled: with a
// steady number of duplicates per person, λ falls as 1/N.
import type { Comparison } from './comparison.ts';
import type { ModelParams } from './model.ts';

export interface SavedModel {
  lambda: number;
  records: number;
  comparisons: { name: string; m: Record<string, number>; u: Record<string, number> }[];
  learned?: ModelParams['learned'];
}

export const saveModel = (comps: readonly Comparison[], params: ModelParams, records: number): SavedModel => ({
  lambda: params.lambda,
  records,
  comparisons: comps.map((c, i) => ({
    name: c.name,
    m: Object.fromEntries(c.levels.slice(1).map((l, j) => [l.label, Number(params.m[i][j + 1].toPrecision(4))])),
    u: Object.fromEntries(c.levels.slice(1).map((l, j) => [l.label, Number(params.u[i][j + 1].toPrecision(4))])),
  })),
  ...(params.learned ? { learned: params.learned } : {}),
});

/** m and u of a level a saved model predates: equal, so that it weighs 0 bits. */
const LEVEL_NOT_SAVED = 1e-4;

export const loadModel = (comps: readonly Comparison[], saved: SavedModel, records: number): ModelParams => {
  const pick = (c: Comparison, table: Record<string, number> | undefined): number[] => {
    if (!table) throw new Error(`saved model has no comparison "${c.name}"`);
    // A level added since the model was saved (the region's unread wording) weighs nothing until
    // the model learns it again: m = u.
    return c.levels.map((l, j) => (j === 0 ? 0 : (table[l.label] ?? LEVEL_NOT_SAVED)));
  };
  const m = comps.map((c) => pick(c, saved.comparisons.find((s) => s.name === c.name)?.m));
  const u = comps.map((c) => pick(c, saved.comparisons.find((s) => s.name === c.name)?.u));
  const lambda = Math.min(0.5, (saved.lambda * saved.records) / Math.max(records, 2));
  return saved.learned ? { lambda, m, u, learned: saved.learned } : { lambda, m, u };
};
