import type { Kysely } from 'kysely';

// A family corrects when she last heard from him (her edit form, src/cases/case-edit.service.ts).
// The timeline is append-only, so each correction is a new event of hers and the earlier ones
// stay. Which of her reports is the current one cannot be told from the dates (a correction may
// be earlier: "actually it was 1 September") nor from created_on (three corrections in one
// evening share the day): her reports of the last contact are numbered 1, 2, … in the order she
// gave them (src/cases/last-contact.ts). Null for every other event, and for reports made before
// this column (the rules then fall back to the latest date, as before).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('events').addColumn('report_seq', 'integer').execute();
}
