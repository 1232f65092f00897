import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GenerateResult, generate, HEADER, KINDS } from './generate.ts';

const N = 6000;
let root: string;
let a: string;
let b: string;
let c: string;
let result: GenerateResult;
let rows: string[][];
let truth: string[][];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'eleventh-test-'));
  a = join(root, 'a');
  b = join(root, 'b');
  c = join(root, 'c');
  result = generate({ n: N, seed: 42, out: a });
  generate({ n: N, seed: 42, out: b });
  generate({ n: N, seed: 43, out: c });
  rows = parse(readFileSync(join(a, 'people.csv')), { relax_quotes: false }) as string[][];
  truth = parse(readFileSync(join(a, 'truth.csv'))) as string[][];
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const col = (name: string): number => HEADER.split(',').indexOf(name);

describe('eleventh generator: files', () => {
  it('is byte-identical for the same --n and --seed, and differs for another seed', () => {
    for (const f of ['people.csv', 'truth.csv']) {
      expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f)))).toBe(true);
      expect(readFileSync(join(a, f)).equals(readFileSync(join(c, f)))).toBe(false);
    }
  });

  it('has the exact header, n rows of 8 fields, ids R1..Rn in order and \\n line ends', () => {
    const raw = readFileSync(join(a, 'people.csv'), 'utf8');
    expect(raw.startsWith(`${HEADER}\n`)).toBe(true);
    expect(raw.includes('\r')).toBe(false);
    expect(raw.endsWith('\n')).toBe(true);
    expect(rows[0].join(',')).toBe(HEADER);
    expect(rows.length).toBe(N + 1);
    for (let i = 1; i <= N; i++) {
      expect(rows[i].length).toBe(8);
      expect(rows[i][0]).toBe(`R${i}`);
    }
    // RFC 4180 quoting is exercised (commas and quotes inside fields)
    expect(raw).toMatch(/,"[^"\n]*,[^"\n]*"/);
  });

  it('truth.csv covers every record exactly once', () => {
    expect(truth[0]).toEqual(['record_id', 'person_id']);
    expect(truth.length).toBe(N + 1);
    const ids = new Set(truth.slice(1).map((r) => r[0]));
    expect(ids.size).toBe(N);
    for (let i = 1; i <= N; i++) expect(ids.has(`R${i}`)).toBe(true);
    const men = new Set(truth.slice(1).map((r) => r[1]));
    expect(men.size).toBe(result.men);
    expect(men.size).toBeLessThan(N * 0.6);
    expect(men.size).toBeGreaterThan(N * 0.3);
  });

  it('shuffles: a man’s records are not adjacent in the output', () => {
    let adjacentSame = 0;
    for (let i = 2; i <= N; i++) if (truth[i][1] === truth[i - 1][1]) adjacentSame++;
    expect(adjacentSame).toBeLessThan(N * 0.01);
  });
});

describe('eleventh generator: noise and hard cases actually occur', () => {
  it('uses every list kind', () => {
    for (const k of KINDS) expect(result.perKind.get(k) ?? 0).toBeGreaterThan(0);
    const sources = new Set(rows.slice(1).map((r) => r[col('source')].split('-')[0]));
    for (const k of KINDS) expect(sources.has(k)).toBe(true);
  });

  it('counts each noise kind it claims', () => {
    const kinds = [
      'typo',
      'phonetic_spelling',
      'yo_written_as_e',
      'diminutive',
      'name_spelling_variant',
      'latin_from_russian',
      'latin_from_ukrainian',
      'ukrainian_spelling',
      'upper_case',
      'lower_case',
      'name_in_one_cell',
      'surname_given_swapped',
      'female_surname_form',
      'declined_gen',
      'patronymic_initial',
      'patronymic_missing',
      'initials_only',
      'latin_lookalike_letter',
      'stray_whitespace',
      'birth_day_month_swapped',
      'birth_digit_typo',
      'birth_year_off_by_one',
      'birth_year_only',
      'birth_age_instead',
      'birth_years_of_life',
      'region_as_town',
      'region_abbreviation',
      'region_not_home',
      'region_english',
      'region_ukrainian',
      'unit_as_vch',
      'unit_as_abbreviation',
      'unit_as_name',
      'unit_number_typo',
      'unit_second_unit',
    ];
    for (const k of kinds) expect(result.noise.get(k) ?? 0, k).toBeGreaterThan(0);
  });

  it('shows the noise in the rows themselves', () => {
    const data = rows.slice(1);
    const some = (pred: (r: string[]) => boolean): number => data.filter(pred).length;
    const S = col('surname');
    const G = col('given_name');
    const P = col('patronymic');
    const B = col('birth_date');
    const R = col('region');
    const U = col('unit');
    expect(some((r) => /^[A-Za-z]/.test(r[S]))).toBeGreaterThan(0); // Latin transliteration
    expect(some((r) => /[іїєІЇЄ]/.test(r[S] + r[G] + r[P]))).toBeGreaterThan(0); // Ukrainian spelling
    expect(some((r) => r[G] === '' && r[S].trim().includes(' '))).toBeGreaterThan(0); // whole name in one cell
    expect(some((r) => /^[А-ЯЁ]\.$/.test(r[G]))).toBeGreaterThan(0); // initials
    expect(some((r) => /^(Саша|Дима|Лёша|Серёжа|Вова|Женя|Миша|Коля|Андрюха|Макс)$/i.test(r[G]))).toBeGreaterThan(0);
    expect(some((r) => /^\d{1,2} (год|года|лет)$/.test(r[B]))).toBeGreaterThan(0); // age instead of a date
    expect(some((r) => /^\d{4}$/.test(r[B]))).toBeGreaterThan(0); // year only
    expect(some((r) => /^\d{4}-\d{2}-\d{2}$/.test(r[B]))).toBeGreaterThan(0);
    expect(some((r) => /^\d{2}\.\d{2}\.\d{4}$/.test(r[B]))).toBeGreaterThan(0);
    expect(some((r) => /^г\. /.test(r[R]))).toBeGreaterThan(0); // a town instead of the region
    expect(some((r) => /^в\/ч \d{5}$/.test(r[U]))).toBeGreaterThan(0);
    expect(some((r) => /^\d{1,4} [а-яА-Я]+/.test(r[U]))).toBeGreaterThan(0);
    expect(some((r) => /бригада/.test(r[U]))).toBeGreaterThan(0);
    expect(some((r) => r[S] !== r[S].trim())).toBeGreaterThan(0); // stray spaces
  });

  it('contains hard negatives: brothers, twins, fathers and sons, namesakes', () => {
    expect(result.families.get('brother_groups') ?? 0).toBeGreaterThan(0);
    expect(result.families.get('twin_pairs') ?? 0).toBeGreaterThan(0);
    expect(result.families.get('father_son_pairs') ?? 0).toBeGreaterThan(0);
    expect(result.namesakes.get('surname_given_region_groups') ?? 0).toBeGreaterThan(0);
    // twins: two different men with the same surname, patronymic and full birth date
    const S = col('surname');
    const P = col('patronymic');
    const B = col('birth_date');
    const byKey = new Map<string, Set<string>>();
    for (let i = 1; i <= N; i++) {
      const r = rows[i];
      if (!/^\d{2}\.\d{2}\.\d{4}$/.test(r[B]) || r[P].length < 4) continue;
      const key = `${r[S].toLowerCase()}|${r[P].toLowerCase()}|${r[B]}`;
      if (!byKey.has(key)) byKey.set(key, new Set());
      byKey.get(key)?.add(truth[i][1]);
    }
    expect([...byKey.values()].some((s) => s.size > 1)).toBe(true);
  });
});
