import { sql, type Kysely } from 'kysely';

// The case lifecycle (src/cases/case-lifecycle.ts) makes "waiting on the family" and "withdrawn"
// states of their own instead of a flag beside "open" and a reason beside "closed". Existing
// rows move over and the `waiting_on` column goes.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`UPDATE cases SET state = 'waiting_on_family' WHERE state = 'open' AND waiting_on = 'family'`.execute(db);
  await sql`UPDATE cases SET state = 'withdrawn' WHERE state = 'closed' AND close_reason = 'withdrawn'`.execute(db);
  await db.schema.alterTable('cases').dropColumn('waiting_on').execute();
}
