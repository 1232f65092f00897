import type { Kysely } from 'kysely';

// Files a family or the case's staff attach to a case on its own (a photo of a notice, a letter
// from the unit, a death notice), each with a short description. The bytes are in evidence_files
// (migration 0030), sealed under the case key as an appeal's scan is; this row says which case
// the file belongs to, who added it (family or staff) and, sealed with the case key, what it is.
// Retention deletes these rows with the case (retention.service.ts destroyCase); the file goes
// by evidence_files' own ON DELETE CASCADE on the case. file_id has no foreign key: this range
// runs before evidence_files exists (0030) on a new database.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addColumn('description_sealed', 'text', (c) => c.notNull())
    .addColumn('from_family', 'integer', (c) => c.notNull())
    .addColumn('created_on', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_files_case').on('case_files').column('case_id').execute();
}
