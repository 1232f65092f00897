import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, HEADER, type Summary } from './generate.ts';

const N = 4000;
const dirs: string[] = [];
const run = async (seed: number): Promise<{ dir: string; summary: Summary }> => {
  const dir = mkdtempSync(join(tmpdir(), 'kintrace-tenth-'));
  dirs.push(dir);
  return { dir, summary: await generate(N, seed, dir) };
};
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

describe('tenth linkage generator', () => {
  let first: { dir: string; summary: Summary };
  let again: { dir: string; summary: Summary };
  let other: { dir: string; summary: Summary };

  beforeAll(async () => {
    first = await run(7);
    again = await run(7);
    other = await run(8);
  });
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(read(again.dir, 'people.csv')).toBe(read(first.dir, 'people.csv'));
    expect(read(again.dir, 'truth.csv')).toBe(read(first.dir, 'truth.csv'));
    expect(read(other.dir, 'people.csv')).not.toBe(read(first.dir, 'people.csv'));
  });

  it('writes the header, exactly n parseable rows, and a truth row for every record', () => {
    const text = read(first.dir, 'people.csv');
    expect(text.split('\n')[0]).toBe(HEADER);
    const rows: string[][] = parse(text, { relax_column_count: false });
    expect(rows.length).toBe(N + 1);
    expect(rows.every((r) => r.length === 8)).toBe(true);
    const ids = rows.slice(1).map((r) => r[0]);
    expect(new Set(ids).size).toBe(N);
    const truth: string[][] = parse(read(first.dir, 'truth.csv'));
    expect(truth[0]).toEqual(['record_id', 'person_id']);
    expect(new Set(truth.slice(1).map((r) => r[0]))).toEqual(new Set(ids));
    expect(first.summary.men).toBe(new Set(truth.slice(1).map((r) => r[1])).size);
  });

  it('puts most men in more than one list and leaves many alone', () => {
    const { recordsPerMan, men } = first.summary;
    expect(recordsPerMan['1']).toBeGreaterThan(men * 0.25);
    expect(recordsPerMan['1']).toBeLessThan(men * 0.6);
  });

  it('produces the noise kinds it claims', () => {
    const noise = first.summary.noise;
    for (const kind of [
      'keyboard_typo',
      'handwriting_error',
      'photo_error',
      'initials_only',
      'genitive_case',
      'ukrainian_script',
      'latin_script',
      'birth_year_from_age_off_by_one',
      'full_name_in_surname_cell',
      'copied_into_media_roundup',
      'spelling_variant',
    ]) {
      expect(noise[kind] ?? 0, kind).toBeGreaterThan(0);
    }
    const text = read(first.dir, 'people.csv');
    expect(text).toMatch(/[іїє]/); // Ukrainian letters from the prisoner lists
    expect(text).toMatch(/,[А-ЯЁ][а-яё]+ [А-ЯЁ]\.[А-ЯЁ]?\.?,|,[А-ЯЁ]\.[А-ЯЁ]\.,/); // court-style initials
  });
});
