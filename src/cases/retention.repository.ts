import { sql } from 'kysely';
import type { Queryable } from '../db/database.ts';
import { ENDED_STATES } from './case-lifecycle.ts';

// Queries for retention (retention.service.ts holds the rules). Deletes return how many rows
// went, so the run can report counts and the tests can check them.

const deleted = (r: { numDeletedRows: bigint }): number => Number(r.numDeletedRows);

/** Ended (closed or withdrawn) cases whose closing day is on or before `cutoff` (a day), oldest first. */
export const listExpiredCases = (db: Queryable, cutoff: string) =>
  db
    .selectFrom('cases')
    .select(['id', 'person_id', 'organisation_id', 'state'])
    .where('state', 'in', ENDED_STATES)
    .where('closed_on', '<=', cutoff)
    .orderBy('closed_on')
    .orderBy('id')
    .execute();

/**
 * Claims an expired case inside the purge transaction: a no-op update that only matches while
 * the case is still closed and expired. On PostgreSQL it locks the row, so a reopen racing
 * with the purge waits and then finds no case; on SQLite it takes the write lock.
 */
export const claimExpiredCase = async (db: Queryable, id: string, cutoff: string): Promise<boolean> => {
  const r = await db
    .updateTable('cases')
    .set((eb) => ({ closed_on: eb.ref('closed_on') }))
    .where('id', '=', id)
    .where('state', 'in', ENDED_STATES)
    .where('closed_on', '<=', cutoff)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
};

export const deleteCaseRows = async (
  db: Queryable,
  table:
    | 'case_key_wraps'
    | 'case_messages'
    | 'case_notes'
    | 'case_news'
    | 'event_levels'
    | 'discrepancy_resolutions'
    | 'case_files',
  caseId: string,
): Promise<number> => deleted(await db.deleteFrom(table).where('case_id', '=', caseId).executeTakeFirst());

export const countOtherCasesOfPerson = async (db: Queryable, personId: string, caseId: string): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('person_id', '=', personId)
        .where('id', '<>', caseId)
        .executeTakeFirstOrThrow()
    ).n,
  );

const VERIFIED = ['corroborated', 'confirmed'] as const;

/**
 * Turns the case's verified events into bare facts about the person: no case, no sealed
 * description (its key is being destroyed anyway), no staff member's id, the verification
 * time cut to the day, and no mark of having been typed by a family account.
 */
export const detachVerifiedEvents = async (db: Queryable, caseId: string): Promise<number> => {
  const r = await db
    .updateTable('events')
    .set({
      case_id: null,
      description_sealed: null,
      verified_by: null,
      verified_at: sql<string>`substr(verified_at, 1, 10)`,
      added_by_family: 0,
    })
    .where('case_id', '=', caseId)
    .where('verification', 'in', VERIFIED)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
};

/** The case's remaining (unverified) events: what a family or witness claimed, unconfirmed. */
export const deleteEventsOfCase = async (db: Queryable, caseId: string): Promise<number> =>
  deleted(await db.deleteFrom('events').where('case_id', '=', caseId).executeTakeFirst());

/** Every event about the person, including facts kept from earlier purges. */
export const deleteEventsOfPerson = async (db: Queryable, personId: string): Promise<number> =>
  deleted(await db.deleteFrom('events').where('person_id', '=', personId).executeTakeFirst());

export const deleteCaseRow = async (db: Queryable, id: string): Promise<number> =>
  deleted(await db.deleteFrom('cases').where('id', '=', id).executeTakeFirst());

export const countCasesOfRequester = async (db: Queryable, userId: string): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('requester_user_id', '=', userId)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Every account that is the requester of some case (few per family, so a plain distinct list). */
export const listRequesters = async (db: Queryable): Promise<string[]> =>
  (await db.selectFrom('cases').select('requester_user_id').distinct().execute()).map((r) => r.requester_user_id);
