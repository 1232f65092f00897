import { sql, type Kysely } from 'kysely';

// The public registry (src/registry/, docs/registry-methodology.md). A record is a snapshot of
// what a verifier published about one person: the clear facts of the timeline that qualify under
// the publication rules, never anything about the family. It lives apart from the person and the
// case on purpose — no foreign key to them — so retention can destroy a case (and its person)
// while what was already made public stays public until a verifier withdraws it.
//
// Also: the family's "do not publish" choice on a case; a subject id on audit entries (the
// registry record an action was about); tallies kept in step with every publication so the
// statistics never aggregate the registry per request; a daily, already-suppressed table of open
// tracing requests per region (raw small counts are never stored); and the sealed withdrawal or
// correction requests relatives send without an account.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('cases')
    .addColumn('do_not_publish', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('audit_log').addColumn('subject_id', 'text').execute();

  await db.schema
    .createTable('registry_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // the public order of the registry (API pages): first publication first, never reused
    .addColumn('seq', 'integer', (c) => c.notNull().unique())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('surname', 'text', (c) => c.notNull())
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('patronymic', 'text')
    .addColumn('name_latin', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('birth_year', 'integer')
    .addColumn('region_code', 'text')
    .addColumn('unit_number', 'text')
    .addColumn('unit_name', 'text')
    .addColumn('rank', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('event_date', 'text')
    .addColumn('event_precision', 'text')
    .addColumn('event_place', 'text')
    // the months the date may stand for (a year: its January to December; no date: null), for
    // the period filters of the lists and the API
    .addColumn('period_start', 'text')
    .addColumn('period_end', 'text')
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('announced_on', 'text')
    .addColumn('notice_waiver', 'text')
    .addColumn('published_at', 'text')
    .addColumn('updated_at', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdraw_reason', 'text')
    .execute();
  // One record per person (several null person ids: records that came without one, the demo).
  await db.schema.createIndex('registry_records_person').on('registry_records').column('person_id').unique().execute();
  await db.schema.createIndex('registry_records_state_seq').on('registry_records').columns(['state', 'seq']).execute();
  await db.schema
    .createIndex('registry_records_org_state')
    .on('registry_records')
    .columns(['organisation_id', 'state'])
    .execute();

  await db.schema
    .createTable('registry_sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('record_id', 'text', (c) => c.notNull().references('registry_records.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('source_date', 'text')
    .addColumn('source_precision', 'text')
    .addColumn('url', 'text')
    .execute();
  await db.schema.createIndex('registry_sources_record').on('registry_sources').column('record_id').execute();

  await db.schema
    .createTable('registry_corrections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('record_id', 'text', (c) => c.notNull().references('registry_records.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('corrected_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('registry_corrections_record').on('registry_corrections').column('record_id').execute();

  // Published records counted per cell, changed in the transaction of every publication,
  // correction and withdrawal. '' stands for "not known" (region, period).
  await db.schema
    .createTable('registry_counts')
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('registry_counts_pk', ['region_code', 'category', 'period', 'status'])
    .execute();

  // One row: the registry's version (bumped by every change, so every process knows when its
  // cached figures are stale) and when it last changed (the "as of" of every figure).
  await db.schema
    .createTable('registry_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('changed_at', 'text')
    .addColumn('requests_as_of', 'text')
    .addColumn('requests_total', 'integer')
    .addColumn('requests_threshold', 'integer')
    .execute();
  await sql`INSERT INTO registry_state (id, version) VALUES (1, 0)`.execute(db);

  // Open tracing requests per region, as published: a suppressed cell is null. Written whole by
  // the daily job; the exact small counts are never stored.
  await db.schema
    .createTable('registry_request_stats')
    .addColumn('region_code', 'text', (c) => c.primaryKey())
    .addColumn('open_cases', 'integer')
    .execute();

  await db.schema
    .createTable('registry_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('record_id', 'text', (c) => c.notNull().references('registry_records.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // sealed to the organisation's public key: only its staff can read what a relative wrote
    .addColumn('body_sealed', 'text', (c) => c.notNull())
    // a day only, like every trace of a family's activity
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('handled_by', 'text')
    .addColumn('handled_at', 'text')
    .execute();
  await db.schema
    .createIndex('registry_requests_org_state')
    .on('registry_requests')
    .columns(['organisation_id', 'state'])
    .execute();
}
