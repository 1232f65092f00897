import { describe, expect, it } from 'vitest';
import { LinkageEngine } from './engine.ts';
import { LinkageIndex } from './incremental.ts';
import { syntheticConfig, syntheticPeople } from './synthetic.test-helper.ts';

describe('incremental index', () => {
  const rows = syntheticPeople(300, 11);
  const engine = new LinkageEngine(syntheticConfig());
  for (const r of rows) engine.add(r.id, r.record);
  engine.train();
  const { edges } = engine.predict();
  const batch = new Map<string, number>();
  for (let e = 0; e < edges.length; e++) batch.set(`${edges.a[e]}:${edges.b[e]}`, edges.weight[e]);
  const index = new LinkageIndex(engine);

  it('scores a record exactly as the batch run did', () => {
    let compared = 0;
    for (let q = 0; q < rows.length; q += 7) {
      for (const c of index.match(rows[q].record)) {
        if (c.record === q) continue;
        const key = q < c.record ? `${q}:${c.record}` : `${c.record}:${q}`;
        const w = batch.get(key);
        if (w === undefined) continue; // the query also meets itself's twins via its own copy
        expect(c.weight).toBeCloseTo(w, 9);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
  });
  it('finds every batch edge of a record', () => {
    for (let e = 0; e < edges.length; e += 5) {
      const a = edges.a[e];
      const found = index.match(rows[a].record).map((c) => c.record);
      expect(found).toContain(edges.b[e]);
    }
  });
  it('adds records for later queries and explains a score field by field', () => {
    const before = index.size;
    const added = index.add('new-1', { first: 'zoltan', last: 'kodaly', dob: '1882-12-16', city: 'york' });
    expect(added.matches).toEqual([]);
    expect(index.size).toBe(before + 1);
    const hits = index.match({ first: 'zoltan', last: 'kodaly', dob: '1882-12-16', city: '' });
    expect(hits[0].id).toBe('new-1');
    const parts = index.explain({ first: 'zoltan', last: 'kodaly', dob: '1882-12-16', city: '' }, hits[0].record);
    expect(parts.map((p) => p.comparison)).toEqual(['prior', 'first', 'last', 'dob', 'city']);
    expect(parts.reduce((s, p) => s + p.weight, 0)).toBeCloseTo(hits[0].weight, 9);
  });
});

describe('incremental index on person records (fallback and swap-proof blocking rules)', () => {
  it('finds every batch edge of a record with the same weight', async () => {
    const { generateRussianRecords } = await import('../../../bench/linkage/generator/index.ts');
    const { personConfig } = await import('./person-config.ts');
    const engine = new LinkageEngine(personConfig());
    const rows = [...generateRussianRecords({ n: 3000, seed: 5 })] as unknown as Record<string, string>[];
    for (const r of rows) engine.add(r.record_id, r);
    engine.train();
    const { edges } = engine.predict();
    const index = new LinkageIndex(engine);
    let checked = 0;
    for (let e = 0; e < edges.length; e += 7) {
      const hit = index.match(rows[edges.a[e]]).find((c) => c.record === edges.b[e]);
      expect(hit?.weight).toBeCloseTo(edges.weight[e], 9);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });
});
