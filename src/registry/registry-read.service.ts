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
  listSources,
  streamRecords,
  type PublicFilter,
  type RecordRow,
} from './registry.repository.ts';
import { isRecordId } from './publication.service.ts';

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
