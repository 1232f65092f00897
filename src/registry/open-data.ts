import { stringify } from 'csv-stringify/sync';
import { regionByCode } from '../people/regions.ts';
import { formatPartialDate } from '../people/partial-date.ts';
import type { PublicRecord } from './public-record.ts';
import type { Figures, MonthFigures, RequestFigures } from './statistics.service.ts';

// Open data: the same rows as CSV and JSON. A text cell a spreadsheet would read as a formula
// (starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, so opening a
// download never runs anything; numbers stay numbers.

const FORMULA_START = /^[=+\-@\t\r]/;

export const safeCell = (value: string | number | null | undefined): string | number =>
  value === null || value === undefined
    ? ''
    : typeof value === 'number'
      ? value
      : FORMULA_START.test(value)
        ? `'${value}`
        : value;

export type Row = Record<string, string | number | null>;

/**
 * CSV with a header row, every text cell made safe, UTF-8 with a byte-order mark for Excel. A
 * cell holding a line break is quoted: csv-stringify quotes only the whole record delimiter
 * (\r\n), and a spreadsheet starts a new row at a lone \n or \r too — splitting the record and
 * letting the text after the break begin a cell of its own, unguarded.
 */
export const toCsv = (columns: readonly string[], rows: readonly Row[]): string =>
  `\ufeff${stringify(
    rows.map((r) => columns.map((c) => safeCell(r[c]))),
    { header: true, columns: [...columns], record_delimiter: 'windows', quoted_match: /[\r\n]/ },
  )}`;

// --- the tables, as rows: the same for the API, the downloads and `kintrace export registry` ------

/** A person as the API and the JSON download give it. */
export const apiPerson = (r: PublicRecord) => {
  const region = r.region ? regionByCode(r.region) : undefined;
  return {
    id: r.id,
    surname: r.surname,
    given_name: r.givenName,
    patronymic: r.patronymic,
    name_latin: r.nameLatin,
    birth_year: r.birthYear,
    region: r.region,
    region_name_ru: region?.nameRu ?? null,
    region_name_en: region?.nameEn ?? null,
    unit_number: r.unitNumber,
    unit_name: r.unitName,
    rank: r.rank,
    category: r.category,
    status: r.status,
    date: r.date?.value ?? null,
    date_precision: r.date?.precision ?? null,
    place: r.place,
    basis: r.basis,
    published_at: r.publishedAt,
    updated_at: r.updatedAt,
    sources: r.sources.map((s) => ({
      title: s.title,
      date: s.date?.value ?? null,
      date_precision: s.date?.precision ?? null,
      url: s.url,
    })),
    corrections: r.corrections.map((c) => ({ on: c.on, note: c.note })),
  };
};

export const PERSON_COLUMNS = [
  'id',
  'surname',
  'given_name',
  'patronymic',
  'name_latin',
  'birth_year',
  'region',
  'region_name_ru',
  'region_name_en',
  'unit_number',
  'unit_name',
  'rank',
  'category',
  'status',
  'date',
  'date_precision',
  'place',
  'basis',
  'published_at',
  'updated_at',
  'sources',
] as const;

/** A person as a CSV row: the sources in one cell, "title (date) url" separated by " | ". */
export const csvPerson = (r: PublicRecord): Row => {
  const { sources, corrections: _c, ...flat } = apiPerson(r);
  return {
    ...flat,
    sources: sources
      .map((s) =>
        [s.title, s.date ? `(${formatPartialDate(s.date, s.date_precision)})` : '', s.url ?? '']
          .filter(Boolean)
          .join(' '),
      )
      .join(' | '),
  };
};

export interface OpenTable {
  columns: readonly string[];
  rows: Row[];
  /** what the JSON download adds around the rows */
  meta: Record<string, unknown>;
}

export const regionsTable = (f: Figures): OpenTable => ({
  columns: [
    'region',
    'name_ru',
    'name_en',
    'deaths',
    'missing',
    'population',
    'population_year',
    'deaths_per_100k',
    'as_of',
  ],
  rows: f.regions.map((r) => ({ ...r, as_of: f.asOf })),
  meta: { as_of: f.asOf, filters: f.filters, unknown_region: f.unknownRegion, totals: f.totals },
});

export const monthsTable = (
  f: Pick<MonthFigures, 'months' | 'yearsOnly' | 'undated' | 'asOf' | 'filters'>,
): OpenTable => ({
  columns: ['period', 'precision', 'deaths', 'missing', 'as_of'],
  rows: [
    ...f.months.map((m) => ({
      period: m.month,
      precision: 'month',
      deaths: m.deaths,
      missing: m.missing,
      as_of: f.asOf,
    })),
    ...f.yearsOnly.map((y) => ({
      period: y.year,
      precision: 'year',
      deaths: y.deaths,
      missing: y.missing,
      as_of: f.asOf,
    })),
    { period: '', precision: 'none', deaths: f.undated.deaths, missing: f.undated.missing, as_of: f.asOf },
  ],
  meta: { as_of: f.asOf, filters: f.filters },
});

export const categoriesTable = (f: Figures): OpenTable => ({
  columns: ['category', 'deaths', 'missing', 'as_of'],
  rows: f.categories.map((c) => ({ ...c, as_of: f.asOf })),
  meta: { as_of: f.asOf, filters: f.filters },
});

export const requestsTable = (f: RequestFigures): OpenTable => ({
  columns: ['region', 'name_ru', 'name_en', 'open_requests', 'threshold', 'as_of'],
  rows: f.regions.map((r) => ({ ...r, threshold: f.threshold, as_of: f.asOf })),
  meta: {
    as_of: f.asOf,
    threshold: f.threshold,
    total: f.total,
    note: 'open_requests is null (empty in CSV) where the count is hidden: below the threshold (zero included), or hidden so that no hidden cell can be worked out from the total',
  },
});

export const tableJson = (t: OpenTable) => ({ ...t.meta, rows: t.rows });
