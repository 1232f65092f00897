import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, HEADER, write } from './generate.ts';

/** Minimal RFC 4180 parser for the test. */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let f = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') (f += '"'), i++;
      else if (c === '"') q = false;
      else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') row.push(f), (f = '');
    else if (c === '\n') row.push(f), rows.push(row), (row = []), (f = '');
    else f += c;
  }
  return rows;
}

describe('sixth generator', () => {
  const N = 2000;
  const dir = mkdtempSync(join(tmpdir(), 'sixth-'));
  const b = build(N, 7);
  write(b, dir);
  const people = readFileSync(join(dir, 'people.csv'), 'utf8');
  const truth = readFileSync(join(dir, 'truth.csv'), 'utf8');
  rmSync(dir, { recursive: true, force: true });
  const rows = parse(people);
  const trows = parse(truth);

  it('writes the header and exactly n rows of 8 fields, LF only', () => {
    expect(people.startsWith(`${HEADER}\n`)).toBe(true);
    expect(people.includes('\r')).toBe(false);
    expect(rows.length).toBe(N + 1);
    for (const r of rows) expect(r.length).toBe(8);
    expect(rows.slice(1).map((r) => r[0])).toEqual(Array.from({ length: N }, (_, i) => `R${i + 1}`));
  });

  it('covers every record in truth.csv', () => {
    expect(trows[0]).toEqual(['record_id', 'person_id']);
    expect(trows.length).toBe(N + 1);
    expect(trows.slice(1).map((r) => r[0])).toEqual(rows.slice(1).map((r) => r[0]));
  });

  it('is a pure function of n and seed', () => {
    const again = build(N, 7);
    expect(again.lines).toEqual(b.lines);
    expect(Array.from(again.order)).toEqual(Array.from(b.order));
    const other = build(N, 8);
    expect(other.lines).not.toEqual(b.lines);
  });

  it('has men with several records, ~2 per man, and a long tail', () => {
    const per = new Map<string, number>();
    for (const r of trows.slice(1)) per.set(r[1], (per.get(r[1]) ?? 0) + 1);
    const mean = N / per.size;
    expect(mean).toBeGreaterThan(1.6);
    expect(mean).toBeLessThan(2.6);
    expect([...per.values()].filter((k) => k >= 2).length).toBeGreaterThan(200);
    expect(Math.max(...per.values())).toBeGreaterThanOrEqual(8);
  });

  it('has look-alike relatives and many sources', () => {
    for (const k of ['brother', 'cousin', 'father', 'son_same_name', 'village_namesake'])
      expect(b.kin[k]).toBeGreaterThan(0);
    expect(new Set(rows.slice(1).map((r) => r[1])).size).toBeGreaterThan(8);
    expect(rows.slice(1).every((r) => /^[a-z]+:\d{4}$/.test(r[1]))).toBe(true);
  });

  it('applies every kind of noise', () => {
    const kinds = [
      'case_lower',
      'case_upper',
      'autocorrect_surname',
      'letter_doubled',
      'letter_dropped',
      'letters_transposed',
      'yo_written_as_e',
      'extra_space',
      'missing_space',
      'latin_lookalike',
      'ocr_confusion',
      'ocr_broken_word',
      'given_patronymic_swapped',
      'region_as_district_or_city',
      'region_as_village',
      'region_birth_city_other_region',
      'region_as_commissariat',
      'region_plate_code',
      'region_old_name',
      'dob_day_month_swapped',
      'dob_two_digit_year',
      'dob_is_event_date',
      'dob_placeholder',
      'dob_letters',
      'unit_digit_wrong',
      'unit_digits_swapped',
      'unit_of_relative',
      'unit_field_post',
      'unit_as_parent_formation',
      'sparse_record',
    ];
    for (const k of kinds) expect(b.stats[k] ?? 0, k).toBeGreaterThan(0);
    const body = rows.slice(1);
    expect(body.some((r) => /[a-zA-Z]/.test(r[2]) && /[а-яА-Я]/.test(r[2]))).toBe(true);
    expect(body.some((r) => r[2] !== '' && r[2] === r[2].toLocaleLowerCase('ru'))).toBe(true);
    expect(body.some((r) => /п\/п/.test(r[7]))).toBe(true);
    expect(body.filter((r) => r[4] === '' && r[5] === '' && r[6] === '' && r[7] === '').length).toBeGreaterThan(
      N * 0.03,
    );
  });
});
