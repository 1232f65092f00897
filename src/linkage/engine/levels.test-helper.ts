// Test helper: the level label a comparison gives two records.
import type { ComparisonSpec } from './comparison.ts';
import { createComparison } from './comparison-types.ts';
import { Dataset, FeatureRegistry } from './dataset.ts';

/** The level label a comparison gives two values (plus optional second fields). */
export const levelOf = (spec: ComparisonSpec, a: Record<string, string>, b: Record<string, string>): string => {
  const fields = [
    ...new Set([...Object.keys(a), ...Object.keys(b), spec.field, ...(spec.swapWith ? [spec.swapWith] : [])]),
  ];
  const data = new Dataset(fields);
  data.add('a', a);
  data.add('b', b);
  const c = createComparison(spec, data, new FeatureRegistry());
  c.sync();
  return c.levels[c.level(0, 1)].label;
};
