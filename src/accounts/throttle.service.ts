import type { Queryable } from '../db/database.ts';
import { MINUTE, type Clock } from '../shared/clock.ts';
import { hashToken } from '../shared/crypto/index.ts';
import {
  counterExists,
  deleteCounter,
  deleteCountersBefore,
  findCounter,
  findCounterLock,
  incrementCounter,
  insertCounter,
  updateCounter,
} from './throttle.repository.ts';

// Per-account attempt counters. Keyed by a hash of the account name (or user id), the same way
// whether or not the account exists, so a lockout reveals nothing about existence. Never per IP.

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * MINUTE;
export const LOCKOUT_MS = 15 * MINUTE;

// 'receipt': a tip's receipt code, keyed by its lookup id (src/tips/tip-sender.service.ts);
// 'request_receipt': a registry request's, likewise (src/registry/request-receipt.service.ts).
export type ThrottlePurpose = 'login' | 'recover' | 'totp' | 'reauth' | 'receipt' | 'request_receipt';

export const throttleKey = (purpose: ThrottlePurpose, account: string): string => `${purpose}:${hashToken(account)}`;

export const isLocked = async (db: Queryable, key: string, clock: Clock): Promise<boolean> => {
  const row = await findCounterLock(db, key);
  return !!row?.locked_until && row.locked_until > clock.now().toISOString();
};

export const recordFailure = async (db: Queryable, key: string, clock: Clock): Promise<void> => {
  const now = clock.now();
  const row = await findCounter(db, key);
  const windowOpen = row && now.getTime() - Date.parse(row.window_started_at) < WINDOW_MS;
  const failures = windowOpen ? row.failures + 1 : 1;
  const lockedUntil = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCKOUT_MS).toISOString() : null;
  const values = {
    failures,
    window_started_at: windowOpen ? row.window_started_at : now.toISOString(),
    locked_until: lockedUntil,
  };
  if (row) {
    await updateCounter(db, key, values);
    return;
  }
  try {
    await insertCounter(db, key, values);
  } catch (err) {
    // Two failures for a new key at once: the other request inserted the row; count this one too.
    if (!(await counterExists(db, key).catch(() => false))) throw err;
    await incrementCounter(db, key);
  }
};

export const clearFailures = (db: Queryable, key: string): Promise<void> => deleteCounter(db, key);

/** Expired counters are deleted so typed account names do not linger (even hashed). */
export const purgeExpiredCounters = async (db: Queryable, clock: Clock): Promise<void> => {
  const cutoff = new Date(clock.now().getTime() - Math.max(WINDOW_MS, LOCKOUT_MS)).toISOString();
  await deleteCountersBefore(db, cutoff, clock.now().toISOString());
};
