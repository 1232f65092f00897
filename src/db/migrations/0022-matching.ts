import type { Kysely } from 'kysely';

// Matching (src/matching/): candidate pairs found by the linkage engine and what people decided
// about them, the merges those decisions made (each undoable), the model each organisation's
// index learned (so a restart need not train again), and one counter that orders records as
// they enter the index (several processes refresh their index from it).
// Candidates and decisions belong to one organisation: records of two organisations are never
// compared (docs/matching.md). A person record deleted for good (retention) takes its candidate
// rows with it.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('match_candidates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    // the record that was being scored and the known record it resembles
    .addColumn('left_person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('right_person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    // "<smaller id>|<larger id>": one row per pair, whatever the order it was found in
    .addColumn('pair_key', 'text', (c) => c.notNull().unique())
    .addColumn('probability', 'real', (c) => c.notNull())
    .addColumn('weight', 'real', (c) => c.notNull())
    .addColumn('explain', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('unsure_by', 'text')
    .addColumn('merge_id', 'text')
    // whether the decision was handed to the engine as a label yet
    .addColumn('learned', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('match_candidates_queue')
    .on('match_candidates')
    .columns(['organisation_id', 'state', 'probability'])
    .execute();
  await db.schema.createIndex('match_candidates_left').on('match_candidates').column('left_person_id').execute();
  await db.schema.createIndex('match_candidates_right').on('match_candidates').column('right_person_id').execute();
  await db.schema
    .createIndex('match_candidates_learn')
    .on('match_candidates')
    .columns(['learned', 'organisation_id'])
    .execute();

  await db.schema
    .createTable('person_merges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('candidate_id', 'text')
    .addColumn('into_cluster', 'text', (c) => c.notNull())
    .addColumn('from_cluster', 'text', (c) => c.notNull())
    // JSON list of the record ids the merge moved into `into_cluster` (the undo moves them back)
    .addColumn('moved_ids', 'text', (c) => c.notNull())
    .addColumn('merged_by', 'text', (c) => c.notNull())
    .addColumn('merged_at', 'text', (c) => c.notNull())
    .addColumn('undone_by', 'text')
    .addColumn('undone_at', 'text')
    .execute();
  await db.schema.createIndex('person_merges_into').on('person_merges').column('into_cluster').execute();

  await db.schema
    .createTable('linkage_models')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('records', 'integer', (c) => c.notNull())
    .addColumn('labels', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('linkage_counter')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute();
  await db
    .insertInto('linkage_counter' as never)
    .values({ name: 'seq', value: 0 } as never)
    .execute();
}
