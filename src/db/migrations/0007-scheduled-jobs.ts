import type { Kysely } from 'kysely';

// The one scheduler (src/scheduler/): one row per kind of timed work. A process takes a due job
// by moving its lease forward in one conditional update, so with several app processes on one
// PostgreSQL exactly one runs it; a crashed run's lease simply expires. Times are ISO text.
// Only counts and error messages are kept, never anything about a case or a person.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('scheduled_jobs')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('every_seconds', 'integer', (c) => c.notNull())
    .addColumn('next_run_at', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text')
    .addColumn('last_started_at', 'text')
    .addColumn('last_finished_at', 'text')
    .addColumn('last_outcome', 'text')
    .addColumn('last_summary', 'text')
    .addColumn('last_error', 'text')
    .addColumn('runs', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
