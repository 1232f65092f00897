import { sql, type Kysely } from 'kysely';

// Retention (docs/retention.md) deletes a family account that has no case left and has not
// logged in for RETENTION_DAYS. Sessions cannot tell (expired ones are deleted), so the day of
// the latest login is kept on the account — a day only, like every other family activity
// record, and overwritten at each login, so it is never a history. Existing accounts start
// from their creation day.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('last_login_on', 'text').execute();
  await sql`UPDATE users SET last_login_on = substr(created_at, 1, 10)`.execute(db);
}
