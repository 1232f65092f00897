import { type Kysely, sql } from 'kysely';

// How many families were handed a board's current key (src/cohorts/board-key-rotation.ts). A
// family's copy can go with nobody holding the key at hand: retention destroys its closed case,
// or the family deletes its account, and the copy goes with the case row (ON DELETE CASCADE).
// A count, not the list of cases, so that a destroyed case leaves nothing naming it here; fewer
// copies than handed out tells the next holder who opens the board to replace its key. Counted
// from the copies there now: whatever went before this migration cannot be known.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('cohort_boards')
    .addColumn('key_copies', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`UPDATE cohort_boards SET key_copies =
    (SELECT COUNT(*) FROM cohort_key_wraps w WHERE w.board_id = cohort_boards.id)`.execute(db);
}
