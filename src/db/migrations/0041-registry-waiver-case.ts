import type { Kysely } from 'kysely';

// A reason for not telling a family first (the family asked, cannot be reached, no family case) is
// recorded from one case, about that case's family: it no longer waives the notice of another
// family with a request about the same person. The case it was recorded for is kept beside it (a
// waiver recorded before this column has none, and covers no family until it is recorded again).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('registry_records').addColumn('notice_waiver_case', 'text').execute();
}
