import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../../test/helpers/db.ts';
import { migrateToLatest } from './migrate.ts';

describe.each(DIALECTS)('migrations on %s', (dialect) => {
  it('run to the latest version and are idempotent', async () => {
    const { db, close } = await freshDb(dialect);
    try {
      await db.insertInto('meta').values({ key: 'probe', value: 'ok' }).execute();
      const row = await db.selectFrom('meta').select('value').where('key', '=', 'probe').executeTakeFirst();
      expect(row?.value).toBe('ok');
      expect(await migrateToLatest(db)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('run a migration that landed after a later-numbered one (a database from an older main)', async () => {
    const { db, close } = await freshDb(dialect);
    try {
      // As a database migrated before issue 11 landed: 0050 ran, 0024 never did.
      await db.schema.dropTable('tip_matches').execute();
      await sql`DELETE FROM kysely_migration WHERE name = '0024-tip-matches'`.execute(db);
      expect(await migrateToLatest(db)).toEqual(['0024-tip-matches']);
      expect(await db.selectFrom('tip_matches').select('tip_id').execute()).toEqual([]);
    } finally {
      await close();
    }
  });

  it('cut the time of the cohort boards made before 0060 to the day (a family made each)', async () => {
    const { db, close } = await freshDb(dialect);
    try {
      await db
        .insertInto('cohort_boards')
        .values({
          id: '00000000-0000-4000-8000-000000000060',
          organisation_id: 'org',
          cohort_key: 'unit:12345',
          key_sealed: 'x',
          created_at: '2026-03-02T09:41:17.123Z',
        })
        .execute();
      await sql`DELETE FROM kysely_migration WHERE name = '0060-cohort-board-days'`.execute(db);
      expect(await migrateToLatest(db)).toEqual(['0060-cohort-board-days']);
      const row = await db.selectFrom('cohort_boards').select('created_at').executeTakeFirstOrThrow();
      expect(row.created_at).toBe('2026-03-02');
    } finally {
      await close();
    }
  });

  it('run 0061 again without failing on its table or indexes (IF NOT EXISTS)', async () => {
    const { db, close } = await freshDb(dialect);
    try {
      expect(await db.selectFrom('cohort_exits').select('id').execute()).toEqual([]);
      await sql`DELETE FROM kysely_migration WHERE name = '0061-cohort-exits'`.execute(db);
      expect(await migrateToLatest(db)).toEqual(['0061-cohort-exits']);
      expect(await db.selectFrom('cohort_exits').select('id').execute()).toEqual([]);
    } finally {
      await close();
    }
  });
});
