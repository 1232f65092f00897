import type { Db } from '../db/database.ts';
import { readState } from './registry.repository.ts';

// The registry's version (bumped in every change's transaction) as this process last read it.
// Read at most once a second per database: a change made here is seen at once (the service that
// made it calls forgetVersion after its commit); one made by another process (several servers on
// one PostgreSQL) within a second. Every cached page, answer and figure is keyed by it.

const TTL_MS = 1000;

interface Seen {
  version: number;
  asOf: string | null;
  requestsAsOf: string | null;
  requestsTotal: number | null;
  requestsThreshold: number | null;
  readAt: number;
}

const seen = new WeakMap<Db, Seen>();

export const currentVersion = async (db: Db): Promise<Seen> => {
  const have = seen.get(db);
  if (have && performance.now() - have.readAt < TTL_MS) return have;
  const s = await readState(db);
  const fresh: Seen = {
    version: Number(s.version),
    asOf: s.changed_at,
    requestsAsOf: s.requests_as_of,
    requestsTotal: s.requests_total === null ? null : Number(s.requests_total),
    requestsThreshold: s.requests_threshold,
    readAt: performance.now(),
  };
  seen.set(db, fresh);
  return fresh;
};

/** After a change committed in this process: the next read goes to the database. */
export const forgetVersion = (db: Db): void => {
  seen.delete(db);
};

/** Runs a change of the registry and forgets the version once it committed (or failed). */
export const changing = async <T>(db: Db, change: () => Promise<T>): Promise<T> => {
  try {
    return await change();
  } finally {
    forgetVersion(db);
  }
};
