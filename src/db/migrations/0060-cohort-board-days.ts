import { type Kysely, sql } from 'kysely';

// A cohort board is made when the first family of its cohort opts in (src/cohorts/): its
// created_at was the second of that family's opt-in, where every other record of a family's
// activity is kept to the day (the opt-in itself, its posts, its names; docs/threat-model.md).
// New boards keep the day; this cuts the boards made before to their day. Both dialects have substr.
// Numbered in the cohorts' second range (the 0020s are full); it ran as 0051 on main for a day,
// and running it again changes nothing.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`UPDATE cohort_boards SET created_at = substr(created_at, 1, 10) WHERE length(created_at) > 10`.execute(db);
}
