// The comparison types a config may name, as one explicit table (no registration by side-effect
// imports: what an engine can build does not depend on which modules happened to be loaded).
import type { Comparison, ComparisonFactory, ComparisonSpec } from './comparison.ts';
import type { Dataset, FeatureRegistry } from './dataset.ts';
import { genericComparisons } from './comparisons-generic.ts';
import { personComparisons } from './person.ts';

export const builtInComparisons: Readonly<Record<string, ComparisonFactory>> = {
  ...genericComparisons,
  ...personComparisons,
};

export const comparisonTypes = (): string[] => Object.keys(builtInComparisons);

export const createComparison = (spec: ComparisonSpec, data: Dataset, features: FeatureRegistry): Comparison => {
  const factory = builtInComparisons[spec.type];
  if (!factory) throw new Error(`unknown comparison type "${spec.type}" (known: ${comparisonTypes().join(', ')})`);
  return factory(spec, data, features);
};
