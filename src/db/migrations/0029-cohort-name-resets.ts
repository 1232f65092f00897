import type { Kysely } from 'kysely';

// A family's name on a cohort board that staff reset (src/cohorts/board-names.service.ts): the
// family was told nothing and could choose the very same name again. Each reset is kept so the
// family's board page says its name was reset (until it next saves a name there), and so that
// name is refused if chosen again. The name only sealed to the family's own public key (only its
// session opens it, bound to the board and the account): not a fingerprint under the board key,
// which every family of the board holds, an informer too, and which would let such a reader with a
// copy of the database test guesses of a short name offline. The day of the reset. It goes with
// the case through which the name was chosen.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cohort_name_resets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('board_id', 'text', (c) => c.notNull().references('cohort_boards.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    // null when the name could not be opened: the notice without the refusal
    .addColumn('name_sealed', 'text')
    // a day: a family's activity
    .addColumn('reset_on', 'text', (c) => c.notNull())
    // 1 once the family has saved its name on the board since (its notice goes)
    .addColumn('answered', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('cohort_name_resets_family')
    .on('cohort_name_resets')
    .columns(['board_id', 'user_id'])
    .execute();
  await db.schema.createIndex('cohort_name_resets_case').on('cohort_name_resets').column('case_id').execute();
}
