import type { Kysely } from 'kysely';

// A guide's draft (src/guides/): a saved version readers do not see yet. `current_version` stays
// the published one; `draft_version` is a newer version saved without publishing, null when there
// is none. Numbered in the appeals range (0030s), where the guides' tables were made (0033).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('guides').addColumn('draft_version', 'integer').execute();
}
