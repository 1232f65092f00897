import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Queryable } from '../db/database.ts';
import { ACTIVE_STATES, type CaseState } from './case-lifecycle.ts';
import type { CasePostsTable, CasesTable, EventsTable } from './cases.table.ts';

// Queries only; rules live in the services. Every list selects named columns.

export const insertCase = async (db: Queryable, row: CasesTable): Promise<void> => {
  await db.insertInto('cases').values(row).execute();
};

export const findCaseRef = (db: Queryable, id: string) =>
  db
    .selectFrom('cases')
    .select(['id', 'organisation_id', 'requester_user_id', 'person_id', 'state'])
    .where('id', '=', id)
    .executeTakeFirst();

/** findCaseRef for a list of cases, in one query. */
export const findCaseRefs = (db: Queryable, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('cases')
        .select(['id', 'organisation_id', 'requester_user_id', 'person_id', 'state'])
        .where('id', 'in', ids)
        .execute();

export const findCase = (db: Queryable, id: string) =>
  db
    .selectFrom('cases')
    .select([
      'id',
      'person_id',
      'organisation_id',
      'state',
      'assigned_to',
      'last_contact_date',
      'last_contact_precision',
      'last_contact_means_sealed',
      'relation_sealed',
      'narrative_sealed',
      'wants_sealed',
      'close_reason',
      'close_note_sealed',
      'opened_on',
      'last_activity_on',
      'closed_on',
    ])
    .where('id', '=', id)
    .executeTakeFirst();

type CasePatch = Partial<
  Pick<CasesTable, 'state' | 'assigned_to' | 'close_reason' | 'close_note_sealed' | 'last_activity_on' | 'closed_on'>
>;

export const updateCase = async (db: Queryable, id: string, patch: CasePatch): Promise<void> => {
  await db.updateTable('cases').set(patch).where('id', '=', id).execute();
};

/** New ciphertexts of the family's account; only while the case is open (false otherwise). */
export const updateOpenCaseStory = async (
  db: Queryable,
  id: string,
  patch: Pick<CasesTable, 'relation_sealed' | 'narrative_sealed' | 'wants_sealed' | 'last_activity_on'> &
    Partial<Pick<CasesTable, 'last_contact_date' | 'last_contact_precision' | 'last_contact_means_sealed'>>,
  /** the story as it was read: a save made meanwhile (sealed afresh) leaves the case unchanged */
  ifNarrative?: string,
): Promise<boolean> => {
  let q = db.updateTable('cases').set(patch).where('id', '=', id).where('state', 'in', ACTIVE_STATES);
  if (ifNarrative !== undefined) q = q.where('narrative_sealed', '=', ifNarrative);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
};

/** The family emptied the date of her last contact: the place that report of hers took (last-contact.ts). */
export const setLastContactCleared = async (db: Queryable, id: string, seq: number): Promise<void> => {
  await db.updateTable('cases').set({ last_contact_cleared_seq: seq }).where('id', '=', id).execute();
};

/** The sealed story of a case and its last contact (opaque: only compared, to tell that it was saved again). */
export const findCaseStorySeal = (db: Queryable, id: string) =>
  db
    .selectFrom('cases')
    .select([
      'relation_sealed',
      'narrative_sealed',
      'wants_sealed',
      'last_contact_date',
      'last_contact_precision',
      'last_contact_means_sealed',
    ])
    .where('id', '=', id)
    .executeTakeFirst();

/**
 * Changes the case only if it is in one of the states `from`; false when it was not (already
 * closed, say). One statement, so two people closing the same case at once cannot both succeed.
 */
export const transitionCase = async (
  db: Queryable,
  id: string,
  from: readonly CaseState[],
  patch: CasePatch,
): Promise<boolean> => {
  const result = await db
    .updateTable('cases')
    .set(patch)
    .where('id', '=', id)
    .where('state', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
};

export const insertEvent = async (db: Queryable, row: EventsTable): Promise<void> => {
  await db.insertInto('events').values(row).execute();
};

export const findEvent = (db: Queryable, id: string) =>
  db.selectFrom('events').select(['id', 'case_id', 'kind', 'verification']).where('id', '=', id).executeTakeFirst();

export const setEventVerification = async (
  db: Queryable,
  id: string,
  verification: EventsTable['verification'],
  by: string,
  at: string,
): Promise<void> => {
  await db.updateTable('events').set({ verification, verified_by: by, verified_at: at }).where('id', '=', id).execute();
};

/**
 * Beside each event, the place the family's latest clearing of her last contact took on its case
 * (last-contact.ts): her reports are read with it, wherever a timeline is read.
 */
export const clearedSeqOfCase = (eb: ExpressionBuilder<Database, 'events'>) =>
  eb
    .selectFrom('cases')
    .select('cases.last_contact_cleared_seq')
    .whereRef('cases.id', '=', 'events.case_id')
    .as('cleared_seq');

export const listEventsOfCase = (db: Queryable, caseId: string) =>
  db
    .selectFrom('events')
    .select([
      'id',
      'kind',
      'event_date',
      'date_precision',
      'place',
      'description_sealed',
      'source',
      'verification',
      'added_by_family',
      'created_on',
      'report_seq',
      clearedSeqOfCase,
    ])
    .where('case_id', '=', caseId)
    .orderBy('event_date')
    .orderBy('created_on')
    .execute();

/** What the status rules need of the events of several cases (clear columns only). */
export const listTimelineOfCases = (db: Queryable, caseIds: string[]) =>
  caseIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('events')
        .select([
          'id',
          'case_id',
          'kind',
          'event_date',
          'date_precision',
          'source',
          'verification',
          'added_by_family',
          'report_seq',
          clearedSeqOfCase,
        ])
        .where('case_id', 'in', caseIds)
        // `in` never matches null, so every row has its case (only purged facts have none)
        .$narrowType<{ case_id: string }>()
        .execute();

type PostTable = 'case_messages' | 'case_notes';

/** Next position in the case; the unique (case_id, seq) constraint turns a race into an error. */
export const nextSeq = async (db: Queryable, table: PostTable, caseId: string): Promise<number> => {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return Number(row?.m ?? 0) + 1;
};

export const insertPost = async (db: Queryable, table: PostTable, row: CasePostsTable): Promise<void> => {
  await db.insertInto(table).values(row).execute();
};

export const listPosts = (db: Queryable, table: PostTable, caseId: string) =>
  db
    .selectFrom(table)
    .select(['id', 'seq', 'author_user_id', 'from_family', 'body_sealed', 'created_at'])
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();

/** The newest `limit` posts before position `beforeSeq` (the newest of all without it), newest first. */
export const listPostsPage = (db: Queryable, table: PostTable, caseId: string, limit: number, beforeSeq?: number) => {
  let q = db
    .selectFrom(table)
    .select(['id', 'seq', 'author_user_id', 'from_family', 'body_sealed', 'created_at'])
    .where('case_id', '=', caseId);
  if (beforeSeq !== undefined) q = q.where('seq', '<', beforeSeq);
  return q.orderBy('seq', 'desc').limit(limit).execute();
};

export interface QueueFilterSql {
  organisationId: string;
  states?: readonly CaseState[];
  assignedTo?: string | null;
  inactiveBefore?: string;
  personIds?: string[];
  /** a subquery of case ids the list keeps to (the cases whose family wrote, say) */
  caseIds?: SelectQueryBuilder<Database, 'case_news', { case_id: string }>;
}

/** Where the previous page of a list ended: the last row's activity day and id (ids break ties). */
export interface QueueCursor {
  lastActivityOn: string;
  id: string;
}

/** One page of the queue, oldest activity first, and one row more to tell whether another page follows. */
export const listQueue = (db: Queryable, f: QueueFilterSql, limit: number, after?: QueueCursor) => {
  let q = db
    .selectFrom('cases')
    .select(['id', 'person_id', 'state', 'assigned_to', 'opened_on', 'last_activity_on', 'close_reason'])
    .where('organisation_id', '=', f.organisationId);
  if (f.states) q = q.where('state', 'in', f.states);
  if (f.assignedTo === null) q = q.where('assigned_to', 'is', null);
  else if (f.assignedTo) q = q.where('assigned_to', '=', f.assignedTo);
  if (f.inactiveBefore) q = q.where('last_activity_on', '<', f.inactiveBefore);
  if (f.personIds) q = f.personIds.length ? q.where('person_id', 'in', f.personIds) : q.where(sql<boolean>`1 = 0`);
  if (f.caseIds) q = q.where('id', 'in', f.caseIds);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('last_activity_on', '>', after.lastActivityOn),
        eb.and([eb('last_activity_on', '=', after.lastActivityOn), eb('id', '>', after.id)]),
      ]),
    );
  return q
    .orderBy('last_activity_on')
    .orderBy('id')
    .limit(limit + 1)
    .execute();
};

/** Which person each of these cases of one organisation is about (others' cases are left out). */
export const listCasePersonsIn = (db: Queryable, organisationId: string, caseIds: string[]) =>
  caseIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('cases')
        .select(['id', 'person_id'])
        .where('organisation_id', '=', organisationId)
        .where('id', 'in', caseIds)
        .execute();

/** The persons of one organisation's cases, as a subquery (for a search scoped to it). */
export const personsOfOrganisation = (db: Queryable, organisationId: string) =>
  db.selectFrom('cases').select('person_id').where('organisation_id', '=', organisationId);

export const listCasesOfRequester = (db: Queryable, userId: string) =>
  db
    .selectFrom('cases')
    .select(['id', 'person_id', 'state', 'opened_on', 'last_activity_on'])
    .where('requester_user_id', '=', userId)
    .orderBy('opened_on', 'desc')
    .execute();

/** What the policy and the lifecycle need of each of an account's cases (erasing them all). */
export const listCaseRefsOfRequester = (db: Queryable, userId: string) =>
  db
    .selectFrom('cases')
    .select(['id', 'organisation_id', 'requester_user_id', 'person_id', 'state'])
    .where('requester_user_id', '=', userId)
    .execute();

export const countRows = async (db: Queryable, table: 'cases' | 'events'): Promise<number> =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
