import { describe, expect, it } from 'vitest';
import { LinkageIndex } from './incremental.ts';
import { syntheticConfig, syntheticPeople } from './synthetic.test-helper.ts';

describe('review decisions as training labels', () => {
  it('"same" decisions raise m of the levels they show, without re-running anything', () => {
    const rows = syntheticPeople(400, 21);
    const index = LinkageIndex.build(syntheticConfig(), rows);
    const engine = index.engine;
    const first = engine.comparisons.findIndex((c) => c.name === 'first');
    const typo = engine.comparisons[first].levels.findIndex((l) => l.label === 'one edit');
    // True pairs whose first names differ by a typo: a reviewer confirms them.
    const pairs: { left: string; right: string; same: boolean }[] = [];
    const idx: [number, number][] = [];
    for (let a = 0; a < rows.length; a++)
      for (let b = a + 1; b < rows.length && rows[b].truth === rows[a].truth; b++) {
        engine.scorer!.score(a, b);
        if (engine.scorer!.levels[first] !== typo) continue;
        pairs.push({ left: rows[a].id, right: rows[b].id, same: true });
        idx.push([a, b]);
      }
    expect(pairs.length).toBeGreaterThan(5);
    const before = engine.params!.m[first][typo];
    const weightBefore = engine.scorer!.score(...idx[0]);
    const frequencies = engine.scorer!.frequencies;
    const report = index.learn([...pairs, { left: rows[0].id, right: rows[5].id, same: false }]);
    expect(report.same).toBe(pairs.length);
    expect(report.different).toBe(1);
    expect(engine.params!.m[first][typo]).toBeGreaterThan(before);
    expect(report.largestChange?.comparison).toBe('first');
    // m still sums to one over the non-null levels, and term-frequency counts were kept.
    expect(engine.params!.m[first].reduce((s, v) => s + v, 0)).toBeCloseTo(1, 9);
    expect(engine.scorer!.frequencies).toBe(frequencies);
    // The confirmed kind of pair now scores higher.
    expect(engine.scorer!.score(...idx[0])).toBeGreaterThan(weightBefore);
  });

  it('rejects a decision about a record it does not hold', () => {
    const index = LinkageIndex.build(syntheticConfig(), syntheticPeople(50, 2));
    expect(() => index.learn([{ left: 'nobody', right: 'p0-0', same: true }])).toThrow(/no record "nobody"/);
  });
});
