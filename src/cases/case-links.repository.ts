import type { Insertable } from 'kysely';
import type { Queryable } from '../db/database.ts';
import { clearedSeqOfCase } from './cases.repository.ts';
import type { EventsTable } from './cases.table.ts';

// Queries other domains need about cases and timelines by person record (matching, imports,
// cohorts; issue 11), behind case-links.service.ts.

export const listCasesOfPersons = (db: Queryable, personIds: string[]) =>
  personIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('cases')
        .select(['id', 'person_id', 'organisation_id', 'requester_user_id', 'state'])
        .where('person_id', 'in', personIds)
        .execute();

export const listCaseRefs = (db: Queryable, caseIds: string[]) =>
  caseIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('cases')
        .select(['id', 'person_id', 'organisation_id', 'requester_user_id', 'state'])
        .where('id', 'in', caseIds)
        .execute();

/** The clear columns of every event of these person records (never a description). */
export const listEventsOfPersons = (db: Queryable, personIds: string[]) =>
  personIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('events')
        .select([
          'id',
          'person_id',
          'case_id',
          'kind',
          'event_date',
          'date_precision',
          'place',
          'source',
          'verification',
          'created_on',
          'verified_at',
          'added_by_family',
          'report_seq',
          clearedSeqOfCase,
        ])
        .where('person_id', 'in', personIds)
        .orderBy('event_date')
        .orderBy('created_on')
        .orderBy('id')
        .execute();

export const insertEventRows = async (db: Queryable, rows: Insertable<EventsTable>[]): Promise<void> => {
  for (let i = 0; i < rows.length; i += 1500)
    await db
      .insertInto('events')
      .values(rows.slice(i, i + 1500))
      .execute();
};

/** Verified events entered or verified on or after `since` (a day or a time), oldest first. */
export const listVerifiedSince = (db: Queryable, since: string, limit: number) =>
  db
    .selectFrom('events')
    .select(['id', 'person_id', 'case_id', 'verification', 'verified_at', 'created_on'])
    .where('verification', 'in', ['corroborated', 'confirmed'])
    .where((eb) =>
      eb.or([
        eb('verified_at', '>=', since),
        eb.and([eb('verified_at', 'is', null), eb('created_on', '>=', since.slice(0, 10))]),
      ]),
    )
    .orderBy('verified_at')
    .limit(limit)
    .execute();
