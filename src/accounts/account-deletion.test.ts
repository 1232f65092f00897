import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { createFamily, submitForm } from '../../test/helpers/factories.ts';
import { Visitor } from '../../test/helpers/visitor.ts';
import { caseInput, grantFor, NARRATIVE, useWorld } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';
import { addNote, sendMessage } from '../cases/case-work.service.ts';
import { addEvent } from '../cases/events.service.ts';
import { parsePartialDate } from '../people/partial-date.ts';

// A family deletes its account and every case at once, with one confirmation (issue 14).

describe.each(DIALECTS)('a family deletes its account and every case (%s)', (dialect) => {
  const s = useWorld(dialect);

  it('one confirmation destroys the account, every case and what was sealed in them; nothing of others', async () => {
    const db = s.t.opened.db;
    const deps = { db, clock: s.t.clock };
    const fam = s.w.family;
    const { caseId: second } = await openCase(deps, fam.auth, caseInput(s.w.orgB.id, { surname: 'Второв' }));
    await sendMessage(deps, await grantFor(s.t, fam, s.w.caseId, 'message'), 'сообщение семьи');
    await sendMessage(deps, await grantFor(s.t, s.w.caseworker, s.w.caseId, 'message'), 'ответ сотрудника');
    await addNote(deps, await grantFor(s.t, s.w.caseworker, s.w.caseId, 'note'), 'заметка');
    await addEvent(
      deps,
      await grantFor(s.t, s.w.verifier, s.w.caseId, 'add_event'),
      {
        kind: 'captured',
        date: parsePartialDate('02.2026') ?? undefined,
        source: 'official',
        place: undefined,
        description: 'подтверждено',
        verification: 'confirmed',
      },
      { reason: 'Ответ Минобороны' },
    );
    const wraps = await db
      .selectFrom('case_key_wraps')
      .select('wrapped')
      .where('case_id', 'in', [s.w.caseId, second])
      .execute();
    expect(wraps).toHaveLength(4);

    const account = await new Visitor(s.t.app);
    for (const [k, v] of Object.entries(fam.cookies)) account.cookies.set(k, v);
    const page = await account.get('/account');
    expect(page.body).toContain('href="/account/delete"');
    const confirm = await account.get('/account/delete');
    expect(confirm.body).toContain('Иванов Пётр');
    expect(confirm.body).toContain('Второв');
    const done = await account.submit(null, '/account/delete', {}, false);
    expect(done.status).toBe(200);
    expect(String(done.headers['clear-site-data'])).toContain('cookies');
    expect(String(done.headers['set-cookie'])).toMatch(/kt_session=;/);

    // Gone: the account, its sessions and codes, both cases and all they held.
    expect(await db.selectFrom('users').select('id').where('id', '=', fam.id).execute()).toEqual([]);
    for (const table of ['sessions', 'recovery_codes'] as const)
      expect(await db.selectFrom(table).select('user_id').where('user_id', '=', fam.id).execute(), table).toEqual([]);
    for (const table of ['cases', 'case_key_wraps', 'case_messages', 'case_notes', 'case_news', 'events'] as const) {
      const col = table === 'cases' ? 'id' : 'case_id';
      const left = await sql<{
        n: number;
      }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE ${sql.ref(col)} IN (${s.w.caseId}, ${second})`.execute(db);
      expect(Number(left.rows[0].n), table).toBe(0);
    }
    // The other family's case, about another person, is untouched.
    expect(await db.selectFrom('cases').select('id').where('id', '=', s.w.otherCaseId).execute()).toHaveLength(1);
    // Each organisation's log says a case was deleted by its family, to the day, with no content.
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'case.deleted').execute();
    expect(audit.map((a) => a.case_id).sort()).toEqual([s.w.caseId, second].sort());
    for (const a of audit) expect(a.at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(JSON.stringify(audit)).not.toContain(NARRATIVE);

    // The old cookie opens nothing; staff find nothing; the pseudonym is free again.
    expect((await s.t.app.inject({ method: 'GET', url: '/my/cases', cookies: fam.cookies })).headers.location).toBe(
      '/login?next=%2Fmy%2Fcases',
    );
    expect(
      (await s.t.app.inject({ method: 'GET', url: `/cases/${s.w.caseId}`, cookies: s.w.caseworker.cookies }))
        .statusCode,
    ).toBe(404);
    const again = await submitForm(s.t.app, '/register', {
      pseudonym: fam.pseudonym,
      passphrase: 'новая длинная фраза',
      confirm: 'новая длинная фраза',
    });
    // A new account with the same pseudonym: on to the page of its new recovery codes, not "taken".
    expect(again.res.statusCode).toBe(303);
    expect(again.res.headers.location).toBe('/register/codes');
    expect(again.res.body).not.toContain('уже занят');

    if (dialect === 'sqlite') {
      const dir = s.t.dataDir;
      for (const f of ['kintrace.sqlite', 'kintrace.sqlite-wal']
        .map((n) => path.join(dir, n))
        .filter((f) => fs.existsSync(f))) {
        const bytes = fs.readFileSync(f);
        for (const w of wraps) expect(bytes.includes(Buffer.from(w.wrapped)), f).toBe(false);
      }
    }
  });

  it('is for families only, and needs its confirmation', async () => {
    for (const u of [s.w.caseworker, s.w.admin]) {
      expect((await s.t.app.inject({ method: 'GET', url: '/account/delete', cookies: u.cookies })).statusCode).toBe(
        404,
      );
      const post = await submitForm(s.t.app, '/account', { confirm: 'yes' }, u.cookies, '/account/delete');
      expect(post.res.statusCode).toBe(404);
    }
    expect((await s.t.app.inject({ method: 'GET', url: '/account/delete' })).headers.location).toBe(
      '/login?next=%2Faccount%2Fdelete',
    );
    // A family without requests is not shown "0 requests —" over an empty list.
    const alone = await createFamily(s.t.opened.db, { clock: s.t.clock });
    const aloneConfirm = await s.t.app.inject({ method: 'GET', url: '/account/delete', cookies: alone.cookies });
    expect(aloneConfirm.statusCode).toBe(200);
    expect(aloneConfirm.body).not.toMatch(/\d+ запрос|запрос удалён/);
    const aloneDone = await submitForm(s.t.app, '/account/delete', { confirm: 'yes' }, alone.cookies);
    expect(aloneDone.res.body).toContain('Учётная запись удалена.');
    expect(aloneDone.res.body).not.toMatch(/\d+ запрос/);
    const withCases = await s.t.app.inject({ method: 'GET', url: '/account/delete', cookies: s.w.otherFamily.cookies });
    expect(withCases.body).toMatch(/1 запрос/);
    const noConfirm = await submitForm(s.t.app, '/account/delete', { confirm: '' }, s.w.otherFamily.cookies);
    expect(noConfirm.res.statusCode).toBe(400);
    expect(
      await s.t.opened.db.selectFrom('users').select('id').where('id', '=', s.w.otherFamily.id).execute(),
    ).toHaveLength(1);
  });
});
