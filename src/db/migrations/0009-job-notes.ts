import type { Kysely } from 'kysely';

// A job's last run said in the administrator's language (/admin/jobs): the summary stays as the
// English line for the server log; beside it the same counts as i18n keys and numbers, JSON
// [{ key, values }] — counts and dates only, never a name, an id or a text from a case.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('scheduled_jobs').addColumn('last_notes', 'text').execute();
}
