import type { Queryable } from '../db/database.ts';
import type { AttemptCounterRow } from './accounts.table.ts';

// Queries on the attempt counters (throttle.service.ts holds the rules: window, limit, lockout).

type CounterValues = Omit<AttemptCounterRow, 'key'>;

export const findCounterLock = (db: Queryable, key: string) =>
  db.selectFrom('attempt_counters').select('locked_until').where('key', '=', key).executeTakeFirst();

export const findCounter = (db: Queryable, key: string) =>
  db
    .selectFrom('attempt_counters')
    .select(['failures', 'window_started_at', 'locked_until'])
    .where('key', '=', key)
    .executeTakeFirst();

export const counterExists = async (db: Queryable, key: string): Promise<boolean> =>
  !!(await db.selectFrom('attempt_counters').select('key').where('key', '=', key).executeTakeFirst());

export const insertCounter = async (db: Queryable, key: string, values: CounterValues): Promise<void> => {
  await db
    .insertInto('attempt_counters')
    .values({ key, ...values })
    .execute();
};

export const updateCounter = async (db: Queryable, key: string, values: CounterValues): Promise<void> => {
  await db.updateTable('attempt_counters').set(values).where('key', '=', key).execute();
};

/** One more failure, counted in the database (for a row another request has just inserted). */
export const incrementCounter = async (db: Queryable, key: string): Promise<void> => {
  await db
    .updateTable('attempt_counters')
    .set((eb) => ({ failures: eb('failures', '+', 1) }))
    .where('key', '=', key)
    .execute();
};

export const deleteCounter = async (db: Queryable, key: string): Promise<void> => {
  await db.deleteFrom('attempt_counters').where('key', '=', key).execute();
};

/** Counters whose window started before `windowCutoff` and that are not locked past `now`. */
export const deleteCountersBefore = async (db: Queryable, windowCutoff: string, now: string): Promise<void> => {
  await db
    .deleteFrom('attempt_counters')
    .where('window_started_at', '<', windowCutoff)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .execute();
};
