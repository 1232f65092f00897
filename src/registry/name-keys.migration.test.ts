import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { PUBLIC } from '../policy/principal.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { publishedFromCase } from './registry.fixtures.ts';
import { publicRecords } from './registry-read.service.ts';

// Migration 0045: a record published before the search words read a Latin look-alike as its
// Cyrillic letter kept the Latin letter in its words, and a search for the name as a family types
// it («Иванов») missed the name as a list had it («Иванoв», Latin o).

describe.each(DIALECTS)('the registry search words of records published before (migration 0045) on %s', (dialect) => {
  const s = useWorld(dialect);

  it('are computed again, so the name typed in Cyrillic finds the record', async () => {
    const db = s.t.opened.db;
    const people = { organisationId: s.w.orgA.id, family: s.w.family.auth, verifier: s.w.verifier.auth };
    const { recordId } = await publishedFromCase({ db, clock: s.t.clock }, people, 'Иванoв');
    // As a server before 0045 stored it: the Latin o kept in the words.
    await db.updateTable('registry_records').set({ name_key: 'иванoв ivanov' }).where('id', '=', recordId).execute();
    await sql`DELETE FROM kysely_migration WHERE name = '0045-registry-name-keys'`.execute(db);
    expect((await publicRecords(db, PUBLIC, { q: 'Иванов' })).total).toBe(0);
    expect(await migrateToLatest(db)).toEqual(['0045-registry-name-keys']);
    const { name_key } = await db
      .selectFrom('registry_records')
      .select('name_key')
      .where('id', '=', recordId)
      .executeTakeFirstOrThrow();
    expect(name_key.split(' ')).toContain('иванов');
    expect(name_key.split(' ')).not.toContain('иванoв');
    expect((await publicRecords(db, PUBLIC, { q: 'Иванов' })).total).toBe(1);
  });
});
