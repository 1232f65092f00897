import type { Kysely } from 'kysely';

// A family off one cohort board while its case stays open (src/cohorts/board-members.service.ts):
// it left on its own (it may come back from its case page), or the organisation's staff removed
// it (only staff may let it back). One row per case through which the family was on the board,
// so it goes with that case (ON DELETE CASCADE); the family is off the board while any row of
// its account is there, so a new case or opting in again does not bring it back. Who removed it
// is in the audit log; here only which side, a reason code (never a text) and the day.
// Numbered in the cohorts' second range; IF NOT EXISTS, so running it again changes nothing.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cohort_exits')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('board_id', 'text', (c) => c.notNull().references('cohort_boards.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    // 'family': it left on its own; 'staff': removed by the organisation's staff
    .addColumn('side', 'text', (c) => c.notNull())
    // staff's reason code (null when the family left)
    .addColumn('reason', 'text')
    // a day: it is about a family
    .addColumn('left_on', 'text', (c) => c.notNull())
    .addUniqueConstraint('cohort_exits_board_case', ['board_id', 'case_id'])
    .execute();
  await db.schema
    .createIndex('cohort_exits_family')
    .ifNotExists()
    .on('cohort_exits')
    .columns(['board_id', 'user_id'])
    .execute();
  await db.schema.createIndex('cohort_exits_case').ifNotExists().on('cohort_exits').column('case_id').execute();
}
