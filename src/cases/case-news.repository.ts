import type { Queryable } from '../db/database.ts';
import type { CaseNewsTable } from './cases.table.ts';

// Queries for case news. Rules (who gets which news, when it counts as seen) are in
// case-news.service.ts.

type Audience = CaseNewsTable['audience'];

export const insertNews = async (db: Queryable, rows: CaseNewsTable[]): Promise<void> => {
  if (rows.length) await db.insertInto('case_news').values(rows).execute();
};

export const listUnseenNews = (db: Queryable, caseId: string, audience: Audience) =>
  db
    .selectFrom('case_news')
    .select(['id', 'kind', 'ref_id', 'created_on'])
    .where('case_id', '=', caseId)
    .where('audience', '=', audience)
    .where('seen', '=', 0)
    .orderBy('created_on')
    .orderBy('id')
    .execute();

export const markNewsSeen = async (db: Queryable, ids: string[]): Promise<void> => {
  if (ids.length) await db.updateTable('case_news').set({ seen: 1 }).where('id', 'in', ids).execute();
};

/** Unseen news per case for one side, optionally of some kinds only (lists: one query). */
export const countUnseenNews = (db: Queryable, caseIds: string[], audience: Audience, kinds?: string[]) => {
  if (caseIds.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('case_news')
    .select(['case_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('case_id', 'in', caseIds)
    .where('audience', '=', audience)
    .where('seen', '=', 0);
  if (kinds) q = q.where('kind', 'in', kinds);
  return q.groupBy('case_id').execute();
};

/** Whether a news item about `refId` was put in the case for `audience`, and whether it was seen. */
export const findNewsAbout = (db: Queryable, caseId: string, audience: Audience, refId: string) =>
  db
    .selectFrom('case_news')
    .select(['id', 'kind', 'seen', 'created_on'])
    .where('case_id', '=', caseId)
    .where('audience', '=', audience)
    .where('ref_id', '=', refId)
    .orderBy('created_on')
    .execute();

/** The cases of an organisation with unseen news of these kinds for staff (a queue filter). */
export const casesWithUnseen = (db: Queryable, audience: Audience, kinds: string[]) =>
  db
    .selectFrom('case_news')
    .select('case_id')
    .where('audience', '=', audience)
    .where('seen', '=', 0)
    .where('kind', 'in', kinds);

export const deleteNewsOfCase = async (db: Queryable, caseId: string): Promise<number> =>
  Number((await db.deleteFrom('case_news').where('case_id', '=', caseId).executeTakeFirst()).numDeletedRows);

/** News of one kind about one item, for both sides (an attached file removed: nothing left to look at). */
export const deleteNewsAbout = async (db: Queryable, caseId: string, kind: string, refId: string): Promise<void> => {
  await db
    .deleteFrom('case_news')
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .where('ref_id', '=', refId)
    .execute();
};
