import type { Kysely } from 'kysely';

// Closing a case for «другое» (other) now needs a few words saying why, sealed with the case key
// like everything else written in a case; the family reads it with the reason.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('close_note_sealed', 'text').execute();
}
