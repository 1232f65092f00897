// Review decisions with training.priorStrength 0 (allowed by the schema): a comparison no "same"
// decision shows a value for keeps its m, where m' = (0·m + 0)/(0 + 0) once made it NaN.
import { describe, expect, it } from 'vitest';
import { LinkageIndex } from './incremental.ts';
import { syntheticConfig, syntheticPeople } from './synthetic.test-helper.ts';

describe('review decisions with training.priorStrength 0', () => {
  it('leave the model usable', () => {
    const rows = syntheticPeople(300, 11);
    const config = { ...syntheticConfig(), training: { randomPairs: 50_000, priorStrength: 0 } };
    const index = LinkageIndex.build(config, rows);
    const same = rows.findIndex((r, i) => i > 0 && r.truth === rows[i - 1].truth);
    const before = index.engine.probability(same - 1, same);
    expect(before).toBeGreaterThan(0.5);
    // A caseworker rejects one candidate pair of two different people.
    index.learn([{ left: rows[0].id, right: rows[rows.length - 1].id, same: false }]);
    expect(index.engine.params!.m.flat().every(Number.isFinite)).toBe(true);
    expect(index.engine.probability(same - 1, same)).toBeCloseTo(before, 6);
  });
});
