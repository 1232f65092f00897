import type { Queryable } from '../db/database.ts';
import type { CaseState } from '../cases/case-lifecycle.ts';
import type { AppealState } from './appeal-lifecycle.ts';
import type {
  AppealStepsTable,
  AppealsTable,
  AppealTemplatesTable,
  AuthoritiesTable,
  CollectiveAppealsTable,
} from './appeals.table.ts';

// Queries for appeals, the directory and the templates. Rules are in the services.

export const insertAppeal = async (db: Queryable, row: AppealsTable): Promise<void> => {
  await db.insertInto('appeals').values(row).execute();
};

export const findAppeal = (db: Queryable, id: string) =>
  db.selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirst();

/** The sealed letters of some appeals, for a list that shows a field of each. */
export const listLetters = (db: Queryable, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('appeals').select(['id', 'letter_sealed']).where('id', 'in', ids).execute();

export const listAppealsOfCase = (db: Queryable, caseId: string) =>
  db.selectFrom('appeals').selectAll().where('case_id', '=', caseId).orderBy('created_on').orderBy('id').execute();

/** A step of the lifecycle: one conditional update, so a race lets only one through. */
export const updateAppealIf = async (
  db: Queryable,
  id: string,
  from: readonly AppealState[],
  set: Partial<AppealsTable>,
): Promise<boolean> =>
  Number(
    (
      await db
        .updateTable('appeals')
        .set(set)
        .where('id', '=', id)
        .where('state', 'in', [...from])
        .executeTakeFirst()
    ).numUpdatedRows,
  ) > 0;

export const deleteAppealIf = async (db: Queryable, id: string, from: readonly AppealState[]): Promise<boolean> =>
  Number(
    (
      await db
        .deleteFrom('appeals')
        .where('id', '=', id)
        .where('state', 'in', [...from])
        .executeTakeFirst()
    ).numDeletedRows,
  ) > 0;

export const insertStep = async (db: Queryable, row: AppealStepsTable): Promise<void> => {
  await db.insertInto('appeal_steps').values(row).execute();
};

export const nextStepSeq = async (db: Queryable, appealId: string): Promise<number> => {
  const r = await db
    .selectFrom('appeal_steps')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('appeal_id', '=', appealId)
    .executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
};

export const listSteps = (db: Queryable, appealId: string) =>
  db.selectFrom('appeal_steps').selectAll().where('appeal_id', '=', appealId).orderBy('seq').execute();

/** Appeals waiting for an answer whose answer day is before `today` (the overdue job). */
export const listLate = (
  db: Queryable,
  waiting: readonly AppealState[],
  today: string,
  activeCases: readonly CaseState[],
) =>
  db
    .selectFrom('appeals')
    .innerJoin('cases', 'cases.id', 'appeals.case_id')
    .select(['appeals.id', 'appeals.case_id', 'appeals.state'])
    .where('appeals.state', 'in', [...waiting])
    .where('appeals.answer_by', '<', today)
    .where('cases.state', 'in', [...activeCases])
    .orderBy('appeals.answer_by')
    .execute();

/** An organisation's appeals that are overdue or due by `until` (the staff list): clear columns only. */
export const listDueInOrganisation = (
  db: Queryable,
  organisationId: string,
  states: readonly AppealState[],
  until: string,
  activeCases: readonly CaseState[],
) =>
  db
    .selectFrom('appeals')
    .innerJoin('cases', 'cases.id', 'appeals.case_id')
    .select([
      'appeals.id',
      'appeals.case_id',
      'appeals.state',
      'appeals.sent_on',
      'appeals.channel',
      'appeals.answer_by',
      'appeals.deadline_estimated',
      'appeals.overdue_on',
      'cases.person_id',
    ])
    .where('cases.organisation_id', '=', organisationId)
    .where('cases.state', 'in', [...activeCases])
    .where((eb) =>
      eb.or([
        eb('appeals.state', '=', 'overdue'),
        eb.and([eb('appeals.state', 'in', [...states]), eb('appeals.answer_by', '<=', until)]),
      ]),
    )
    .orderBy('appeals.answer_by')
    .limit(500)
    .execute();

export const overdueCaseIds = async (db: Queryable, caseIds: string[]): Promise<Set<string>> =>
  caseIds.length === 0
    ? new Set()
    : new Set(
        (
          await db
            .selectFrom('appeals')
            .select('case_id')
            .where('case_id', 'in', caseIds)
            .where('state', '=', 'overdue')
            .execute()
        ).map((r) => r.case_id),
      );

export const countByState = (db: Queryable) =>
  db
    .selectFrom('appeals')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('state')
    .execute();

export const findSender = (db: Queryable, caseId: string) =>
  db.selectFrom('appeal_senders').select('details_sealed').where('case_id', '=', caseId).executeTakeFirst();

export const saveSender = async (db: Queryable, caseId: string, sealed: string | null): Promise<void> => {
  await db.deleteFrom('appeal_senders').where('case_id', '=', caseId).execute();
  if (sealed) await db.insertInto('appeal_senders').values({ case_id: caseId, details_sealed: sealed }).execute();
};

// ---- directory and templates ------------------------------------------------------------

export const listAuthorities = (db: Queryable) =>
  db.selectFrom('authorities').selectAll().orderBy('kind').orderBy('name').execute();

export const findAuthority = (db: Queryable, id: string) =>
  db.selectFrom('authorities').selectAll().where('id', '=', id).executeTakeFirst();

export const upsertAuthority = async (db: Queryable, row: AuthoritiesTable, isNew: boolean): Promise<void> => {
  if (isNew) await db.insertInto('authorities').values(row).execute();
  else await db.updateTable('authorities').set(row).where('id', '=', row.id).execute();
};

/** The current version of every template. */
export const listCurrentTemplates = async (db: Queryable) => {
  const rows = await db.selectFrom('appeal_templates').selectAll().orderBy('key').orderBy('version', 'desc').execute();
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.key) ? false : (seen.add(r.key), true)));
};

export const listTemplateVersions = (db: Queryable, key: string) =>
  db
    .selectFrom('appeal_templates')
    .select(['id', 'version', 'updated_at', 'updated_by'])
    .where('key', '=', key)
    .orderBy('version', 'desc')
    .execute();

/** Every version's text of one template (a letter's lines are read against all of them). */
export const listTemplateBodies = async (db: Queryable, key: string): Promise<string[]> =>
  (await db.selectFrom('appeal_templates').select('body').where('key', '=', key).distinct().execute()).map(
    (r) => r.body,
  );

export const insertTemplate = async (db: Queryable, row: AppealTemplatesTable): Promise<void> => {
  await db.insertInto('appeal_templates').values(row).execute();
};

// ---- collective appeals -------------------------------------------------------------------

export const insertCollective = async (db: Queryable, row: CollectiveAppealsTable): Promise<void> => {
  await db.insertInto('collective_appeals').values(row).execute();
};

export const findCollective = (db: Queryable, id: string) =>
  db.selectFrom('collective_appeals').selectAll().where('id', '=', id).executeTakeFirst();

export const listCollectives = (db: Queryable, organisationId: string) =>
  db
    .selectFrom('collective_appeals')
    .select(['id', 'state', 'created_at'])
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at', 'desc')
    .execute();

export const membersOfCollective = (db: Queryable, collectiveId: string) =>
  db
    .selectFrom('appeals')
    .select([
      'id',
      'case_id',
      'state',
      'signed_on',
      'signature_sealed',
      'letter_sealed',
      'answer_by',
      'deadline_estimated',
    ])
    .where('collective_id', '=', collectiveId)
    .orderBy('id')
    .execute();

export const setCollectiveState = async (db: Queryable, id: string, from: string, to: string): Promise<boolean> =>
  Number(
    (
      await db
        .updateTable('collective_appeals')
        .set({ state: to })
        .where('id', '=', id)
        .where('state', '=', from)
        .executeTakeFirst()
    ).numUpdatedRows,
  ) > 0;
