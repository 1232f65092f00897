import type { Kysely } from 'kysely';

// The name a family chose for itself on one cohort board (src/cohorts/board-names.service.ts).
// A family's posts showed under its login pseudonym, which told every reader of the board, an
// informer included, what to type to guess the account's passphrase or to lock it. Now a family
// shows on a board as a label the board's key derives ("Семья 4821": nothing stored), or as a
// name it chose for that board alone: that name is sealed with the board key, bound to the board
// and the account by AAD, and goes with the case through which it was chosen (purge, deletion).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cohort_names')
    .addColumn('board_id', 'text', (c) => c.notNull().references('cohort_boards.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('name_sealed', 'text', (c) => c.notNull())
    // a day: a family's activity
    .addColumn('set_on', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cohort_names_pk', ['board_id', 'user_id'])
    .execute();
  await db.schema.createIndex('cohort_names_case').on('cohort_names').column('case_id').execute();
}
