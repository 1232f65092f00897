import type { Kysely } from 'kysely';

// Two columns for a case file (case-files.service.ts):
// - which staff member attached it, so that colleagues read the pseudonym they read on messages
//   instead of «Сотрудник». An account id, as on a message (case_posts.author_user_id): no name
//   is stored. Files attached before this column show «Сотрудник» as before; a family's file
//   shows no name to anyone.
// - the timeline event it documents, if the one who attached it said so (a death notice for the
//   event «гибель»): the timeline lists it under the event and a verifier confirming the event
//   sees it among the sources. No foreign key: events are deleted only with their case, and the
//   file row goes with it.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('case_files').addColumn('author_user_id', 'text').execute();
  await db.schema.alterTable('case_files').addColumn('event_id', 'text').execute();
}
