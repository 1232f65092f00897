import type { Db } from '../db/database.ts';
import { Invalid } from '../shared/errors.ts';
import { searchKey } from '../people/names.ts';
import type { Principal } from '../policy/principal.ts';
import { grantPublicRecord, PUBLIC_RECORD_STATES, visibleRecords } from '../policy/registry.policy.ts';
import { sourcesByRecord, toPublicRecord, type PublicRecord } from './public-record.ts';
import type { PersonsQuery } from './registry.schema.ts';
import {
  countRecords,
  findRecord,
  listCorrections,
  listRecords,
  listSimilar,
  listSources,
  streamRecords,
  type PublicFilter,
  type RecordRow,
} from './registry.repository.ts';
import { isRecordId } from './publication.service.ts';
import { similarTokens } from './similar-names.ts';

// The registry as anyone reads it: published records only (src/policy/registry.policy.ts), each
// through toPublicRecord, so no other column reaches a page, the API or a download.

export const PAGE_SIZE = 50;

/** One published record with its sources and corrections, or NotFound (missing, unpublished, malformed id). */
export const publicRecord = async (db: Db, principal: Principal, id: string): Promise<PublicRecord> => {
  const row = grantPublicRecord(principal, isRecordId(id) ? await findRecord(db, id) : undefined);
  const sources = sourcesByRecord(await listSources(db, [row.id])).get(row.id) ?? [];
  const corrections = (await listCorrections(db, row.id)).map((c) => ({ on: c.corrected_on, note: c.note }));
  return toPublicRecord(row, sources, corrections);
};

const withSources = async (db: Db, principal: Principal, rows: RecordRow[]): Promise<PublicRecord[]> => {
  const shown = visibleRecords(principal, rows);
  const sources = sourcesByRecord(
    await listSources(
      db,
      shown.map((r) => r.id),
    ),
  );
  return shown.map((r) => toPublicRecord(r, sources.get(r.id) ?? []));
};

export interface RecordsPage {
  records: PublicRecord[];
  total: number;
  page: number;
  pages: number;
  perPage: number;
}

const filterOf = (q: PersonsQuery): PublicFilter => ({
  states: PUBLIC_RECORD_STATES,
  region: q.region,
  category: q.category,
  status: q.status,
  from: q.from,
  to: q.to,
  words: q.q ? searchKey(q.q).split(' ').filter(Boolean).slice(0, 5) : undefined,
});

/**
 * A page of published records in the registry's stable order (first published first, so a new
 * publication never moves older ones to another page). A page past the last is refused.
 */
export const publicRecords = async (
  db: Db,
  principal: Principal,
  q: PersonsQuery,
  perPage = PAGE_SIZE,
): Promise<RecordsPage> => {
  const f = filterOf(q);
  const total = await countRecords(db, f);
  const pages = Math.max(1, Math.ceil(total / perPage));
  const page = q.page ?? 1;
  if (page > pages) throw new Invalid({ field: 'page', key: 'registry.errors.pageOutOfRange', params: { pages } });
  const rows = await listRecords(db, f, perPage, (page - 1) * perPage);
  return { records: await withSources(db, principal, rows), total, page, pages, perPage };
};

/** Every published record, a batch at a time, in the registry's order (downloads, the export command). */
export async function* allPublicRecords(db: Db, principal: Principal): AsyncGenerator<PublicRecord[]> {
  for await (const rows of streamRecords(db, PUBLIC_RECORD_STATES)) yield withSources(db, principal, rows);
}

/** At most this many similar spellings are offered (a narrower search shows the rest). */
export const SIMILAR_MAX = 20;

export interface Similar {
  records: PublicRecord[];
  /** more were found than are shown */
  more: boolean;
}

export interface SearchPage extends RecordsPage {
  /** similar spellings of the name typed, on the page after which no exact result follows; null elsewhere */
  similar: Similar | null;
}

/**
 * The registry page's search: the exact results (publicRecords) and, on their last page (the
 * first when there are none), the published records whose names are spelt similarly, under the
 * same filter (similar-names.ts). The API answers the exact results alone.
 */
export const publicSearch = async (db: Db, principal: Principal, q: PersonsQuery): Promise<SearchPage> => {
  const exact = await publicRecords(db, principal, q);
  if (!q.q || exact.page !== exact.pages) return { ...exact, similar: null };
  const tokens = await similarTokens(db, PUBLIC_RECORD_STATES, q.q);
  if (tokens.length === 0) return { ...exact, similar: null };
  const rows = await listSimilar(db, filterOf(q), tokens, SIMILAR_MAX + 1);
  return {
    ...exact,
    similar: { records: await withSources(db, principal, rows.slice(0, SIMILAR_MAX)), more: rows.length > SIMILAR_MAX },
  };
};
