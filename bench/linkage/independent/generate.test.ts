import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from './generate.ts';

const dirs: string[] = [];
const run = async (n: number, seed: number): Promise<{ people: Buffer; truth: Buffer; summary: string }> => {
  const out = mkdtempSync(join(tmpdir(), 'kintrace-gen2-'));
  dirs.push(out);
  const summary = await generate({ n, seed, out, namesakes: false });
  return { people: readFileSync(join(out, 'people.csv')), truth: readFileSync(join(out, 'truth.csv')), summary };
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('generate', () => {
  it('writes the same bytes for the same seed, and other bytes for another seed', async () => {
    const [a, b, c] = await Promise.all([run(700, 7), run(700, 7), run(700, 8)]);
    expect(a.people.equals(b.people)).toBe(true);
    expect(a.truth.equals(b.truth)).toBe(true);
    expect(a.people.equals(c.people)).toBe(false);
  });

  it('writes the platform header, exactly n rows, and a truth row for every record', async () => {
    const { people, truth, summary } = await run(500, 11);
    const text = people.toString('utf8');
    expect(text.split('\n')[0]).toBe('record_id,source,surname,given_name,patronymic,birth_date,region,unit');
    const rows: string[][] = parse(text, { relax_column_count: false });
    expect(rows).toHaveLength(501);
    for (const row of rows) expect(row).toHaveLength(8);
    const truthRows: string[][] = parse(truth.toString('utf8'));
    expect(truthRows[0]).toEqual(['record_id', 'person_id']);
    const ids = rows.slice(1).map((r) => r[0]);
    expect(new Set(ids).size).toBe(500);
    expect(truthRows.slice(1).map((r) => r[0])).toEqual(ids);
    expect(truthRows.slice(1).every((r) => /^P\d+$/.test(r[1]))).toBe(true);
    expect(summary).toMatch(/^records 500, persons \d+, true pairs \d+; sources: family_request/);
  });

  it('quotes fields with commas and quotes (RFC 4180) so they survive a round trip', async () => {
    const { people } = await run(600, 3);
    const text = people.toString('utf8');
    expect(text).toMatch(/"[^"\n]*,[^"\n]*"/); // e.g. "г. Кяхта, Бурятия"
    const rows: string[][] = parse(text);
    expect(rows.some((r) => r[6].includes(',') || r[7].includes(','))).toBe(true);
  });
});
