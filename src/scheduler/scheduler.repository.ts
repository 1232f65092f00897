import type { Queryable } from '../db/database.ts';
import type { ScheduledJobsTable } from './scheduler.table.ts';

// Queries for the scheduler. The claim is one conditional update: of several processes asking
// at once, exactly one moves the lease and gets 1 row back.

/** Adds the job if new (due at once) and keeps its period in step with the code. */
export const ensureJob = async (db: Queryable, name: string, everySeconds: number, now: string): Promise<void> => {
  const existing = await db
    .selectFrom('scheduled_jobs')
    .select('every_seconds')
    .where('name', '=', name)
    .executeTakeFirst();
  if (!existing) {
    await db
      .insertInto('scheduled_jobs')
      .values({ name, every_seconds: everySeconds, next_run_at: now, runs: 0, failures: 0, consecutive_failures: 0 })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
  } else if (existing.every_seconds !== everySeconds) {
    await db.updateTable('scheduled_jobs').set({ every_seconds: everySeconds }).where('name', '=', name).execute();
  }
};

/** Takes the job when it is due and nobody holds it; true when this caller got it. */
export const claimJob = async (db: Queryable, name: string, now: string, leaseUntil: string): Promise<boolean> => {
  const r = await db
    .updateTable('scheduled_jobs')
    .set({ lease_until: leaseUntil, last_started_at: now })
    .where('name', '=', name)
    .where('next_run_at', '<=', now)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
};

export const finishJob = async (
  db: Queryable,
  name: string,
  result: Pick<
    ScheduledJobsTable,
    'last_finished_at' | 'last_outcome' | 'last_summary' | 'last_notes' | 'last_error' | 'next_run_at'
  >,
): Promise<void> => {
  const failed = result.last_outcome === 'failed';
  await db
    .updateTable('scheduled_jobs')
    .set((eb) => ({
      ...result,
      lease_until: null,
      runs: eb('runs', '+', 1),
      failures: failed ? eb('failures', '+', 1) : eb.ref('failures'),
      consecutive_failures: failed ? eb('consecutive_failures', '+', 1) : 0,
    }))
    .where('name', '=', name)
    .execute();
};

/** Makes a job due now (an administrator's "run now"); false for an unknown name. */
export const makeDue = async (db: Queryable, name: string, now: string): Promise<boolean> =>
  Number(
    (await db.updateTable('scheduled_jobs').set({ next_run_at: now }).where('name', '=', name).executeTakeFirst())
      .numUpdatedRows,
  ) === 1;

export const findJob = (db: Queryable, name: string) =>
  db.selectFrom('scheduled_jobs').select(['name', 'consecutive_failures']).where('name', '=', name).executeTakeFirst();

export const listJobs = (db: Queryable) =>
  db
    .selectFrom('scheduled_jobs')
    .select([
      'name',
      'every_seconds',
      'next_run_at',
      'lease_until',
      'last_started_at',
      'last_finished_at',
      'last_outcome',
      'last_summary',
      'last_notes',
      'last_error',
      'runs',
      'failures',
      'consecutive_failures',
    ])
    .orderBy('name')
    .execute();
