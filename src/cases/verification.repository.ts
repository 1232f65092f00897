import type { Queryable } from '../db/database.ts';
import type { DiscrepancyResolutionsTable, EventLevelsTable, EventsTable } from './cases.table.ts';

// Queries for the history of levels and the verdicts on discrepancies (verification.service.ts
// holds the rules). Every list selects named columns.

type Level = EventsTable['verification'];

/**
 * Sets an event's level only if it is still `from`: a level someone else changed meanwhile is
 * not overwritten (false). On PostgreSQL the update locks the row until the transaction ends.
 */
export const changeEventLevel = async (
  db: Queryable,
  id: string,
  change: { from: Level; to: Level; by: string; at: string },
): Promise<boolean> => {
  const r = await db
    .updateTable('events')
    .set({ verification: change.to, verified_by: change.by, verified_at: change.at })
    .where('id', '=', id)
    .where('verification', '=', change.from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
};

/**
 * Keeps one step, next in the case's order. The caller holds the case (touchActiveCase), so the
 * next position cannot be taken meanwhile; the unique (case_id, seq) turns a slip into an error.
 */
export const insertLevelChange = async (db: Queryable, row: Omit<EventLevelsTable, 'seq'>): Promise<void> => {
  const last = await db
    .selectFrom('event_levels')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('case_id', '=', row.case_id)
    .executeTakeFirst();
  await db
    .insertInto('event_levels')
    .values({ ...row, seq: Number(last?.m ?? 0) + 1 })
    .execute();
};

/** Every level change in a case, oldest first. */
export const listLevelChanges = (db: Queryable, caseId: string) =>
  db
    .selectFrom('event_levels')
    .select(['id', 'event_id', 'from_level', 'to_level', 'step', 'by_user_id', 'at', 'reason_sealed'])
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();

export const insertResolution = async (db: Queryable, row: DiscrepancyResolutionsTable): Promise<void> => {
  await db.insertInto('discrepancy_resolutions').values(row).execute();
};

/** The verdicts in several cases (clear columns only: what the status rules need). */
export const listResolutionsOfCases = (db: Queryable, caseIds: string[]) =>
  caseIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('discrepancy_resolutions')
        .select(['case_id', 'discrepancy_key', 'set_aside_event_id'])
        .where('case_id', 'in', caseIds)
        .execute();

/** The verdicts in one case with their sealed reasons, oldest first. */
export const listResolutions = (db: Queryable, caseId: string) =>
  db
    .selectFrom('discrepancy_resolutions')
    .select(['id', 'discrepancy_key', 'rule', 'set_aside_event_id', 'reason_sealed', 'resolved_by', 'resolved_at'])
    .where('case_id', '=', caseId)
    .orderBy('resolved_at')
    .execute();

/** The person of each case, for reading dates of birth with the timelines of a list. */
export const personsOfCases = (db: Queryable, caseIds: string[]) =>
  caseIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('cases').select(['id', 'person_id']).where('id', 'in', caseIds).execute();
