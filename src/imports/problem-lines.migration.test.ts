import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../../test/helpers/db.ts';
import { migrateToLatest } from '../db/migrate.ts';

// Migration 0028 keeps how many lines of a failed import are bad beside its report, for the list
// of imports; an import that failed before it gets its count from the report it has.

describe.each(DIALECTS)('the count of bad lines (migration 0028) on %s', (dialect) => {
  it('is taken from the reports of imports that failed before it', async () => {
    const { db, close } = await freshDb(dialect);
    try {
      // As a database from before 0028.
      await db.schema.alterTable('person_imports').dropColumn('problem_lines').execute();
      await sql`DELETE FROM kysely_migration WHERE name = '0028-import-problem-lines'`.execute(db);
      const row = (id: string, state: 'failed' | 'done', problems: string | null) =>
        sql`INSERT INTO person_imports (id, organisation_id, created_by, created_at, source_name, source_kind,
              verification, file_hash, file_bytes, encoding, header, state, key_sealed, problems)
            VALUES (${id}, 'org', 'u', '2026-03-01T00:00:00.000Z', 'Список', 'news', 'reported', ${`h-${id}`}, 1,
              'utf-8', '[]', ${state}, 'k', ${problems})`.execute(db);
      await row('bad-lines', 'failed', JSON.stringify({ lines: 7, shown: [], unreadAfter: null }));
      await row('bad-file', 'failed', null);
      await row('done', 'done', null);
      expect(await migrateToLatest(db)).toEqual(['0028-import-problem-lines']);
      const counts = await db.selectFrom('person_imports').select(['id', 'problem_lines']).orderBy('id').execute();
      expect(counts).toEqual([
        { id: 'bad-file', problem_lines: null },
        { id: 'bad-lines', problem_lines: 7 },
        { id: 'done', problem_lines: null },
      ]);
    } finally {
      await close();
    }
  });
});
