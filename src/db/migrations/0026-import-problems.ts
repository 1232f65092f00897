import type { Kysely } from 'kysely';

// Every bad line of a failed import, not only the first (src/imports/list-problems.ts), and what a
// finished one imported otherwise than its list says (a region not recognised, a date with no
// status), each with its lines. JSON of i18n keys, column names, limits and line numbers — never
// a cell's value (it may be a name). `error_line`/`error_key` keep the first problem, as before.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('person_imports')
    // { lines, shown: [{ line, problems: [{ key, params }], more }], unreadAfter }
    .addColumn('problems', 'text')
    .execute();
  await db.schema
    .alterTable('person_imports')
    // [{ key, params, count, lines }]
    .addColumn('warnings', 'text')
    .execute();
}
