import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Retention (docs/retention.md): when a closed case is purged but its person is still the
// subject of another case, the purged case's verified events stay as bare facts about the
// person (no description, no verifier) with no case at all. So `events.case_id` becomes
// nullable. PostgreSQL alters the column; SQLite cannot drop NOT NULL in place, so the table
// is rebuilt with the same columns, data and indexes (nothing references `events`).

export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await db.schema
      .alterTable('events')
      .alterColumn('case_id', (c) => c.dropNotNull())
      .execute();
    return;
  }
  // SQLite DDL is transactional, but Kysely's migrator does not wrap SQLite migrations: do it
  // here so a failure half-way cannot leave the timeline without its table.
  await db.transaction().execute(async (tx) => {
    await tx.schema
      .createTable('events_rebuilt')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
      .addColumn('case_id', 'text', (c) => c.references('cases.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('event_date', 'text', (c) => c.notNull())
      .addColumn('date_precision', 'text', (c) => c.notNull())
      .addColumn('place', 'text')
      .addColumn('description_sealed', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('verification', 'text', (c) => c.notNull())
      .addColumn('added_by_family', 'integer', (c) => c.notNull())
      .addColumn('created_on', 'text', (c) => c.notNull())
      .addColumn('verified_by', 'text')
      .addColumn('verified_at', 'text')
      .execute();
    const columns = sql.raw(
      'id, person_id, case_id, kind, event_date, date_precision, place, description_sealed, source, verification, added_by_family, created_on, verified_by, verified_at',
    );
    await sql`INSERT INTO events_rebuilt (${columns}) SELECT ${columns} FROM events`.execute(tx);
    await tx.schema.dropTable('events').execute();
    await tx.schema.alterTable('events_rebuilt').renameTo('events').execute();
    await tx.schema.createIndex('events_person').on('events').column('person_id').execute();
    await tx.schema.createIndex('events_case').on('events').column('case_id').execute();
  });
}
