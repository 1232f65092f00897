import type { Queryable } from '../db/database.ts';

// The first-run setup token lives in the meta table under one key, as JSON holding only the
// token's hash and its expiry (first-run.service.ts holds the rules).

const SETUP_TOKEN_KEY = 'accounts/setup-token';

export const findSetupToken = async (db: Queryable): Promise<string | undefined> =>
  (await db.selectFrom('meta').select('value').where('key', '=', SETUP_TOKEN_KEY).executeTakeFirst())?.value;

/**
 * The setup token, replacing any earlier one, in one statement: two processes starting together
 * each replace it, and the last one written stands (a delete, then an insert, let the second
 * insert meet the first one's row).
 */
export const replaceSetupToken = async (db: Queryable, value: string): Promise<void> => {
  await db
    .insertInto('meta')
    .values({ key: SETUP_TOKEN_KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
};

/** False when there was none (another request took it first). */
export const deleteSetupToken = async (db: Queryable): Promise<boolean> =>
  Number((await db.deleteFrom('meta').where('key', '=', SETUP_TOKEN_KEY).executeTakeFirst()).numDeletedRows) === 1;
