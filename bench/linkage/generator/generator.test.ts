import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CSV_COLUMNS,
  generateRussianRecords,
  truePairCount,
  type GeneratedRecord,
  type GeneratorStats,
} from './index.ts';
import { loadPools } from './pools.ts';
import { UnitPool } from './units-pool.ts';

const take = (n: number, seed: number, stats?: GeneratorStats) => [...generateRussianRecords({ n, seed, stats })];

const EVERY_KIND = [
  'latin_gost779b',
  'latin_icao9303',
  'latin_bgnpcgn',
  'latin_iso9',
  'latin_mvd1997',
  'latin_gostr52535',
  'latin_informal',
  'latin_ukraine2010',
  'informal_spelling',
  'informal_zh_j',
  'western_given',
  'old_passport',
  'ukrainian_form',
  'ukrainian_romanisation',
  'typo',
  'missing_patronymic',
  'initial_patronymic',
  'initial_given',
  'yo_toggle',
  'upper_case',
  'swapped_names',
  'diminutive',
  'feminine_surname',
  'day_month_swap',
  'year_off_by_one',
  'date_digit_typo',
  'date_year_only',
  'date_year_gr',
  'date_month_only',
  'date_dmy',
  'date_iso',
  'date_ru_words',
  'date_dmy_short_year',
  'empty_birth_date',
  'region_ru_full',
  'region_ru_short',
  'region_abbrev',
  'region_en',
  'region_iso',
  'region_number',
  'region_capital',
  'empty_region',
  'unit_number',
  'unit_formation',
  'unit_both',
  'unit_vague',
  'empty_unit',
  'empty_given_name',
  'brother',
  'twin',
  'namesake',
  'minority_buryat',
  'minority_tuvan',
  'minority_dagestani',
  'minority_ossetian',
  'minority_tatar_bashkir',
];

describe('generateRussianRecords', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(take(3000, 7)).toEqual(take(3000, 7));
    expect(take(300, 8)).not.toEqual(take(300, 7).slice(0, 300));
  });

  it('produces every variation kind, source and hard non-match', () => {
    const rows = take(30000, 1);
    const seen = new Set(rows.flatMap((r) => r.variations.split('|')));
    expect(EVERY_KIND.filter((k) => !seen.has(k))).toEqual([]);
    expect(new Set(rows.map((r) => r.source))).toEqual(
      new Set(['family', 'tip', 'obituary_list', 'rights_group', 'official_letter']),
    );
  });

  it('gives each person 1–5 records from different sources, with unique record ids', () => {
    const rows = take(20000, 3);
    expect(rows).toHaveLength(20000);
    expect(new Set(rows.map((r) => r.record_id)).size).toBe(20000);
    const byPerson = new Map<string, GeneratedRecord[]>();
    for (const r of rows) byPerson.set(r.true_id, [...(byPerson.get(r.true_id) ?? []), r]);
    for (const recs of byPerson.values()) {
      expect(recs.length).toBeLessThanOrEqual(5);
      expect(new Set(recs.map((r) => r.source)).size).toBe(recs.length);
    }
    const sizes = [...byPerson.values()].map((r) => r.length);
    expect(sizes.filter((s) => s === 1).length).toBeGreaterThan(sizes.filter((s) => s === 5).length);
  });

  it('makes common names common and rare names rare', () => {
    const rows = take(20000, 4).filter(
      (r) => !/latin|ukrainian|swapped|typo|diminutive|initial_given|empty_given/.test(r.variations),
    );
    const count = (f: (r: GeneratedRecord) => boolean) => rows.filter(f).length / rows.length;
    expect(count((r) => r.given_name === 'Александр')).toBeGreaterThan(0.05);
    expect(count((r) => r.given_name === 'Авксентий')).toBeLessThan(0.002);
    expect(count((r) => /^(Иванов|ИВАНОВ)$/.test(r.surname))).toBeGreaterThan(
      count((r) => /^(Якушев|ЯКУШЕВ)$/.test(r.surname)),
    );
  });

  it('builds its unit pool for any seed (formation numbers never run out)', () => {
    const regions = loadPools().regionList;
    for (let seed = 0; seed < 300; seed++) expect(() => new UnitPool(regions, seed)).not.toThrow();
  });

  it('counts true pairs from the truth and while generating', () => {
    expect(truePairCount(['a', 'b', 'a', 'a', 'c', 'b'])).toBe(3 + 1);
    const stats: GeneratorStats = { persons: 0, records: 0, truePairs: 0 };
    const rows = take(5000, 5, stats);
    expect(stats.records).toBe(5000);
    expect(stats.truePairs).toBe(truePairCount(rows.map((r) => r.true_id)));
    expect(stats.persons).toBe(new Set(rows.map((r) => r.true_id)).size);
  });

  it('writes the platform CSV header plus true_id from the command line', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kintrace-gen-')), 'records.csv');
    const script = fileURLToPath(new URL('./generate.ts', import.meta.url));
    const run = spawnSync(process.execPath, ['--import', 'tsx', script, '--n', '300', '--seed', '2', '--out', out], {
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('record_id,source,surname,given_name,patronymic,birth_date,region,unit,true_id');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(301);
  });
});
