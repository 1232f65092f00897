import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { PUBLIC } from '../policy/principal.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { publishedFromCase } from './registry.fixtures.ts';
import { publicSearch } from './registry-read.service.ts';

// Migration 0049: the matching keys the similar spellings are found by, computed for the records
// published before them, so «Кузнецв» offers a Кузнецов published by an older server.

describe.each(DIALECTS)('the matching keys of records published before (migration 0049) on %s', (dialect) => {
  const s = useWorld(dialect);

  it('are computed from the name as published, so a typo offers the record', async () => {
    const db = s.t.opened.db;
    const people = { organisationId: s.w.orgA.id, family: s.w.family.auth, verifier: s.w.verifier.auth };
    const { recordId } = await publishedFromCase({ db, clock: s.t.clock }, people, 'Кузнецов');
    // As a server before 0049 left the table: no such columns, no such indexes.
    await sql`DELETE FROM kysely_migration WHERE name = '0049-registry-name-match-keys'`.execute(db);
    for (const column of ['surname_gl', 'surname_phon', 'given_canon'])
      await sql`DROP INDEX ${sql.id(`registry_records_state_${column}`)}`.execute(db);
    for (const column of ['surname_gl', 'surname_phon', 'given_canon', 'patronymic_gl'])
      await sql`ALTER TABLE registry_records DROP COLUMN ${sql.id(column)}`.execute(db);
    expect(await migrateToLatest(db)).toEqual(['0049-registry-name-match-keys']);
    expect(
      await db
        .selectFrom('registry_records')
        .select(['surname_gl', 'surname_phon', 'given_canon', 'patronymic_gl'])
        .where('id', '=', recordId)
        .executeTakeFirstOrThrow(),
    ).toEqual({ surname_gl: 'кузнетсов', surname_phon: 'кузницаф', given_canon: 'петр', patronymic_gl: 'серг' });
    const found = await publicSearch(db, PUBLIC, { q: 'Кузнецв' });
    expect(found.total).toBe(0);
    expect(found.similar?.records.map((r) => r.id)).toEqual([recordId]);
  });
});
