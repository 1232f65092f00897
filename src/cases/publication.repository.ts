import type { Queryable } from '../db/database.ts';
import { ACTIVE_STATES } from './case-lifecycle.ts';
import { clearedSeqOfCase } from './cases.repository.ts';

// What the public registry may learn from the cases domain, through publication-facts.service.ts:
// clear columns only (the timeline's structure, the cases' organisation and state, the family's
// "do not publish" choice). Never a sealed column, never the requester.

/** Every event about a person, whichever case it came from (or none: a fact kept after a purge). */
export const listTimelineOfPerson = (db: Queryable, personId: string) =>
  db
    .selectFrom('events')
    .select([
      'id',
      'case_id',
      'kind',
      'event_date',
      'date_precision',
      'place',
      'source',
      'verification',
      'added_by_family',
      'report_seq',
      clearedSeqOfCase,
    ])
    .where('person_id', '=', personId)
    .orderBy('event_date')
    .orderBy('id')
    .execute();

export const listCasesOfPerson = (db: Queryable, personId: string) =>
  db
    .selectFrom('cases')
    .select(['id', 'organisation_id', 'state', 'do_not_publish'])
    .where('person_id', '=', personId)
    .orderBy('id')
    .execute();

export const findCaseForRegistry = (db: Queryable, caseId: string) =>
  db
    .selectFrom('cases')
    .select(['id', 'organisation_id', 'person_id', 'state', 'do_not_publish'])
    .where('id', '=', caseId)
    .executeTakeFirst();

export const setDoNotPublishRow = async (db: Queryable, caseId: string, value: 0 | 1): Promise<void> => {
  await db.updateTable('cases').set({ do_not_publish: value }).where('id', '=', caseId).execute();
};

/** The cases of one organisation with their person (for the registry desk's candidates). */
export const listCasesOfOrganisation = (db: Queryable, organisationId: string) =>
  db
    .selectFrom('cases')
    .select(['id', 'person_id', 'state', 'do_not_publish'])
    .where('organisation_id', '=', organisationId)
    .orderBy('opened_on')
    .orderBy('id')
    .execute();

/** The persons with an open tracing request (open or waiting on the family), as a subquery. */
export const personsOfActiveCases = (db: Queryable) =>
  db.selectFrom('cases').select('person_id').where('state', 'in', ACTIVE_STATES);
