import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshPgUrl } from '../../test/helpers/db.ts';
import { openPostgres, openSqlite, type OpenedDb } from '../db/database.ts';
import * as m0 from '../db/migrations/0000-meta.ts';
import * as m1 from '../db/migrations/0001-accounts.ts';
import * as m2 from '../db/migrations/0002-cases.ts';
import * as m3 from '../db/migrations/0003-retention.ts';
import * as m4 from '../db/migrations/0004-last-login.ts';
import * as m5 from '../db/migrations/0005-person-revisions.ts';
import * as m6 from '../db/migrations/0006-case-lifecycle.ts';

// Migration 0006 turns the `waiting_on` flag and the "withdrawn" close reason into states.

describe.each(DIALECTS)('migration 0006-case-lifecycle (%s)', (dialect) => {
  let opened: OpenedDb;
  afterEach(() => opened.close());

  it('moves existing cases to their states and drops the flag', async () => {
    opened = dialect === 'sqlite' ? openSqlite(':memory:') : openPostgres(await freshPgUrl());
    const db = opened.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    for (const m of [m0, m1, m2, m3, m4, m5]) await m.up(db as unknown as Kysely<unknown>);
    await sql`INSERT INTO persons (id, surname, given_name, surname_key, given_name_key, service_category, created_at)
      VALUES ('p', 'И', 'П', 'и', 'п', 'unknown', '2026-01-01')`.execute(db);
    const row = (id: string, state: string, waiting: string, reason: string | null) => ({
      id,
      person_id: 'p',
      organisation_id: 'o',
      requester_user_id: 'u',
      state,
      assigned_to: null,
      waiting_on: waiting,
      relation_sealed: 'r',
      narrative_sealed: 'n',
      wants_sealed: 'w',
      close_reason: reason,
      opened_on: '2026-01-01',
      last_activity_on: '2026-01-01',
      closed_on: reason ? '2026-01-02' : null,
    });
    await db
      .insertInto('cases')
      .values([
        row('a', 'open', 'staff', null),
        row('b', 'open', 'family', null),
        row('c', 'closed', 'staff', 'duplicate'),
        row('d', 'closed', 'staff', 'withdrawn'),
      ])
      .execute();
    await m6.up(db as unknown as Kysely<unknown>);
    const rows = await db.selectFrom('cases').selectAll().orderBy('id').execute();
    expect(rows.map((r) => [r.id, r.state])).toEqual([
      ['a', 'open'],
      ['b', 'waiting_on_family'],
      ['c', 'closed'],
      ['d', 'withdrawn'],
    ]);
    expect(Object.keys(rows[0])).not.toContain('waiting_on');
  });
});
