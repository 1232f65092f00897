import type { Kysely } from 'kysely';

// A family's name on a cohort board that staff reset (0029) was kept as an HMAC under a key
// derived from the board key. That key is not in the database, but every family of the board
// holds it, an informer too: with a copy of the database such a reader could try guesses of a
// short name («Мама из Шахт») offline until one matched, and learn the very name that was reset
// because it could identify the family. Now the name is sealed to the family's own public key
// (src/cohorts/board-names.service.ts): only the family's session opens it, to refuse it if chosen
// again. The fingerprints kept so far are dropped: those resets keep their notice, not the
// refusal. Cohorts number their migrations in the 0060s from here (the 0020s are full).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cohort_name_resets').addColumn('name_sealed', 'text').execute();
  await db.schema.alterTable('cohort_name_resets').dropColumn('name_mac').execute();
}
