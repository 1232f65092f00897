import type { Queryable } from '../db/database.ts';
import { MINUTE, type Clock } from '../shared/clock.ts';
import { hashToken } from '../shared/crypto/index.ts';

// Per-account attempt counters. Keyed by a hash of the account name (or user id), the same way
// whether or not the account exists, so a lockout reveals nothing about existence. Never per IP.

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * MINUTE;
export const LOCKOUT_MS = 15 * MINUTE;

export type ThrottlePurpose = 'login' | 'recover' | 'totp' | 'reauth';

export const throttleKey = (purpose: ThrottlePurpose, account: string): string => `${purpose}:${hashToken(account)}`;

export const isLocked = async (db: Queryable, key: string, clock: Clock): Promise<boolean> => {
  const row = await db.selectFrom('attempt_counters').select('locked_until').where('key', '=', key).executeTakeFirst();
  return !!row?.locked_until && row.locked_until > clock.now().toISOString();
};

export const recordFailure = async (db: Queryable, key: string, clock: Clock): Promise<void> => {
  const now = clock.now();
  const row = await db.selectFrom('attempt_counters').selectAll().where('key', '=', key).executeTakeFirst();
  const windowOpen = row && now.getTime() - Date.parse(row.window_started_at) < WINDOW_MS;
  const failures = windowOpen ? row.failures + 1 : 1;
  const lockedUntil = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCKOUT_MS).toISOString() : null;
  const values = {
    failures,
    window_started_at: windowOpen ? row.window_started_at : now.toISOString(),
    locked_until: lockedUntil,
  };
  if (row) {
    await db.updateTable('attempt_counters').set(values).where('key', '=', key).execute();
    return;
  }
  try {
    await db
      .insertInto('attempt_counters')
      .values({ key, ...values })
      .execute();
  } catch (err) {
    // Two failures for a new key at once: the other request inserted the row; count this one too.
    if (
      !(await db
        .selectFrom('attempt_counters')
        .select('key')
        .where('key', '=', key)
        .executeTakeFirst()
        .catch(() => undefined))
    )
      throw err;
    await db
      .updateTable('attempt_counters')
      .set((eb) => ({ failures: eb('failures', '+', 1) }))
      .where('key', '=', key)
      .execute();
  }
};

export const clearFailures = async (db: Queryable, key: string): Promise<void> => {
  await db.deleteFrom('attempt_counters').where('key', '=', key).execute();
};

/** Expired counters are deleted so typed account names do not linger (even hashed). */
export const purgeExpiredCounters = async (db: Queryable, clock: Clock): Promise<void> => {
  const cutoff = new Date(clock.now().getTime() - Math.max(WINDOW_MS, LOCKOUT_MS)).toISOString();
  await db
    .deleteFrom('attempt_counters')
    .where('window_started_at', '<', cutoff)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', clock.now().toISOString())]))
    .execute();
};
