import type { Kysely } from 'kysely';

// Appeals to authorities (src/appeals/): the directory of authorities, the letter templates,
// appeals with their days and sealed letters, the notices and answers recorded on them, a
// sender's sealed name and address, and collective appeals. Rows of a case go with the case
// when retention purges it (ON DELETE CASCADE): no code in the cases domain needs to know them.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('authorities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text')
    .addColumn('postal_address', 'text')
    .addColumn('online_url', 'text')
    .addColumn('notes', 'text')
    .addColumn('seeded', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('appeal_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('title_ru', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('guidance_ru', 'text', (c) => c.notNull())
    .addColumn('guidance_en', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addUniqueConstraint('appeal_templates_key_version', ['key', 'version'])
    .execute();

  await db.schema
    .createTable('collective_appeals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('appeals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('channel', 'text')
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('sent_on', 'text')
    .addColumn('delivered_on', 'text')
    .addColumn('registered_on', 'text')
    .addColumn('forwarded_on', 'text')
    .addColumn('forward_registered_on', 'text')
    .addColumn('extension_days', 'integer')
    .addColumn('extended_on', 'text')
    .addColumn('answered_on', 'text')
    .addColumn('overdue_on', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('register_by', 'text')
    .addColumn('answer_by', 'text')
    .addColumn('deadline_estimated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('follows_id', 'text')
    .addColumn('collective_id', 'text', (c) => c.references('collective_appeals.id'))
    .addColumn('letter_sealed', 'text', (c) => c.notNull())
    .addColumn('refs_sealed', 'text')
    .addColumn('signature_sealed', 'text')
    .addColumn('signed_on', 'text')
    .execute();
  await db.schema.createIndex('appeals_case').on('appeals').column('case_id').execute();
  await db.schema.createIndex('appeals_state_answer_by').on('appeals').columns(['state', 'answer_by']).execute();
  await db.schema.createIndex('appeals_collective').on('appeals').column('collective_id').execute();

  await db.schema
    .createTable('appeal_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('appeal_id', 'text', (c) => c.notNull().references('appeals.id').onDelete('cascade'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('on_day', 'text', (c) => c.notNull())
    .addColumn('details_sealed', 'text')
    .addColumn('file_id', 'text', (c) => c.references('evidence_files.id').onDelete('set null'))
    .addUniqueConstraint('appeal_steps_seq', ['appeal_id', 'seq'])
    .execute();

  await db.schema
    .createTable('appeal_senders')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id').onDelete('cascade'))
    .addColumn('details_sealed', 'text', (c) => c.notNull())
    .execute();
}
