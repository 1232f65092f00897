import { type Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { freshPgUrl, DIALECTS } from '../../test/helpers/db.ts';
import { openPostgres, openSqlite, type OpenedDb } from '../db/database.ts';
import * as m0 from '../db/migrations/0000-meta.ts';
import * as m1 from '../db/migrations/0001-accounts.ts';
import * as m2 from '../db/migrations/0002-cases.ts';
import * as m3 from '../db/migrations/0003-retention.ts';

// Migration 0003 rebuilds `events` on SQLite (NOT NULL cannot be dropped in place): a database
// that already has a timeline must keep every row, its indexes and its foreign keys.

describe.each(DIALECTS)('migration 0003-retention (%s)', (dialect) => {
  let opened: OpenedDb;
  afterEach(() => opened.close());

  it('keeps existing events and their foreign keys, and lets case_id be null', async () => {
    opened = dialect === 'sqlite' ? openSqlite(':memory:') : openPostgres(await freshPgUrl());
    const db = opened.db as unknown as Kysely<unknown>;
    for (const m of [m0, m1, m2]) await m.up(db);
    const kdb = opened.db;
    await kdb
      .insertInto('persons')
      .values({
        id: 'p1',
        surname: 'И',
        given_name: 'П',
        patronymic: null,
        surname_key: 'и',
        given_name_key: 'п',
        patronymic_key: null,
        birth_date: null,
        birth_precision: null,
        region_code: null,
        unit_number: null,
        unit_name: null,
        unit_key: null,
        rank: null,
        service_category: 'unknown',
        created_at: '2026-01-01',
      })
      .execute();
    // The row as 0002 made it (with the waiting_on column that 0006 later drops).
    await (kdb as unknown as Kysely<Record<string, Record<string, unknown>>>)
      .insertInto('cases')
      .values({
        id: 'c1',
        person_id: 'p1',
        organisation_id: 'o',
        requester_user_id: 'u',
        state: 'open',
        assigned_to: null,
        waiting_on: 'staff',
        last_contact_date: null,
        last_contact_precision: null,
        last_contact_means_sealed: null,
        relation_sealed: 'r',
        narrative_sealed: 'n',
        wants_sealed: 'w',
        close_reason: null,
        opened_on: '2026-01-01',
        last_activity_on: '2026-01-01',
        closed_on: null,
      })
      .execute();
    const event = {
      id: 'e1',
      person_id: 'p1',
      case_id: 'c1',
      kind: 'missing',
      event_date: '2026',
      date_precision: 'year' as const,
      place: 'Ростов',
      description_sealed: 'd',
      source: 'family',
      verification: 'reported' as const,
      added_by_family: 1,
      created_on: '2026-01-01',
      verified_by: null,
      verified_at: null,
    };
    await kdb.insertInto('events').values(event).execute();

    await m3.up(db);

    expect(await kdb.selectFrom('events').selectAll().execute()).toEqual([event]);
    await kdb
      .insertInto('events')
      .values({ ...event, id: 'e2', case_id: null })
      .execute();
    await expect(
      kdb
        .insertInto('events')
        .values({ ...event, id: 'e3', case_id: 'no-such-case' })
        .execute(),
    ).rejects.toThrow();
    await expect(
      kdb
        .insertInto('events')
        .values({ ...event, id: 'e4', person_id: 'no-such-person' })
        .execute(),
    ).rejects.toThrow();
    if (dialect === 'sqlite') {
      const indexes = await sql<{
        name: string;
      }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'`.execute(kdb);
      expect(indexes.rows.map((r) => r.name)).toEqual(expect.arrayContaining(['events_person', 'events_case']));
    }
  });
});
