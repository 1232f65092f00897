import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Persons, cases (tracing requests), their timeline, case work and the audit log.
// Dialect-neutral: ids are text UUIDs, times ISO text, booleans 0/1, ciphertexts text.
// Columns ending in `_sealed` hold AES-256-GCM ciphertexts under the case's own data key;
// everything else is in clear on purpose (see docs/threat-model.md): the state already knows
// its soldiers' names, units and dates, and matching needs them.
// No foreign key to `users` or `organisations`: those tables belong to the accounts migration,
// and the cases domain must not depend on their physical layout.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('persons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('surname', 'text', (c) => c.notNull())
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('patronymic', 'text')
    .addColumn('surname_key', 'text', (c) => c.notNull())
    .addColumn('given_name_key', 'text', (c) => c.notNull())
    .addColumn('patronymic_key', 'text')
    .addColumn('birth_date', 'text')
    .addColumn('birth_precision', 'text')
    .addColumn('region_code', 'text')
    .addColumn('unit_number', 'text')
    .addColumn('unit_name', 'text')
    .addColumn('unit_key', 'text')
    .addColumn('rank', 'text')
    .addColumn('service_category', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('persons_surname_key').on('persons').column('surname_key').execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('requester_user_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('assigned_to', 'text')
    .addColumn('waiting_on', 'text', (c) => c.notNull())
    .addColumn('last_contact_date', 'text')
    .addColumn('last_contact_precision', 'text')
    .addColumn('last_contact_means_sealed', 'text')
    .addColumn('relation_sealed', 'text', (c) => c.notNull())
    .addColumn('narrative_sealed', 'text', (c) => c.notNull())
    .addColumn('wants_sealed', 'text', (c) => c.notNull())
    .addColumn('close_reason', 'text')
    // Family actions are kept at day precision only (threat model): both columns are days.
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('last_activity_on', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .execute();
  await db.schema.createIndex('cases_org_state').on('cases').columns(['organisation_id', 'state']).execute();
  await db.schema.createIndex('cases_requester').on('cases').column('requester_user_id').execute();

  await db.schema
    .createTable('case_key_wraps')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('recipient_kind', 'text', (c) => c.notNull())
    .addColumn('recipient_id', 'text', (c) => c.notNull())
    .addColumn('wrapped', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_key_wraps_pk', ['case_id', 'recipient_kind', 'recipient_id'])
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
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
  await db.schema.createIndex('events_person').on('events').column('person_id').execute();
  await db.schema.createIndex('events_case').on('events').column('case_id').execute();

  for (const table of ['case_messages', 'case_notes'] as const) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      // Position inside the case: family posts carry only a day, so time cannot order them.
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('author_user_id', 'text', (c) => c.notNull())
      .addColumn('from_family', 'integer', (c) => c.notNull())
      .addColumn('body_sealed', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint(`${table}_seq`, ['case_id', 'seq'])
      .execute();
  }

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .execute();
  await db.schema.createIndex('audit_log_org_at').on('audit_log').columns(['organisation_id', 'at']).execute();

  // Append-only, enforced by the database itself so no code path (or a later careless
  // migration of data) can rewrite history.
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (isPostgres) {
    await sql`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
  } else {
    await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
  }
}
