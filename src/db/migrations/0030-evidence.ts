import { PostgresAdapter, type Kysely } from 'kysely';

// The one upload pipeline's store (src/evidence/). File bytes live in this table, sealed, rather
// than as files on disk: one transaction writes a file with the row that points at it (nothing
// half-written), a purged case takes its files with it (foreign key, ON DELETE CASCADE), backups
// of the database hold them, and several app processes on one PostgreSQL all see them. On SQLite
// the table is inside DATA_DIR/kintrace.sqlite. Uploads are capped at 20 MiB (evidence/file-rules.ts).

export async function up(db: Kysely<unknown>): Promise<void> {
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('evidence_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.references('cases.id').onDelete('cascade'))
    .addColumn('key_wrapped', 'text', (c) => c.notNull())
    .addColumn('meta_sealed', 'text', (c) => c.notNull())
    .addColumn('content', binary, (c) => c.notNull())
    .addColumn('original', binary)
    .addColumn('has_original', 'integer', (c) => c.notNull())
    .addColumn('created_on', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evidence_files_scope').on('evidence_files').column('scope').execute();
  await db.schema.createIndex('evidence_files_case').on('evidence_files').column('case_id').execute();
}
