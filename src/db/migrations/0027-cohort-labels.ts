import type { Kysely } from 'kysely';

// Which of its label candidates a family holds on a cohort board (src/cohorts/family-names.ts).
// Labels («Семья 4821») were handed out again at every page in the order families first posted,
// each family taking its first candidate nobody before it held: when an earlier poster's case was
// purged, a family whose first candidate had collided with it took that label over, and its posts
// changed name under the readers' eyes. Now a family's attempt is kept from the first page that
// shows it: never the label (the board key derives it), only the number of candidates skipped,
// almost always 0. It goes with the case through which it was given (purge, deletion).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cohort_labels')
    .addColumn('board_id', 'text', (c) => c.notNull().references('cohort_boards.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('cohort_labels_pk', ['board_id', 'user_id'])
    .execute();
  await db.schema.createIndex('cohort_labels_case').on('cohort_labels').column('case_id').execute();
}
