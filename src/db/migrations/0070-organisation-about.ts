import type { Kysely } from 'kysely';

// What an organisation says of itself to the families and witnesses choosing it (whom it helps,
// from which regions, how it works), in Russian and optionally in English. Public words its admin
// writes for the request and tip forms: not sealed, no one's identity. The accounts' range
// 0000–0019 is full, so the accounts domain goes on in the 0070s.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('organisations').addColumn('about_ru', 'text').execute();
  await db.schema.alterTable('organisations').addColumn('about_en', 'text').execute();
}
