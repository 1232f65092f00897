import { SqliteAdapter, sql } from 'kysely';
import type { Db, Queryable } from '../db/database.ts';
import type { TipState } from './tip-lifecycle.ts';
import type { TipPostsTable, TipSessionsTable, TipsTable } from './tips.table.ts';

// Queries only; the rules are in the tips services. Every list selects named columns.

export const insertTip = async (db: Queryable, row: TipsTable) => {
  await db.insertInto('tips').values(row).execute();
};

export const lookupIdTaken = async (db: Queryable, lookupId: string): Promise<boolean> =>
  !!(await db.selectFrom('tips').select('id').where('lookup_id', '=', lookupId).executeTakeFirst());

export const findTipRef = (db: Queryable, id: string) =>
  db.selectFrom('tips').select(['id', 'organisation_id', 'state']).where('id', '=', id).executeTakeFirst();

export const findTipByLookup = (db: Queryable, lookupId: string) =>
  db
    .selectFrom('tips')
    .select(['id', 'code_salt', 'code_verifier', 'key_code_sealed'])
    .where('lookup_id', '=', lookupId)
    .executeTakeFirst();

export const findTip = (db: Queryable, id: string) =>
  db
    .selectFrom('tips')
    .select([
      'id',
      'organisation_id',
      'key_org_sealed',
      'content_sealed',
      'links_sealed',
      'state',
      'close_reason',
      'sender_wrote',
      'reply_unseen',
      'received_on',
      'last_activity_on',
      'closed_on',
    ])
    .where('id', '=', id)
    .executeTakeFirst();

type TipPatch = Partial<
  Pick<
    TipsTable,
    'state' | 'close_reason' | 'closed_on' | 'last_activity_on' | 'sender_wrote' | 'reply_unseen' | 'links_sealed'
  >
>;

/** Changes the tip only if it is in one of the states `from` (one statement: race-safe). */
export const transitionTip = async (
  db: Queryable,
  id: string,
  from: readonly TipState[],
  patch: TipPatch,
): Promise<boolean> => {
  const result = await db
    .updateTable('tips')
    .set(patch)
    .where('id', '=', id)
    .where('state', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
};

export const updateTipFlags = async (
  db: Queryable,
  id: string,
  patch: Pick<TipPatch, 'sender_wrote' | 'reply_unseen'>,
): Promise<void> => {
  await db.updateTable('tips').set(patch).where('id', '=', id).execute();
};

export interface TipCursor {
  lastActivityOn: string;
  id: string;
}

export const listTipsOfOrganisation = (
  db: Queryable,
  f: { organisationId: string; states: readonly TipState[]; senderWrote?: boolean },
  limit: number,
  after?: TipCursor,
) => {
  let q = db
    .selectFrom('tips')
    .select([
      'id',
      'organisation_id',
      'key_org_sealed',
      'content_sealed',
      'state',
      'sender_wrote',
      'received_on',
      'last_activity_on',
    ])
    .where('organisation_id', '=', f.organisationId)
    .where('state', 'in', f.states);
  if (f.senderWrote) q = q.where('sender_wrote', '=', 1);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('last_activity_on', '<', after.lastActivityOn),
        eb.and([eb('last_activity_on', '=', after.lastActivityOn), eb('id', '<', after.id)]),
      ]),
    );
  return q.orderBy('last_activity_on', 'desc').orderBy('id', 'desc').limit(limit).execute();
};

export const countTipsOfOrganisation = async (
  db: Queryable,
  organisationId: string,
  f: { states: readonly TipState[]; senderWrote?: boolean },
): Promise<number> => {
  let q = db
    .selectFrom('tips')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('state', 'in', f.states);
  if (f.senderWrote) q = q.where('sender_wrote', '=', 1);
  return Number((await q.executeTakeFirstOrThrow()).n);
};

export const countAllTips = async (db: Queryable): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('tips')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

// ---- posts: the sender's additions and staff replies ----------------------------------------

export const insertTipPost = async (db: Queryable, row: TipPostsTable): Promise<void> => {
  await db.insertInto('tip_posts').values(row).execute();
};

export const nextTipSeq = async (db: Queryable, tipId: string): Promise<number> => {
  const row = await db
    .selectFrom('tip_posts')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('tip_id', '=', tipId)
    .executeTakeFirst();
  return Number(row?.m ?? 0) + 1;
};

/** The newest `limit` posts before `beforeSeq` (all when absent), newest first. */
export const listTipPosts = (db: Queryable, tipId: string, limit: number, beforeSeq?: number) => {
  let q = db
    .selectFrom('tip_posts')
    .select(['id', 'seq', 'from_sender', 'author_user_id', 'body_sealed', 'file_id', 'created_at'])
    .where('tip_id', '=', tipId);
  if (beforeSeq !== undefined) q = q.where('seq', '<', beforeSeq);
  return q.orderBy('seq', 'desc').limit(limit).execute();
};

// ---- the sender's visits -------------------------------------------------------------------

export const insertTipSession = async (db: Queryable, row: TipSessionsTable): Promise<void> => {
  await db.insertInto('tip_sessions').values(row).execute();
};

export const findTipSession = (db: Queryable, idHash: string) =>
  db
    .selectFrom('tip_sessions')
    .select(['id_hash', 'tip_id', 'key_sealed', 'code_sealed', 'created_at', 'last_seen_at'])
    .where('id_hash', '=', idHash)
    .executeTakeFirst();

export const updateTipSession = async (
  db: Queryable,
  idHash: string,
  patch: Partial<Pick<TipSessionsTable, 'last_seen_at' | 'code_sealed'>>,
): Promise<void> => {
  await db.updateTable('tip_sessions').set(patch).where('id_hash', '=', idHash).execute();
};

export const deleteTipSession = async (db: Queryable, idHash: string): Promise<void> => {
  await db.deleteFrom('tip_sessions').where('id_hash', '=', idHash).execute();
};

export const deleteTipSessionsBefore = async (
  db: Queryable,
  cut: { createdBefore: string; lastSeenBefore: string },
): Promise<number> => {
  const r = await db
    .deleteFrom('tip_sessions')
    .where((eb) => eb.or([eb('created_at', '<', cut.createdBefore), eb('last_seen_at', '<', cut.lastSeenBefore)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
};

// ---- destruction: the sender's deletion and retention --------------------------------------

/** Children first (foreign keys), then the tip. Returns what went, for the retention report. */
export const destroyTipRows = async (db: Queryable, tipId: string): Promise<{ posts: number }> => {
  await db.deleteFrom('tip_sessions').where('tip_id', '=', tipId).execute();
  const posts = await db.deleteFrom('tip_posts').where('tip_id', '=', tipId).executeTakeFirst();
  await db.deleteFrom('tips').where('id', '=', tipId).execute();
  return { posts: Number(posts.numDeletedRows) };
};

/**
 * After a tip was destroyed (deleted by its sender, purged): on SQLite the write-ahead log still
 * holds the pages as they were, key wraps and ciphertexts among them, until a checkpoint; TRUNCATE
 * copies and empties it (secure_delete zeroes the freed pages of the main file). False when a
 * reader held the log (the next tips job empties it).
 */
export const flushDestroyedTips = async (db: Db): Promise<boolean> => {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return true;
  const r = await sql<{ busy: number }>`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
  return Number(r.rows[0]?.busy ?? 1) === 0;
};

/** Closed on or before `cutoff`: due for retention. */
export const listExpiredTips = (db: Queryable, cutoff: string) =>
  db
    .selectFrom('tips')
    .select(['id', 'organisation_id', 'state'])
    .where('state', '=', 'closed')
    .where('closed_on', '<=', cutoff)
    .execute();

/** The organisation's key wraps of every tip, for an organisation key rotation. */
export const listOrganisationTipWraps = (db: Queryable, organisationId: string) =>
  db.selectFrom('tips').select(['id', 'key_org_sealed']).where('organisation_id', '=', organisationId).execute();

export const updateTipOrgWrap = async (db: Queryable, id: string, wrapped: string): Promise<void> => {
  await db.updateTable('tips').set({ key_org_sealed: wrapped }).where('id', '=', id).execute();
};
