import { describe, expect, it } from 'vitest';
import { LinkageEngine } from './engine.ts';
import { LinkageIndex } from './incremental.ts';
import type { LinkageConfigInput } from './config.ts';
import { syntheticConfig, syntheticPeople } from './synthetic.test-helper.ts';

type Row = { id: string; record: Record<string, string> };

/**
 * The batch run over every row, then for some rows an index over all the others (same model):
 * matching the held-out row must give exactly its batch edges and weights, as the platform's
 * matching will see a new record against its database.
 */
const checkHeldOut = (config: LinkageConfigInput, rows: Row[], step: number): number => {
  const full = new LinkageEngine(config);
  for (const r of rows) full.add(r.id, r.record);
  full.train();
  const { edges } = full.predict();
  const edgesOf = new Map<number, Map<string, number>>();
  for (let e = 0; e < edges.length; e++) {
    for (const [x, y] of [
      [edges.a[e], edges.b[e]],
      [edges.b[e], edges.a[e]],
    ]) {
      if (!edgesOf.has(x)) edgesOf.set(x, new Map());
      edgesOf.get(x)!.set(rows[y].id, edges.weight[e]);
    }
  }
  let checked = 0;
  const held = [...edgesOf.keys()].filter((_, i) => i % step === 0).slice(0, 12);
  for (const q of held) {
    const index = LinkageIndex.build(
      config,
      rows.filter((_, i) => i !== q),
      full.params!,
    );
    const found = new Map(index.match(rows[q].record).map((c) => [c.id, c.weight]));
    for (const [id, w] of edgesOf.get(q)!) {
      expect(found.get(id)).toBeCloseTo(w, 9);
      checked++;
    }
  }
  return checked;
};

describe('incremental index', () => {
  const rows = syntheticPeople(300, 11);

  it('scores a new record exactly as a batch run over the index and that record', () => {
    expect(checkHeldOut(syntheticConfig(), rows, 3)).toBeGreaterThan(10);
  });
  it('adds records for later queries and explains a score field by field', () => {
    const index = LinkageIndex.build(syntheticConfig(), rows);
    const before = index.size;
    const added = index.add('new-1', { first: 'zoltan', last: 'kodaly', dob: '1882-12-16', city: 'york' });
    expect(added.matches).toEqual([]);
    expect(index.size).toBe(before + 1);
    const hits = index.match({ first: 'zoltan', last: 'kodaly', dob: '1882-12-16', city: '' });
    expect(hits[0].id).toBe('new-1');
    const parts = index.explain({ first: 'zoltan', last: 'kodaly', dob: '1882-12-16', city: '' }, hits[0].record);
    expect(parts.map((p) => p.comparison)).toEqual(['prior', 'first', 'last', 'dob', 'city']);
    expect(parts.reduce((s, p) => s + p.weight, 0)).toBeCloseTo(hits[0].weight, 9);
    // Matching leaves nothing behind: the same query twice gives the same answer.
    expect(index.match({ first: 'zoltan', last: 'kodaly', dob: '', city: '' })[0].weight).toBeCloseTo(
      index.match({ first: 'zoltan', last: 'kodaly', dob: '', city: '' })[0].weight,
      12,
    );
  });
});

describe('incremental index on person records (fallback and swap-proof blocking rules)', () => {
  it('finds every batch edge of a held-out record with the same weight', async () => {
    const { generateRussianRecords } = await import('../../../bench/linkage/generator/index.ts');
    const { personConfig } = await import('./person-config.ts');
    const rows = [...generateRussianRecords({ n: 3000, seed: 5 })].map((r) => ({
      id: r.record_id,
      record: r as unknown as Record<string, string>,
    }));
    expect(checkHeldOut(personConfig(), rows, 37)).toBeGreaterThan(10);
  });
});
