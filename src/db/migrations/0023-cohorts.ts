import type { Kysely } from 'kysely';

// Cohorts (src/cohorts/): families whose soldiers share a unit, a penal colony, a mobilisation
// wave and region, or an incident. A family opts in on its case (`cohort_optins`, a day only);
// each cohort of an organisation with at least one opted-in family has a board with its own key,
// sealed to the organisation (`cohort_boards.key_sealed`) and to each opted-in family
// (`cohort_key_wraps`, removed with the case). Posts are sealed with the board key; a family's
// post carries its day only. Staff hide and restore posts with a reason code (never a text).
//
// Incidents: one event shared by several persons. Title, date and place are in clear like an
// event's kind, date and place; the description is sealed to the organisation (staff only).
// Sources are attached once to the incident; facts about it are verified like events, and a
// confirmed fact reaches every linked family as news.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cohort_optins')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('opted_in_on', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cohort_optins_org').on('cohort_optins').column('organisation_id').execute();

  await db.schema
    .createTable('cohort_boards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('cohort_key', 'text', (c) => c.notNull())
    .addColumn('key_sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('cohort_boards_org_key', ['organisation_id', 'cohort_key'])
    .execute();

  await db.schema
    .createTable('cohort_key_wraps')
    .addColumn('board_id', 'text', (c) => c.notNull().references('cohort_boards.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('wrapped', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cohort_key_wraps_pk', ['board_id', 'case_id'])
    .execute();

  await db.schema
    .createTable('cohort_posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('board_id', 'text', (c) => c.notNull().references('cohort_boards.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    // the family's case (its post goes when the case is purged); null for staff
    .addColumn('case_id', 'text', (c) => c.references('cases.id').onDelete('cascade'))
    .addColumn('author_user_id', 'text', (c) => c.notNull())
    .addColumn('from_family', 'integer', (c) => c.notNull())
    .addColumn('body_sealed', 'text', (c) => c.notNull())
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('hidden_reason', 'text')
    .addColumn('hidden_by', 'text')
    .addColumn('hidden_at', 'text')
    .addUniqueConstraint('cohort_posts_seq', ['board_id', 'seq'])
    .execute();

  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('event_date', 'text', (c) => c.notNull())
    .addColumn('date_precision', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('description_sealed', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incidents_org').on('incidents').columns(['organisation_id', 'event_date']).execute();

  await db.schema
    .createTable('incident_persons')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('linked_by', 'text', (c) => c.notNull())
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_persons_pk', ['incident_id', 'person_id'])
    .execute();
  await db.schema.createIndex('incident_persons_person').on('incident_persons').column('person_id').execute();

  await db.schema
    .createTable('incident_sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('citation', 'text', (c) => c.notNull())
    .addColumn('source_date', 'text')
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incident_sources_incident').on('incident_sources').column('incident_id').execute();

  await db.schema
    .createTable('incident_facts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('event_date', 'text', (c) => c.notNull())
    .addColumn('date_precision', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('verification', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('verified_by', 'text')
    .addColumn('verified_at', 'text')
    .execute();
  await db.schema.createIndex('incident_facts_incident').on('incident_facts').column('incident_id').execute();
}
