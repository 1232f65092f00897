import { PostgresAdapter, type Insertable } from 'kysely';
import type { Queryable, Tx } from '../db/database.ts';
import type { CohortExitsTable, CohortPostsTable } from './cohorts.table.ts';

// Queries of cohorts and their boards (cohorts.service.ts holds the rules).

export const findOptIn = (db: Queryable, caseId: string) =>
  db.selectFrom('cohort_optins').selectAll().where('case_id', '=', caseId).executeTakeFirst();

export const insertOptIn = async (
  db: Queryable,
  row: { case_id: string; organisation_id: string; opted_in_on: string },
) => {
  await db.insertInto('cohort_optins').values(row).execute();
};

export const deleteOptIn = async (db: Queryable, caseId: string): Promise<void> => {
  await db.deleteFrom('cohort_key_wraps').where('case_id', '=', caseId).execute();
  // A label stays while the family's posts show it (no newcomer may take it); one nobody but the
  // family ever saw goes with its keys.
  await db
    .deleteFrom('cohort_labels')
    .where('case_id', '=', caseId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('cohort_posts')
            .select('cohort_posts.id')
            .whereRef('cohort_posts.board_id', '=', 'cohort_labels.board_id')
            .whereRef('cohort_posts.author_user_id', '=', 'cohort_labels.user_id'),
        ),
      ),
    )
    .execute();
  await db.deleteFrom('cohort_optins').where('case_id', '=', caseId).execute();
};

export const listOptInCases = async (db: Queryable, organisationId: string): Promise<string[]> =>
  (await db.selectFrom('cohort_optins').select('case_id').where('organisation_id', '=', organisationId).execute()).map(
    (r) => r.case_id,
  );

export const findBoard = (db: Queryable, id: string) =>
  db.selectFrom('cohort_boards').selectAll().where('id', '=', id).executeTakeFirst();

export const findBoardByKey = (db: Queryable, organisationId: string, cohortKey: string) =>
  db
    .selectFrom('cohort_boards')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('cohort_key', '=', cohortKey)
    .executeTakeFirst();

export const listBoards = (db: Queryable, organisationId: string) =>
  db
    .selectFrom('cohort_boards')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at')
    .orderBy('cohort_key')
    .execute();

export const insertBoard = async (
  db: Queryable,
  row: { id: string; organisation_id: string; cohort_key: string; key_sealed: string; created_at: string },
): Promise<void> => {
  await db.insertInto('cohort_boards').values(row).execute();
};

export const setBoardKey = async (db: Queryable, id: string, keySealed: string): Promise<void> => {
  await db.updateTable('cohort_boards').set({ key_sealed: keySealed }).where('id', '=', id).execute();
};

/** A new board key: sealed to the organisation, with the labels' root sealed under it. */
export const setBoardKeys = async (
  db: Queryable,
  id: string,
  keys: { key_sealed: string; label_root_sealed: string; key_copies: number },
): Promise<void> => {
  await db.updateTable('cohort_boards').set(keys).where('id', '=', id).execute();
};

/**
 * Whether a family copy of the board's current key went without the key being replaced: its
 * case was destroyed (retention, or the family deleting its account) and took the copy with it.
 */
export const keyCopyLost = async (db: Queryable, boardId: string): Promise<boolean> => {
  const row = await db
    .selectFrom('cohort_boards')
    .select((eb) => [
      'key_copies',
      eb
        .selectFrom('cohort_key_wraps')
        .select((w) => w.fn.countAll<number>().as('n'))
        .where('cohort_key_wraps.board_id', '=', boardId)
        .as('held'),
    ])
    .where('id', '=', boardId)
    .executeTakeFirst();
  return row !== undefined && Number(row.held) < Number(row.key_copies);
};

/** Every family copy of a board's key. */
export const listWraps = (db: Queryable, boardId: string) =>
  db.selectFrom('cohort_key_wraps').select(['case_id', 'user_id']).where('board_id', '=', boardId).execute();

/** A case's copies of board keys, on every board. */
export const listWrapsOfCase = (db: Queryable, caseId: string) =>
  db.selectFrom('cohort_key_wraps').select(['board_id', 'wrapped']).where('case_id', '=', caseId).execute();

export const setWrap = async (db: Queryable, boardId: string, caseId: string, wrapped: string): Promise<void> => {
  await db
    .updateTable('cohort_key_wraps')
    .set({ wrapped })
    .where('board_id', '=', boardId)
    .where('case_id', '=', caseId)
    .execute();
};

/** Every post's sealed body on a board (null: its text was purged). */
export const listPostBodies = (db: Queryable, boardId: string) =>
  db.selectFrom('cohort_posts').select(['id', 'body_sealed']).where('board_id', '=', boardId).execute();

export const setPostBody = async (db: Queryable, id: string, bodySealed: string): Promise<void> => {
  await db.updateTable('cohort_posts').set({ body_sealed: bodySealed }).where('id', '=', id).execute();
};

export const setNameSealed = async (db: Queryable, boardId: string, userId: string, sealed: string): Promise<void> => {
  await db
    .updateTable('cohort_names')
    .set({ name_sealed: sealed })
    .where('board_id', '=', boardId)
    .where('user_id', '=', userId)
    .execute();
};

export const findWrap = (db: Queryable, boardId: string, caseId: string) =>
  db
    .selectFrom('cohort_key_wraps')
    .select(['wrapped', 'user_id'])
    .where('board_id', '=', boardId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();

export const listWrappedCases = async (db: Queryable, boardId: string): Promise<Set<string>> =>
  new Set(
    (await db.selectFrom('cohort_key_wraps').select('case_id').where('board_id', '=', boardId).execute()).map(
      (r) => r.case_id,
    ),
  );

/** The cases holding a copy of a board's key, for every board of an organisation in one query (the staff queue's look). */
export const listWrappedCasesOfOrganisation = async (
  db: Queryable,
  organisationId: string,
): Promise<Map<string, Set<string>>> => {
  const rows = await db
    .selectFrom('cohort_key_wraps')
    .innerJoin('cohort_boards', 'cohort_boards.id', 'cohort_key_wraps.board_id')
    .select(['cohort_key_wraps.board_id', 'cohort_key_wraps.case_id'])
    .where('cohort_boards.organisation_id', '=', organisationId)
    .execute();
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = out.get(r.board_id) ?? new Set<string>();
    set.add(r.case_id);
    out.set(r.board_id, set);
  }
  return out;
};

export const insertWrap = async (
  db: Queryable,
  row: { board_id: string; case_id: string; user_id: string; wrapped: string },
): Promise<void> => {
  await db.insertInto('cohort_key_wraps').values(row).execute();
  // Counted, so that a copy going with its destroyed case shows (keyCopyLost).
  await db
    .updateTable('cohort_boards')
    .set((eb) => ({ key_copies: eb('key_copies', '+', 1) }))
    .where('id', '=', row.board_id)
    .execute();
};

export const nextPostSeq = async (db: Queryable, boardId: string): Promise<number> => {
  const row = await db
    .selectFrom('cohort_posts')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('board_id', '=', boardId)
    .executeTakeFirst();
  return Number(row?.m ?? 0) + 1;
};

export const insertPost = async (db: Queryable, row: Insertable<CohortPostsTable>): Promise<void> => {
  await db.insertInto('cohort_posts').values(row).execute();
};

export const listPosts = (db: Queryable, boardId: string) =>
  db.selectFrom('cohort_posts').selectAll().where('board_id', '=', boardId).orderBy('seq').execute();

export const findPost = (db: Queryable, id: string) =>
  db
    .selectFrom('cohort_posts')
    .select(['id', 'board_id', 'case_id', 'hidden_at', 'author_user_id', 'from_family'])
    .where('id', '=', id)
    .executeTakeFirst();

export const setPostHidden = async (
  db: Queryable,
  id: string,
  hidden: { reason: string; by: string; at: string } | null,
): Promise<boolean> => {
  const r = await db
    .updateTable('cohort_posts')
    .set(
      hidden
        ? { hidden_reason: hidden.reason, hidden_by: hidden.by, hidden_at: hidden.at }
        : { hidden_reason: null, hidden_by: null, hidden_at: null },
    )
    .where('id', '=', id)
    .where('hidden_at', hidden ? 'is' : 'is not', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
};

/**
 * Holds the board row until the transaction ends (a family choosing a name checks the others'
 * names first; labels are given after reading those held). PostgreSQL: `FOR UPDATE`; a SQLite transaction holds the one writer's lock from
 * its start (database.ts begins every one IMMEDIATE).
 */
export const lockBoardRow = async (tx: Tx, id: string): Promise<void> => {
  if (tx.getExecutor().adapter instanceof PostgresAdapter)
    await tx.selectFrom('cohort_boards').select('id').where('id', '=', id).forUpdate().execute();
};

export const listNames = (db: Queryable, boardId: string) =>
  db.selectFrom('cohort_names').select(['user_id', 'name_sealed']).where('board_id', '=', boardId).execute();

/** A family's name on a board, sealed, with the case it was chosen through. */
export const findName = (db: Queryable, boardId: string, userId: string) =>
  db
    .selectFrom('cohort_names')
    .select(['case_id', 'name_sealed'])
    .where('board_id', '=', boardId)
    .where('user_id', '=', userId)
    .executeTakeFirst();

export const deleteName = async (db: Queryable, boardId: string, userId: string): Promise<boolean> => {
  const r = await db
    .deleteFrom('cohort_names')
    .where('board_id', '=', boardId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
};

export const insertName = async (
  db: Queryable,
  row: { board_id: string; user_id: string; case_id: string; name_sealed: string; set_on: string },
): Promise<void> => {
  await db.insertInto('cohort_names').values(row).execute();
};

/** The label candidate each labelled family of a board holds (family-names.ts). */
export const listLabels = async (db: Queryable, boardId: string): Promise<Map<string, number>> =>
  new Map(
    (await db.selectFrom('cohort_labels').select(['user_id', 'attempt']).where('board_id', '=', boardId).execute()).map(
      (r) => [r.user_id, Number(r.attempt)],
    ),
  );

export const insertLabels = async (
  db: Queryable,
  rows: Array<{ board_id: string; user_id: string; case_id: string; attempt: number }>,
): Promise<void> => {
  if (rows.length) await db.insertInto('cohort_labels').values(rows).execute();
};

export const insertNameReset = async (
  db: Queryable,
  row: { id: string; board_id: string; user_id: string; case_id: string; name_sealed: string | null; reset_on: string },
): Promise<void> => {
  await db
    .insertInto('cohort_name_resets')
    .values({ ...row, answered: 0 })
    .execute();
};

/** A family's names on a board that staff reset: what is kept of each, the day, whether answered. */
export const listNameResets = (db: Queryable, boardId: string, userId: string) =>
  db
    .selectFrom('cohort_name_resets')
    .select(['name_sealed', 'reset_on', 'answered'])
    .where('board_id', '=', boardId)
    .where('user_id', '=', userId)
    .orderBy('reset_on', 'desc')
    .execute();

/** The family saved its name on the board: the notices of its resets there go. */
export const answerNameResets = async (db: Queryable, boardId: string, userId: string): Promise<void> => {
  await db
    .updateTable('cohort_name_resets')
    .set({ answered: 1 })
    .where('board_id', '=', boardId)
    .where('user_id', '=', userId)
    .where('answered', '=', 0)
    .execute();
};

// ---- families off one board (migration 0061) --------------------------------------------------

/** Which families are off which boards of an organisation: one row per case. */
export const listExitsOfOrganisation = (db: Queryable, organisationId: string) =>
  db
    .selectFrom('cohort_exits')
    .innerJoin('cohort_boards', 'cohort_boards.id', 'cohort_exits.board_id')
    .select([
      'cohort_exits.id',
      'cohort_exits.board_id',
      'cohort_exits.user_id',
      'cohort_exits.case_id',
      'cohort_exits.side',
      'cohort_exits.reason',
      'cohort_exits.left_on',
    ])
    .where('cohort_boards.organisation_id', '=', organisationId)
    .orderBy('cohort_exits.left_on')
    .orderBy('cohort_exits.id')
    .execute();

export const listExitsOfFamily = (db: Queryable, boardId: string, userId: string) =>
  db
    .selectFrom('cohort_exits')
    .select(['id', 'case_id', 'side', 'reason', 'left_on'])
    .where('board_id', '=', boardId)
    .where('user_id', '=', userId)
    .execute();

export const findExit = (db: Queryable, id: string) =>
  db.selectFrom('cohort_exits').select(['id', 'board_id', 'user_id', 'side']).where('id', '=', id).executeTakeFirst();

export const insertExits = async (db: Queryable, rows: Insertable<CohortExitsTable>[]): Promise<void> => {
  if (rows.length) await db.insertInto('cohort_exits').values(rows).execute();
};

/** A family that had left on its own is removed by staff: its rows say so now. */
export const setExitsRemoved = async (
  db: Queryable,
  boardId: string,
  userId: string,
  removal: { reason: string; on: string },
): Promise<void> => {
  await db
    .updateTable('cohort_exits')
    .set({ side: 'staff', reason: removal.reason, left_on: removal.on })
    .where('board_id', '=', boardId)
    .where('user_id', '=', userId)
    .execute();
};

/** The family is back on the board: every row of its account there goes. */
export const deleteExits = async (db: Queryable, boardId: string, userId: string): Promise<number> => {
  const r = await db
    .deleteFrom('cohort_exits')
    .where('board_id', '=', boardId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
};

/** The family's copies of one board's key (its other boards keep theirs). */
export const deleteWrapsOf = async (db: Queryable, boardId: string, caseIds: string[]): Promise<void> => {
  if (caseIds.length)
    await db.deleteFrom('cohort_key_wraps').where('board_id', '=', boardId).where('case_id', 'in', caseIds).execute();
};

/** Hides a family's posts on a board that are not hidden yet (each keeps an earlier reason). */
export const hidePostsOf = async (
  db: Queryable,
  boardId: string,
  userId: string,
  hidden: { reason: string; by: string; at: string },
): Promise<number> => {
  const r = await db
    .updateTable('cohort_posts')
    .set({ hidden_reason: hidden.reason, hidden_by: hidden.by, hidden_at: hidden.at })
    .where('board_id', '=', boardId)
    .where('author_user_id', '=', userId)
    .where('from_family', '=', 1)
    .where('hidden_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
};

/** Shows again a family's posts on a board that were hidden for one of these reasons. */
export const restorePostsOf = async (
  db: Queryable,
  boardId: string,
  userId: string,
  reasons: string[],
): Promise<void> => {
  await db
    .updateTable('cohort_posts')
    .set({ hidden_reason: null, hidden_by: null, hidden_at: null })
    .where('board_id', '=', boardId)
    .where('author_user_id', '=', userId)
    .where('from_family', '=', 1)
    .where('hidden_reason', 'in', reasons)
    .execute();
};

export const countPostsOf = async (db: Queryable, boardId: string, userId: string): Promise<number> => {
  const r = await db
    .selectFrom('cohort_posts')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('board_id', '=', boardId)
    .where('author_user_id', '=', userId)
    .where('from_family', '=', 1)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
};
