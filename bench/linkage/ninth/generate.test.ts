import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { generate, HEADER, type Summary } from './generate.ts';

const root = mkdtempSync(join(tmpdir(), 'ninth-'));
const run = (seed: number, name: string): { dir: string; summary: Summary } => {
  const dir = join(root, name);
  return { dir, summary: generate({ n: 3000, seed, out: dir }) };
};
const first = run(7, 'a');
const again = run(7, 'b');
const other = run(8, 'c');
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('ninth generator', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(read(again.dir, 'people.csv')).toBe(read(first.dir, 'people.csv'));
    expect(read(again.dir, 'truth.csv')).toBe(read(first.dir, 'truth.csv'));
    expect(read(other.dir, 'people.csv')).not.toBe(read(first.dir, 'people.csv'));
  });

  it('writes the exact header, n rows of 8 cells, unique ids, and truth for every record', () => {
    const people: string[][] = parse(read(first.dir, 'people.csv'), { relax_column_count: true });
    expect(people[0].join(',')).toBe(HEADER);
    const rows = people.slice(1);
    expect(rows).toHaveLength(3000);
    expect(rows.every((r) => r.length === 8)).toBe(true);
    const ids = new Set(rows.map((r) => r[0]));
    expect(ids.size).toBe(3000);
    const truth: string[][] = parse(read(first.dir, 'truth.csv'));
    expect(truth[0]).toEqual(['record_id', 'person_id']);
    expect(new Set(truth.slice(1).map((r) => r[0]))).toEqual(ids);
    expect(first.summary.men).toBe(new Set(truth.slice(1).map((r) => r[1])).size);
  });

  it('has most men once and some in many lists', () => {
    const perMan = first.summary.recordsPerMan;
    expect(perMan['1'] / first.summary.men).toBeGreaterThan(0.4);
    expect((perMan['4'] ?? 0) + (perMan['5'] ?? 0) + (perMan['6+'] ?? 0)).toBeGreaterThan(0);
    expect(Object.keys(first.summary.relatives).length).toBeGreaterThan(0);
  });

  it('produces the main kinds of noise', () => {
    const noise = first.summary.noise;
    for (const kind of [
      'typo',
      'spelling_by_ear',
      'ocr_confusion',
      'ukrainian_spelling',
      'latin_transliteration',
      'name_in_gen_case',
      'given_name_diminutive',
      'patronymic_not_recorded',
      'layout_fioInSurname',
      'age_instead_of_birth_date',
      'same_man_twice_in_one_list',
    ]) {
      expect(noise[kind] ?? 0, kind).toBeGreaterThan(0);
    }
    const text = read(first.dir, 'people.csv');
    expect(text).toMatch(/[іїє]/); // Ukrainian letters
    expect(text).toMatch(/\n[^\n]*casualties_en_sheet,[A-Z][a-z]+,/); // romanised names
  });
});
