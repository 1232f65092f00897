import { describe, expect, it } from 'vitest';
import { generate, HEADER } from './generate.ts';

const lines = (s: string) => s.trimEnd().split('\n');

describe('civil register generator', () => {
  const a = generate(3000, 42);

  it('is deterministic for a seed and differs between seeds', () => {
    const b = generate(3000, 42);
    expect(b.records).toBe(a.records);
    expect(b.truth).toBe(a.truth);
    expect(generate(3000, 43).records).not.toBe(a.records);
  });

  it('writes the header and exactly n records of that width', () => {
    const rows = lines(a.records);
    expect(rows[0]).toBe(HEADER.join(','));
    expect(rows[0].startsWith('record_id,')).toBe(true);
    expect(rows).toHaveLength(3001);
    for (const row of rows.slice(1)) expect(row.split(',')).toHaveLength(HEADER.length);
  });

  it('gives every record, and only those, one person in the truth', () => {
    const ids = lines(a.records)
      .slice(1)
      .map((r) => r.split(',')[0]);
    const truth = lines(a.truth);
    expect(truth[0]).toBe('record_id,person_id');
    const truthIds = truth.slice(1).map((r) => r.split(',')[0]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(truthIds).toEqual(ids);
    for (const r of truth.slice(1)) expect(r).toMatch(/^c\d+,P\d{7}$/);
  });

  it('has duplicates: fewer persons than records, and singletons too', () => {
    const people = new Map<string, number>();
    for (const r of lines(a.truth).slice(1)) {
      const p = r.split(',')[1];
      people.set(p, (people.get(p) ?? 0) + 1);
    }
    expect(people.size).toBeLessThan(2000);
    expect([...people.values()].filter((k) => k === 1).length).toBeGreaterThan(100);
  });
});
