import { type Kysely, sql } from 'kysely';

// How many lines of a failed import are bad, in a column of its own: the list of imports shows
// that count for each, and read it out of every import's whole problem report (up to a hundred
// lines of JSON each). Null when the import did not fail on its lines. Imports that failed before
// get theirs from their report.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('person_imports').addColumn('problem_lines', 'integer').execute();
  const failed = await sql<{ id: string; problems: string }>`
    SELECT id, problems FROM person_imports WHERE problems IS NOT NULL`.execute(db);
  for (const row of failed.rows) {
    const lines = (JSON.parse(row.problems) as { lines?: unknown }).lines;
    if (typeof lines === 'number')
      await sql`UPDATE person_imports SET problem_lines = ${lines} WHERE id = ${row.id}`.execute(db);
  }
}
