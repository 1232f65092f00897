import type { Kysely } from 'kysely';

// Imports of published lists (src/imports/). One row per file: the list as a source (name, date,
// where it came from), who imported it for which organisation, its state and counts, and the
// first error with its line number. The uploaded file waits in `import_uploads` (sealed with the
// import's own key, itself sealed to the organisation) only until it is imported or abandoned.
// Each imported row keeps its raw values sealed with the same key, a few hundred rows per sealed
// chunk (`import_chunks`; one AES-GCM seal per row costs more than the rest of an import): a
// group's spreadsheet may carry notes about who reported what. `row_hash` makes a second import
// of the same rows add nothing.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('person_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('source_name', 'text', (c) => c.notNull())
    .addColumn('source_date', 'text')
    .addColumn('source_date_precision', 'text')
    .addColumn('source_origin', 'text')
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('verification', 'text', (c) => c.notNull())
    .addColumn('file_hash', 'text', (c) => c.notNull())
    .addColumn('file_bytes', 'integer', (c) => c.notNull())
    .addColumn('encoding', 'text', (c) => c.notNull())
    .addColumn('header', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('total_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('checked_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('added_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skipped_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('events_added', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_line', 'integer')
    .addColumn('error_key', 'text')
    .addColumn('error_params', 'text')
    .addColumn('key_sealed', 'text', (c) => c.notNull())
    .addColumn('heartbeat_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createIndex('person_imports_org')
    .on('person_imports')
    .columns(['organisation_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('person_imports_hash')
    .on('person_imports')
    .columns(['organisation_id', 'file_hash'])
    .execute();

  await db.schema
    .createTable('import_uploads')
    .addColumn('import_id', 'text', (c) => c.notNull().references('person_imports.id').onDelete('cascade'))
    .addColumn('part', 'integer', (c) => c.notNull())
    .addColumn('data_sealed', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_uploads_pk', ['import_id', 'part'])
    .execute();

  await db.schema
    .createTable('import_chunks')
    .addColumn('import_id', 'text', (c) => c.notNull().references('person_imports.id'))
    .addColumn('chunk', 'integer', (c) => c.notNull())
    .addColumn('data_sealed', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_chunks_pk', ['import_id', 'chunk'])
    .execute();

  await db.schema
    .createTable('import_rows')
    .addColumn('import_id', 'text', (c) => c.notNull().references('person_imports.id'))
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('record_id', 'text')
    // A person record deleted for good takes its row with it.
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('row_hash', 'text', (c) => c.notNull().unique())
    .addColumn('chunk', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_rows_pk', ['import_id', 'line'])
    .execute();
  await db.schema.createIndex('import_rows_person').on('import_rows').column('person_id').execute();
}
