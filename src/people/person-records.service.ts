import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Queryable, Tx } from '../db/database.ts';
import type { PersonsTable } from './people.table.ts';
import {
  clusterSizes,
  countIndexed,
  countPending,
  findRecords,
  insertPersonRows,
  listClusterMembers,
  listCohortFields,
  listIndexed,
  listPending,
  listStaleKeys,
  markScoredRows,
  anyPending,
  pendingAmong,
  setCluster,
  updateKeys,
  updateRecord,
} from './person-records.repository.ts';
import {
  countHits,
  listRecordsFiltered,
  recordsOfHits,
  searchHits,
  type SearchFilters,
  type SearchToken,
} from './person-search.repository.ts';
import { enteredKeys, searchKey } from './names.ts';
import { forgetNames, keepNames, neighbourNames } from './name-neighbours.service.ts';
import {
  KEYS_VERSION,
  colonyKey,
  initialKeys,
  personSearchKeys,
  tokenKeys,
  unitKeys,
  type TokenKeys,
} from './search-keys.ts';

// Person records as matching, imports, search and cohorts see them (issue 11). A record is one
// row of `persons`: a case's person, an imported list's row or a tip's person. Records about the
// same soldier form a cluster; merging never deletes a record (docs/matching.md).

export type RecordView = Awaited<ReturnType<typeof findRecords>>[number];

/** The cluster a record belongs to (a record alone is its own). */
export const clusterOf = (r: { id: string; cluster_id: string | null }): string => r.cluster_id ?? r.id;

export const getRecords = async (db: Queryable, ids: string[]): Promise<Map<string, RecordView>> => {
  const out = new Map<string, RecordView>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500)
    for (const r of await findRecords(db, unique.slice(i, i + 500))) out.set(r.id, r);
  return out;
};

export const getRecord = async (db: Queryable, id: string): Promise<RecordView | undefined> =>
  (await findRecords(db, [id]))[0];

/** A person record of a list or a tip, as the importer or the tip read it. */
export interface IncomingPerson {
  surname: string;
  given_name: string;
  patronymic: string | null;
  birth_date: string | null;
  birth_precision: 'year' | 'month' | 'day' | null;
  region_code: string | null;
  unit_number: string | null;
  unit_name: string | null;
  rank: string | null;
  service_category: string;
  colony: string | null;
  mobilisation_wave: string | null;
  status: string | null;
}

const rowOf = (
  p: IncomingPerson,
  organisationId: string,
  origin: 'import' | 'tip',
  now: string,
  id: string,
): Insertable<PersonsTable> => {
  return {
    id,
    surname: p.surname,
    given_name: p.given_name,
    patronymic: p.patronymic,
    ...enteredKeys(p),
    birth_date: p.birth_date,
    birth_precision: p.birth_precision,
    region_code: p.region_code,
    unit_number: p.unit_number,
    unit_name: p.unit_name,
    rank: p.rank,
    service_category: p.service_category,
    created_at: now,
    organisation_id: organisationId,
    origin,
    cluster_id: null,
    status: p.status,
    colony: p.colony,
    mobilisation_wave: p.mobilisation_wave,
    linkage_seq: null,
    ...personSearchKeys(p),
  };
};

/** Inserts records of a list or a tip held by `organisationId`; returns their ids in order. */
export const insertIncomingRecords = async (
  tx: Tx,
  organisationId: string,
  origin: 'import' | 'tip',
  people: IncomingPerson[],
  now: string,
): Promise<string[]> => {
  const rows = people.map((p) => rowOf(p, organisationId, origin, now, randomUUID()));
  await insertPersonRows(tx, rows);
  await keepNames(tx, rows);
  return rows.map((r) => r.id);
};

/** Computes the keys of up to `limit` records stored with an older key version; returns their ids. */
export const rekeyRecords = async (db: Queryable, limit = 5000): Promise<string[]> => {
  const rows = await listStaleKeys(db, KEYS_VERSION, limit);
  const keys = rows.map((r) => personSearchKeys(r));
  // The entered forms' keys too: version 4 reads a Latin look-alike in a Cyrillic name as its
  // Cyrillic letter («Иванoв»), and a name stored before kept its plain key until saved again.
  for (const [i, r] of rows.entries()) await updateKeys(db, r.id, { ...keys[i], ...enteredKeys(r) });
  // Version 3 brought the one-edit name dictionary: records stored before enter it here, and a
  // name whose key changed leaves it once no record bears it.
  await keepNames(
    db,
    rows.map((r, i) => ({ organisation_id: r.organisation_id, ...keys[i] })),
  );
  await forgetNames(
    db,
    rows.filter((r, i) => r.surname_gl !== keys[i].surname_gl || r.given_canon !== keys[i].given_canon),
  );
  return rows.map((r) => r.id);
};

/** The record's status derived from its own timeline (cases/status-rules.ts), for search. */
export const setRecordStatus = (tx: Queryable, id: string, status: string | null) =>
  updateRecord(tx, id, { status: status === 'unknown' ? null : status });

/** What cohorts need beyond the case form: the penal colony and the mobilisation wave. */
export const setCohortDetails = async (
  tx: Queryable,
  id: string,
  details: { colony: string | null; mobilisationWave: string | null },
): Promise<void> => {
  const r = await getRecord(tx, id);
  if (!r) return;
  await updateRecord(tx, id, {
    colony: details.colony,
    colony_key: colonyKey(details.colony, r.region_code),
    mobilisation_wave: details.mobilisationWave,
  });
};

// ---- the linkage index (src/matching/) ---------------------------------------------------------

export const indexedRecords = listIndexed;
export const indexedCount = countIndexed;
export const pendingRecords = listPending;
export const pendingCount = countPending;
export const organisationHasPending = anyPending;
export const recordsWaitingToBeScored = pendingAmong;
export const SEARCH_KEYS_VERSION = KEYS_VERSION;

/** The records were scored and entered the index at these positions. */
export const markScoredMany = markScoredRows;

// ---- clusters -------------------------------------------------------------------------------

export const clusterMembers = listClusterMembers;
export const moveToCluster = setCluster;
export { clusterSizes };

// ---- search ---------------------------------------------------------------------------------

export interface RecordQuery {
  /** words of a name in any script */
  text: string;
  birthYear?: number;
  region?: string;
  /** a unit as typed: number and/or formation */
  unit?: string;
  category?: string;
  status?: string;
  origin?: string;
}

export type RecordHit = Awaited<ReturnType<typeof recordsOfHits>>[number];

/** A word as the exact and sound-alike tier reads it, before any neighbour is looked up. */
const withoutNeighbours = (t: TokenKeys): SearchToken => ({ ...t, nearSurnames: [], nearGivens: [] });

/**
 * Each word with the organisation's surnames and given names one edit from it («Кузнецв» →
 * кузнетсов): a name typed with one letter wrong that does not sound alike still finds its
 * records, ranked below the exact and sound-alike ones (name-neighbours.ts).
 */
export const withNeighbours = async (db: Queryable, organisationId: string, tokens: TokenKeys[]) => {
  if (tokens.length === 0) return [];
  const { surname: surnames, given: givens } = await neighbourNames(db, organisationId, {
    surname: tokens.map((t) => [...new Set([t.gl, t.nk])]),
    given: tokens.map((t) => t.given),
  });
  return tokens.map((t, i): SearchToken => ({ ...t, nearSurnames: surnames[i], nearGivens: givens[i] }));
};

/**
 * One page of an organisation's person records matching the query, best first. Returns one more
 * row than `limit` when there is a next page.
 */
export const searchPersonRecords = async (
  db: Queryable,
  organisationId: string,
  query: RecordQuery,
  limit: number,
  offset: number,
): Promise<RecordHit[]> => {
  const words = query.text.split(/[\s,;]+/u).filter(Boolean);
  const initials = words.flatMap((w) => initialKeys(w) ?? []);
  const keyed = words
    .filter((w) => initialKeys(w) === null)
    .map((w) => tokenKeys(w))
    .filter((t): t is NonNullable<typeof t> => t !== null)
    .slice(0, 4);
  // Several words: one may be a given name one letter off beside an exact surname («Кузнецов
  // Алксандр»), so the exact hits are checked against the neighbours too. A single word's exact
  // hits are found by that very word: it reads the dictionary only if they leave room.
  const tokens = keyed.length > 1 ? await withNeighbours(db, organisationId, keyed) : keyed.map(withoutNeighbours);
  // Initials («Иванов П.С.») stand for the names not typed in full: after a surname alone the
  // given name and the patronymic, after a surname and a given name the patronymic.
  const [givenInitial, patronymicInitial] = tokens.length >= 2 ? [undefined, initials[0]] : [initials[0], initials[1]];
  const unit = unitKeys(query.unit);
  const filters: SearchFilters = {
    birthYear: query.birthYear,
    region: query.region,
    category: query.category,
    status: query.status,
    origin: query.origin,
    givenInitial,
    patronymicInitial,
    unitNumber: unit.number,
    unitFormation: unit.formation,
    // A unit that reads as neither a number nor a formation («Шторм Z», «155-я бригада») is looked
    // for in the unit as written.
    unitText: query.unit?.trim() && !unit.number && !unit.formation ? searchKey(query.unit) : null,
  };
  if (query.text.trim() && tokens.length === 0) return [];
  if (tokens.length === 0) return listRecordsFiltered(db, organisationId, filters, limit + 1, offset);
  // Every exact and sound-alike hit ranks above every name one edit off: a page they fill is
  // answered without reading the neighbours' records (a common surname's misspellings can be
  // thousands of rows), nor, for a single word, the dictionary.
  const page = await searchHits(db, organisationId, tokens, filters, 'exact', limit + 1, offset);
  if (page.length <= limit) {
    const near = keyed.length > 1 ? tokens : await withNeighbours(db, organisationId, keyed);
    if (near.some((t) => t.nearSurnames.length > 0 || t.nearGivens.length > 0)) {
      // Where the near hits start: right after the exact ones this page holds, or, on a page past
      // them all, after however many there were.
      const exactCount =
        page.length > 0 || offset === 0
          ? offset + page.length
          : await countHits(db, organisationId, near, filters, 'exact');
      page.push(
        ...(await searchHits(
          db,
          organisationId,
          near,
          filters,
          'near',
          limit + 1 - page.length,
          Math.max(0, offset - exactCount),
        )),
      );
    }
  }
  return recordsOfHits(db, page);
};

export const cohortFieldsOf = listCohortFields;
