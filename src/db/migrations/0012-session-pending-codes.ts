import type { Kysely } from 'kysely';

// A family's recovery codes wait in their new session for the one page that shows them (GET
// /register/codes, reached by a redirect, so reloading does not post the registration again).
// Sealed under the session cookie's secret, as the pending 2FA secret is, and erased as they are
// read: a copy of the database without the cookie opens nothing.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('codes_sealed', 'text').execute();
}
