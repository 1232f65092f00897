import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Lang } from '../shared/lang.ts';

// The federal subjects from data/regions.csv (see data/SOURCES.md), read once at start.
// The code stored on a person is the ISO 3166-2 code of that file.

export interface Region {
  code: string;
  nameRu: string;
  nameEn: string;
  /** permanent population at the 2021 census (data/SOURCES.md), null if the file has none */
  population2021: number | null;
  federalDistrictRu: string;
  federalDistrictEn: string;
  /** Crimea and Sevastopol: annexed in 2014, internationally recognised as Ukraine */
  disputed: boolean;
}

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'regions.csv');

const rows = parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Array<
  Record<string, string>
>;

export const REGIONS: readonly Region[] = Object.freeze(
  rows.map((r) => ({
    code: r.iso_3166_2,
    nameRu: r.name_ru,
    nameEn: r.name_en,
    population2021: /^\d+$/.test(r.population_census_2021 ?? '') ? Number(r.population_census_2021) : null,
    federalDistrictRu: r.federal_district_ru ?? '',
    federalDistrictEn: r.federal_district_en ?? '',
    disputed: r.disputed === 'yes',
  })),
);

const byCode = new Map(REGIONS.map((r) => [r.code, r]));

export const isRegionCode = (code: string): boolean => byCode.has(code);

export const regionName = (code: string | null, lang: Lang): string => {
  const r = code ? byCode.get(code) : undefined;
  return r ? (lang === 'ru' ? r.nameRu : r.nameEn) : '';
};

/** Options for a <select>, sorted by the name in the page's language. */
export const regionOptions = (lang: Lang): Array<{ value: string; label: string }> =>
  REGIONS.map((r) => ({ value: r.code, label: lang === 'ru' ? r.nameRu : r.nameEn })).sort((a, b) =>
    a.label.localeCompare(b.label, lang),
  );

export const regionByCode = (code: string): Region | undefined => byCode.get(code);
