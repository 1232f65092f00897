// Pairs where only names (and region) can speak: surname and given name agree exactly, and the
// corroborating comparisons (patronymic, birth date, unit) are all missing. Read by the
// calibration checks of diagnose.ts and calibration.ts --looks.
import type { LinkageEngine } from '../../src/linkage/engine/engine.ts';

/** A test on a scored pair's levels; null when the engine's config has no corroborating comparison. */
export const namesOnlyTest = (engine: LinkageEngine): ((levels: ArrayLike<number>) => boolean) | null => {
  const index = (name: string): number => engine.comparisons.findIndex((c) => c.name === name);
  const corroborating = ['patronymic', 'birth_date', 'unit'].map(index).filter((i) => i >= 0);
  if (!corroborating.length) return null;
  const [surname, given] = [index('surname'), index('given_name')];
  return (levels) => levels[surname] === 1 && levels[given] === 1 && corroborating.every((i) => levels[i] === 0);
};
