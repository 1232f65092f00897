import type { Kysely } from 'kysely';

// A cohort board's key is replaced whenever a family loses its copy (it leaves, opts out, or
// staff remove it: src/cohorts/board-key-rotation.ts), so that a removed informer's copy, kept
// in an old backup, opens nothing written after. The families' labels («Семья 4821») derive
// from the board's first key (family-names.ts) and must not move when the key does: that first
// key is kept here, sealed with the current one. Null until the key is first replaced (the
// labels then derive from the current key itself).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cohort_boards').addColumn('label_root_sealed', 'text').execute();
}
