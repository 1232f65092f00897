import { searchKey } from '../people/names.ts';
import { dateRange, type PartialDate } from '../people/partial-date.ts';
import { fullName } from '../people/people.service.ts';
import { nameMatchKeys } from '../people/search-keys.ts';
import { transliterate } from '../linkage/engine/normalize/index.ts';
import type { PublicFacts } from '../cases/publication-facts.service.ts';
import { periodOf, type Qualification, type RegistryStatus } from './publication-rules.ts';
import type { RecordRow, CountCell } from './registry.repository.ts';
import type { RegistryRecordsTable } from './registry.table.ts';

// What a published record is, and nothing more: the fields the issue lists (name in Cyrillic and
// a transliteration, birth year, region, unit, category, rank, status, date and place of death or
// disappearance with their precision, the public sources and the corrections). Pages, the API
// and the downloads all go through toPublicRecord, so no other column can leak into them.

/** The Latin name shown: the spelling English-language media use (Pyotr, Yury, Olga). */
export const LATIN_SYSTEM = 'informal' as const;
/** Search also finds the passport (ICAO, MVD) spellings: people type the one they know. */
const SEARCH_SYSTEMS = ['informal', 'icao9303', 'mvd1997'] as const;

export type Snapshot = Pick<
  RegistryRecordsTable,
  | 'surname'
  | 'given_name'
  | 'patronymic'
  | 'name_latin'
  | 'name_key'
  | 'surname_key'
  | 'surname_gl'
  | 'surname_phon'
  | 'given_canon'
  | 'patronymic_gl'
  | 'birth_year'
  | 'region_code'
  | 'unit_number'
  | 'unit_name'
  | 'rank'
  | 'category'
  | 'status'
  | 'event_date'
  | 'event_precision'
  | 'event_place'
  | 'period_start'
  | 'period_end'
  | 'basis'
>;

const monthsOf = (date: PartialDate | null): { period_start: string | null; period_end: string | null } => {
  if (!date) return { period_start: null, period_end: null };
  const { start, end } = dateRange(date);
  return { period_start: start.slice(0, 7), period_end: end.slice(0, 7) };
};

export interface NameParts {
  surname: string;
  given_name: string;
  patronymic: string | null;
}

/** A name's search words: as written and in each Latin spelling. */
const searchWords = (name: string): string =>
  [...new Set(searchKey([name, ...SEARCH_SYSTEMS.map((s) => transliterate(name, s))].join(' ')).split(' '))].join(' ');

export const nameColumns = (n: NameParts) => {
  const name = fullName(n);
  const { surname_gl, surname_phon, given_canon, patronymic_gl } = nameMatchKeys(n);
  // surname_key: the surname's words alone, so a search ranks «Тарасов» the surname before
  // «Тарасович» the patronymic (registry.repository.ts listRecords). The matching keys find the
  // similar spellings of a search (similar-names.ts).
  return {
    name_latin: transliterate(name, LATIN_SYSTEM),
    name_key: searchWords(name),
    surname_key: searchWords(n.surname),
    surname_gl,
    surname_phon,
    given_canon,
    patronymic_gl,
  };
};

/** The columns a record takes from the person's facts as they qualify now. */
export const snapshotOf = (facts: Pick<PublicFacts, 'person'>, q: Qualification): Snapshot => {
  const p = facts.person;
  if (!q.status || !q.basis) throw new Error('snapshot of facts that do not qualify');
  return {
    surname: p.surname,
    given_name: p.given_name,
    patronymic: p.patronymic,
    ...nameColumns(p),
    birth_year: p.birth_date ? Number(p.birth_date.slice(0, 4)) : null,
    region_code: p.region_code,
    unit_number: p.unit_number,
    unit_name: p.unit_name,
    rank: p.rank,
    category: p.service_category,
    status: q.status,
    event_date: q.date?.value ?? null,
    event_precision: q.date?.precision ?? null,
    event_place: q.place,
    ...monthsOf(q.date),
    basis: q.basis,
  };
};

export const datedColumns = (date: PartialDate | null) => ({
  event_date: date?.value ?? null,
  event_precision: date?.precision ?? null,
  ...monthsOf(date),
});

/** The statistics cell a published record is counted in. */
export const cellOf = (
  r: Pick<Snapshot, 'region_code' | 'category' | 'status' | 'event_date' | 'event_precision'>,
) => ({
  region_code: r.region_code ?? '',
  category: r.category,
  period: periodOf(r.event_date && r.event_precision ? { value: r.event_date, precision: r.event_precision } : null),
  status: r.status,
});

export const sameCell = (a: CountCell, b: CountCell): boolean =>
  a.region_code === b.region_code && a.category === b.category && a.period === b.period && a.status === b.status;

export interface PublicSource {
  title: string;
  date: PartialDate | null;
  url: string | null;
}

export interface PublicCorrection {
  on: string;
  note: string;
}

/** One record as the public sees it (pages, API, downloads). */
export interface PublicRecord {
  id: string;
  surname: string;
  givenName: string;
  patronymic: string | null;
  nameLatin: string;
  birthYear: number | null;
  region: string | null;
  unitNumber: string | null;
  unitName: string | null;
  rank: string | null;
  category: string;
  status: RegistryStatus;
  date: PartialDate | null;
  place: string | null;
  basis: string;
  publishedAt: string;
  updatedAt: string;
  sources: PublicSource[];
  corrections: PublicCorrection[];
}

export const toPublicRecord = (
  r: RecordRow,
  sources: PublicSource[],
  corrections: PublicCorrection[] = [],
): PublicRecord => ({
  id: r.id,
  surname: r.surname,
  givenName: r.given_name,
  patronymic: r.patronymic,
  nameLatin: r.name_latin,
  birthYear: r.birth_year,
  region: r.region_code,
  unitNumber: r.unit_number,
  unitName: r.unit_name,
  rank: r.rank,
  category: r.category,
  status: r.status as RegistryStatus,
  date: r.event_date && r.event_precision ? { value: r.event_date, precision: r.event_precision } : null,
  place: r.event_place,
  basis: r.basis,
  publishedAt: r.published_at ?? '',
  updatedAt: r.updated_at ?? r.published_at ?? '',
  sources,
  corrections,
});

/** Source rows of the repository as public sources, grouped by record. */
export const sourcesByRecord = (
  rows: Array<{
    record_id: string;
    title: string;
    source_date: string | null;
    source_precision: PartialDate['precision'] | null;
    url: string | null;
  }>,
): Map<string, PublicSource[]> => {
  const out = new Map<string, PublicSource[]>();
  for (const s of rows) {
    const list = out.get(s.record_id) ?? [];
    list.push({
      title: s.title,
      date: s.source_date && s.source_precision ? { value: s.source_date, precision: s.source_precision } : null,
      url: s.url,
    });
    out.set(s.record_id, list);
  }
  return out;
};
