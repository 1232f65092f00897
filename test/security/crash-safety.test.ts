import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { systemClock } from '../../src/shared/clock.ts';
import { openText } from '../../src/shared/crypto/index.ts';
import { principalOf } from '../../src/policy/principal.ts';
import { openCase } from '../../src/cases/cases.service.ts';
import { caseInput } from '../../src/cases/cases.fixtures.ts';
import { authoriseCase } from '../../src/cases/case-access.service.ts';
import { fieldAad, openCaseKey } from '../../src/cases/case-keys.ts';
import { createFamily, createOrganisation, createStaff } from '../helpers/factories.ts';
import { startServerProcess } from '../helpers/server-process.ts';

// Crash safety (issue 14): the real server is killed with SIGKILL in the middle of a stream of
// posts — a family's messages, a caseworker's notes, strangers' tips — again and again. Every
// post that was acknowledged (303) is in the database afterwards; nothing is half-written: each
// message and note has its audit entry, each tip its receipt visit, positions are unique, and
// SQLite's own integrity check passes.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kintrace-crash-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const start = () => startServerProcess({ DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'silent' });

/** Posts a form the way a browser without JavaScript does; true only when the server said 303. */
const post = async (base: string, cookie: string, page: string, action: string, fields: Record<string, string>) => {
  try {
    const got = await fetch(base + page, { headers: { cookie } });
    const html = await got.text();
    const csrf = got.headers
      .getSetCookie()
      .find((c) => c.startsWith('kt_csrf='))
      ?.split(';')[0];
    const token = /name="_csrf" value="([^"]+)"|_csrf=([^"&]+)"/.exec(html);
    if (!token) return false;
    const res = await fetch(base + action, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        cookie: [cookie, csrf].filter(Boolean).join('; '),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ ...fields, _csrf: token[1] ?? decodeURIComponent(token[2]) }).toString(),
    });
    return res.status === 303;
  } catch {
    return false; // the server died under us: not acknowledged
  }
};

describe('SIGKILL in the middle of posts, again and again', () => {
  it('loses nothing acknowledged and leaves no partial record', async () => {
    const file = path.join(dir, 'kintrace.sqlite');
    const setup = openSqlite(file);
    await migrateToLatest(setup.db);
    const org = await createOrganisation(setup.db, { clock: systemClock });
    const family = await createFamily(setup.db, { clock: systemClock });
    const staff = await createStaff(setup.db, org, 'caseworker', { clock: systemClock });
    const { caseId } = await openCase({ db: setup.db, clock: systemClock }, family.auth, caseInput(org.id));
    await setup.close();
    const cookieOf = (c: Record<string, string>) =>
      Object.entries(c)
        .map(([k, v]) => `${k}=${v}`)
        .join('; ');

    const acknowledged = { messages: new Set<string>(), notes: new Set<string>(), tips: 0 };
    const casePage = `/cases/${caseId}`;
    for (let round = 0; round < 4; round++) {
      const server = await start();
      let alive = true;
      // Kill it while the posts are flowing: once a few have been answered in this round.
      const total = () => acknowledged.messages.size + acknowledged.notes.size + acknowledged.tips;
      const target = total() + 5 + round * 3;
      let reached: () => void = () => {};
      const enough = new Promise<void>((resolve) => {
        reached = resolve;
      });
      const acked = () => {
        if (total() >= target) reached();
      };
      const loop = async (kind: 'message' | 'note' | 'tip', n: number) => {
        for (let i = 0; i < n && alive; i++) {
          const marker = `${kind}-${round}-${i}-${Math.random().toString(36).slice(2)}`;
          if (
            kind === 'message' &&
            (await post(server.base, cookieOf(family.cookies), casePage, `${casePage}/messages`, { body: marker }))
          )
            acknowledged.messages.add(marker);
          if (
            kind === 'note' &&
            (await post(server.base, cookieOf(staff.cookies), casePage, `/staff/cases/${caseId}/notes`, {
              body: marker,
            }))
          )
            acknowledged.notes.add(marker);
          if (
            kind === 'tip' &&
            (await post(server.base, '', '/tips/new', '/tips/new', {
              organisation: org.id,
              what_happened: marker,
              how_known: 'other',
            }))
          )
            acknowledged.tips++;
          acked();
        }
        reached();
      };
      const loops = [loop('message', 40), loop('note', 40), loop('tip', 15)];
      await enough;
      const killed = server.stop('SIGKILL');
      alive = false;
      await killed;
      await Promise.all(loops);
    }

    const db = openSqlite(file);
    try {
      expect(
        (await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db.db)).rows[0].integrity_check,
      ).toBe('ok');
      const key = await openCaseKey(db.db, await authoriseCase(db.db, principalOf(family.auth), caseId, 'read'));
      const bodies = async (table: 'case_messages' | 'case_notes', prefix: string) =>
        new Set(
          (await db.db.selectFrom(table).select(['id', 'body_sealed']).where('case_id', '=', caseId).execute()).map(
            (r) => openText(key, r.body_sealed, fieldAad(caseId, `${prefix}:${r.id}`)),
          ),
        );
      const messages = await bodies('case_messages', 'message');
      const notes = await bodies('case_notes', 'note');
      expect(acknowledged.messages.size + acknowledged.notes.size).toBeGreaterThan(20);
      for (const m of acknowledged.messages) expect(messages.has(m), m).toBe(true);
      for (const n of acknowledged.notes) expect(notes.has(n), n).toBe(true);
      // Nothing half-written: every post has its audit entry, no position twice, every tip its visit.
      const count = async (q: { execute(): Promise<Array<{ n: unknown }>> }) => Number((await q.execute())[0].n);
      const audited = async (action: string) =>
        count(
          db.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('case_id', '=', caseId)
            .where('action', '=', action),
        );
      expect(await audited('message.sent')).toBe(messages.size);
      expect(await audited('note.added')).toBe(notes.size);
      const seqs = await db.db.selectFrom('case_messages').select('seq').where('case_id', '=', caseId).execute();
      expect(new Set(seqs.map((s) => s.seq)).size).toBe(seqs.length);
      const tips = await count(db.db.selectFrom('tips').select((eb) => eb.fn.countAll().as('n')));
      const visits = await count(
        db.db.selectFrom('tip_sessions').select((eb) => eb.fn.count('tip_id').distinct().as('n')),
      );
      expect(tips).toBeGreaterThanOrEqual(acknowledged.tips);
      expect(visits).toBe(tips);
    } finally {
      await db.close();
    }
  }, 600_000);
});
