// The index reports cannot-link candidates with the weight the pair scores. Under a floor the
// scorer returns a cannot-link pair before its names' frequencies; the index once reported that
// partial weight, which explain() did not add up to.
import { describe, expect, it } from 'vitest';
import { LinkageIndex } from './incremental.ts';
import { syntheticConfig, syntheticPeople } from './synthetic.test-helper.ts';

describe('incremental index, cannot-link candidates', () => {
  it('reports the weight the pair scores (explain adds up to it)', () => {
    const rows = syntheticPeople(300, 11);
    const index = LinkageIndex.build(syntheticConfig(), rows);
    // Same rare names and city as an indexed man, a birth date decades away: cannot-link.
    rows.push({ id: 'z1', truth: -1, record: { first: 'zoltan', last: 'kodaly', dob: '1882-12-16', city: 'york' } });
    index.add('z1', rows[rows.length - 1].record);
    const query = { first: 'zoltan', last: 'kodaly', dob: '1950-01-01', city: 'york' };
    const hit = index.match(query, { minProbability: 1e-9 }).find((c) => c.id === 'z1');
    expect(hit).toBeDefined();
    expect(hit!.cannotLink).toBe(true);
    const parts = index.explain(query, hit!.record);
    const total = parts.reduce((s, p) => s + p.weight, 0);
    expect(hit!.weight).toBeCloseTo(total, 9);
  });
});
