import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generate, HEADER, recordsCsv, truthCsv } from './generate.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('registry generator', () => {
  it('is a pure function of n and seed, without Math.random', () => {
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    const a = generate(3000, 7);
    const b = generate(3000, 7);
    expect(recordsCsv(a.records)).toBe(recordsCsv(b.records));
    expect(truthCsv(a.truth)).toBe(truthCsv(b.truth));
    expect(a.summary).toEqual(b.summary);
    expect(recordsCsv(generate(3000, 8).records)).not.toBe(recordsCsv(a.records));
  });

  it('writes the header and nine fields on every row', () => {
    const { records } = generate(2000, 3);
    const csv = recordsCsv(records);
    expect(csv.split('\n')[0]).toBe(
      'record_id,full_name,first_name,surname,dob,birth_place,postcode,gender,occupation',
    );
    const rows = parse(csv, { relax_column_count: false }) as string[][];
    expect(rows[0]).toEqual([...HEADER]);
    expect(rows).toHaveLength(2001);
    for (const r of rows) expect(r).toHaveLength(9);
    expect(truthCsv(generate(10, 3).truth).split('\n')[0]).toBe('record_id,person_id');
  });

  it('labels every record exactly once, and has persons with several records', () => {
    const { records, truth, summary } = generate(5000, 42);
    expect(records).toHaveLength(5000);
    const ids = new Set(records.map((r) => r.record_id));
    expect(ids.size).toBe(5000);
    expect(truth).toHaveLength(5000);
    const labelled = new Set(truth.map((t) => t.record_id));
    expect(labelled).toEqual(ids);
    expect(truth.every((t) => /^P\d+$/.test(t.person_id))).toBe(true);
    const perPerson = new Map<string, number>();
    for (const t of truth) perPerson.set(t.person_id, (perPerson.get(t.person_id) ?? 0) + 1);
    expect(perPerson.size).toBe(summary.persons);
    expect([...perPerson.values()].filter((k) => k > 1).length).toBeGreaterThan(perPerson.size / 2);
    expect(summary.persons_sharing_name_and_birth_year_with_another as number).toBeGreaterThan(0);
  });
});
