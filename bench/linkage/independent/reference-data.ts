import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

// Reference data shipped with the project (data/), read once. Only codes, names and
// populations are taken from it; every weight and name pool beyond it is this generator's own.

const DATA_DIR = new URL('../../../data/', import.meta.url);

// The repository's data/regions.csv predates the completed census column in
// /work/shared/data/regions.csv (2021 census, sources listed in its README). These are the
// values from that file for the rows still empty here; a synced data/ makes them unused.
const CENSUS_2021_FALLBACK: Readonly<Record<string, number>> = {
  'RU-AL': 210924,
  'RU-SA': 995686,
  'RU-TY': 336651,
  'RU-UD': 1452914,
  'RU-KK': 534795,
  'RU-CU': 1186909,
  'RU-KHA': 1292944,
  'RU-VLA': 1348134,
  'RU-KGN': 776661,
  'RU-MUR': 667744,
  'RU-NGR': 583387,
  'RU-ORL': 713374,
  'RU-PNZ': 1266348,
  'RU-PSK': 599084,
  'RU-RYA': 1102810,
  'RU-SAK': 466609,
  'RU-SMO': 888421,
  'RU-TAM': 982991,
  'RU-TVE': 1230171,
  'RU-TOM': 1062666,
  'RU-TUL': 1501214,
  'RU-TYU': 1601940,
  'RU-ULY': 1196745,
  'RU-NEN': 41434,
  'RU-KHM': 1711480,
  'RU-CHU': 47490,
  'RU-YAN': 510490,
  'UA-43': 1934630,
};

export interface RegionRow {
  iso: string;
  code: string;
  nameRu: string;
  nameEn: string;
  type: string;
  population: number;
}

export interface NameData {
  /** Given names of faker's ru list (no frequencies). */
  givenNames: readonly string[];
  /** Surnames of faker's ru list, alphabetical, without ranks. */
  surnames: readonly string[];
  /** Full given name → its everyday male diminutives. */
  diminutives: ReadonlyMap<string, readonly string[]>;
  /** Per-mille / percent figures published for some names (SFR, Nikonov). */
  publishedFrequencies: ReadonlyMap<string, { pensionersPct?: number; boys1978to81Permille?: number }>;
}

const readText = (relative: string): string => readFileSync(new URL(relative, DATA_DIR), 'utf8');
const readCsv = (relative: string): Record<string, string>[] =>
  parse(readText(relative), { columns: true, skip_empty_lines: true });
const lines = (relative: string): string[] =>
  readText(relative)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

let regionsCache: RegionRow[] | undefined;
let namesCache: NameData | undefined;

export function loadRegions(): readonly RegionRow[] {
  regionsCache ??= readCsv('regions.csv').map((r) => {
    const population = Number(r.population_census_2021) || CENSUS_2021_FALLBACK[r.iso_3166_2];
    if (!population) throw new Error(`no 2021 census population for ${r.iso_3166_2}`);
    return {
      iso: r.iso_3166_2,
      code: r.region_code,
      nameRu: r.name_ru,
      nameEn: r.name_en,
      type: r.type_en,
      population,
    };
  });
  return regionsCache;
}

export function loadNames(): NameData {
  if (namesCache) return namesCache;
  const diminutives = new Map<string, string[]>();
  const add = (full: string, short: string): void => {
    const list = diminutives.get(full) ?? [];
    if (!list.includes(short)) list.push(short);
    diminutives.set(full, list);
  };
  // The diminutives as they were when this generator was written (a frozen copy): the engine's
  // table in data/names grows, and the benchmark's data must not grow with what the engine reads.
  for (const row of readCsv('../bench/linkage/independent/diminutives.csv')) {
    if (row.gender !== 'm') continue;
    add(row.full_name, row.diminutive);
    // "also Семён", "also Владислав / Станислав / Ярослав": the same short form for other men's names.
    const also = /^also (.*)$/.exec(row.note ?? '');
    if (!also) continue;
    for (const name of also[1].split('/')) {
      const clean = name.trim();
      if (/\(f\)/.test(clean)) continue;
      add(clean.replace(/\s*\(m\)$/, ''), row.diminutive);
    }
  }
  const publishedFrequencies = new Map<string, { pensionersPct?: number; boys1978to81Permille?: number }>();
  for (const row of readCsv('names/male_first_name_frequencies.csv')) {
    const boys = [
      row.permille_boys_1978_81_moscow_2_districts,
      row.permille_boys_1978_81_8_oblast_centres,
      row.permille_boys_1978_81_rural,
    ]
      .filter((v) => v !== '')
      .map(Number);
    publishedFrequencies.set(row.name, {
      pensionersPct: row.share_pct_male_pensioners_SFR ? Number(row.share_pct_male_pensioners_SFR) : undefined,
      boys1978to81Permille: boys.length ? boys.reduce((a, b) => a + b, 0) / boys.length : undefined,
    });
  }
  namesCache = {
    givenNames: lines('names/male_first_names.txt'),
    surnames: readCsv('names/surnames.csv').map((r) => r.surname_male),
    diminutives,
    publishedFrequencies,
  };
  return namesCache;
}
