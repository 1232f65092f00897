import type { Kysely } from 'kysely';

// Which staff member attached a case file, so that colleagues read the pseudonym they read on
// messages instead of «Сотрудник» (case-files.service.ts). An account id, as on a message
// (case_posts.author_user_id): no name is stored. Files attached before this column show
// «Сотрудник» as before. The family's side still shows no name to anyone.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('case_files').addColumn('author_user_id', 'text').execute();
}
