import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { caseInput, editForm, NARRATIVE, seenOf, useWorld } from './cases.fixtures.ts';
import { openCase } from './cases.service.ts';

// A mother filed her request with the wrong day of his last call (10 January; it was the 15th, on
// a messenger). She could correct every other field but not this one. Now her edit form has it:
// saved, the request shows the new date and means, the new date goes on the timeline as her
// report beside the old one, the audit log says "edited" and nothing more, and the means stays
// sealed. A wrong date is refused in her language with what she typed kept; staff cannot rewrite
// her word; a save over a change made meanwhile is refused (409) with her text kept.

const fields = (over: Record<string, string> = {}) =>
  editForm({ with_last_contact: '1', last_contact_date: '15.01.2026', last_contact_means: 'messenger', ...over });

describe.each(DIALECTS)('the family corrects its last contact (%s)', (dialect) => {
  const s = useWorld(dialect);
  const db = () => s.t.opened.db;
  const newCase = async () =>
    (await openCase({ db: db(), clock: s.t.clock }, s.w.family.auth, caseInput(s.w.orgA.id))).caseId;
  const stored = (caseId: string) =>
    db()
      .selectFrom('cases')
      .select(['last_contact_date', 'last_contact_precision', 'last_contact_means_sealed'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
  const lastContacts = async (caseId: string) =>
    (
      await db()
        .selectFrom('events')
        .select(['event_date', 'source', 'added_by_family'])
        .where('case_id', '=', caseId)
        .where('kind', '=', 'last_contact')
        .orderBy('event_date')
        .execute()
    ).map((e) => `${e.event_date} ${e.source} ${e.added_by_family}`);
  const get = (url: string, cookies: Record<string, string>) => s.t.app.inject({ method: 'GET', url, cookies });

  it('her form has the last contact as stored; the staff form has not', async () => {
    const caseId = await newCase();
    const mine = await get(`/cases/${caseId}/edit`, s.w.family.cookies);
    expect(mine.body).toContain('name="last_contact_date"');
    expect(mine.body).toMatch(/name="last_contact_date"[^>]*value="10\.01\.2026"/);
    expect(mine.body).toMatch(/<option value="phone" selected/);
    const staff = await get(`/cases/${caseId}/edit`, s.w.caseworker.cookies);
    expect(staff.statusCode).toBe(200);
    expect(staff.body).not.toContain('name="last_contact_date"');
  });

  it('saves the correction, adds it to the timeline, audits it without clear text', async () => {
    const caseId = await newCase();
    const url = `/cases/${caseId}/edit`;
    const { res } = await submitForm(s.t.app, url, fields(), s.w.family.cookies);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/cases/${caseId}?done=edited`);

    const row = await stored(caseId);
    expect([row.last_contact_date, row.last_contact_precision]).toEqual(['2026-01-15', 'day']);
    expect(row.last_contact_means_sealed).not.toContain('messenger');
    // Her earlier word stays; the correction is a new report of hers.
    expect(await lastContacts(caseId)).toEqual(['2026-01-10 family 1', '2026-01-15 family 1']);

    const page = await get(`/cases/${caseId}`, s.w.family.cookies);
    expect(page.body).toContain('15.01.2026 (Мессенджер)');
    const staffPage = await get(`/cases/${caseId}`, s.w.caseworker.cookies);
    expect(staffPage.body).toContain('15.01.2026');

    const audit = await db().selectFrom('audit_log').selectAll().where('case_id', '=', caseId).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['case.edited', 'event.added']));
    const written = JSON.stringify(audit);
    for (const clear of ['messenger', '15.01.2026', '2026-01-15', 'Мессенджер']) expect(written).not.toContain(clear);

    // Saved again unchanged, nothing more goes on the timeline.
    const again = await get(url, s.w.family.cookies);
    const same = await submitForm(s.t.app, url, fields({ seen: seenOf(again.body) }), s.w.family.cookies);
    expect(same.res.statusCode).toBe(303);
    expect(await lastContacts(caseId)).toHaveLength(2);
  });

  it('a date not yet come is refused in Russian and English, what she typed kept', async () => {
    const caseId = await newCase();
    const url = `/cases/${caseId}/edit`;
    const typed = fields({ last_contact_date: '01.01.2031', narrative: `${NARRATIVE} Дописала ночью.` });
    const ru = await submitForm(s.t.app, url, typed, s.w.family.cookies);
    expect(ru.res.statusCode).toBe(400);
    expect(ru.res.body).toContain('Эта дата ещё не наступила.');
    expect(ru.res.body).toMatch(/name="last_contact_date"[^>]*value="01\.01\.2031"/);
    expect(ru.res.body).toContain('Дописала ночью.');
    expect(ru.res.body).toMatch(/<option value="messenger" selected/);
    const en = await submitForm(s.t.app, `${url}?lang=en`, typed, s.w.family.cookies);
    expect(en.res.statusCode).toBe(400);
    expect(en.res.body).toContain('This date is in the future.');
    expect((await stored(caseId)).last_contact_date).toBe('2026-01-10');
  });

  it('a last contact before his birth is flagged once, then saved when she confirms', async () => {
    const caseId = await newCase();
    const url = `/cases/${caseId}/edit`;
    const typed = fields({ last_contact_date: '03.1997' });
    const first = await submitForm(s.t.app, url, typed, s.w.family.cookies);
    expect(first.res.statusCode).toBe(409);
    const ack = /name="ack" value="([^"]*)"/.exec(first.res.body)?.[1];
    expect(ack).toBeTruthy();
    expect(first.res.body).toMatch(/name="last_contact_date"[^>]*value="03\.1997"/);
    expect((await stored(caseId)).last_contact_date).toBe('2026-01-10');
    const confirmed = await submitForm(s.t.app, url, { ...typed, ack: ack ?? '' }, s.w.family.cookies);
    expect(confirmed.res.statusCode).toBe(303);
    expect(await lastContacts(caseId)).toEqual(['1997-03 family 1', '2026-01-10 family 1']);
  });

  it('staff cannot rewrite it, and a form without the fields leaves it alone', async () => {
    const caseId = await newCase();
    const url = `/cases/${caseId}/edit`;
    const byStaff = await submitForm(s.t.app, url, fields({ last_contact_date: '20.01.2026' }), s.w.caseworker.cookies);
    expect(byStaff.res.statusCode).toBe(303);
    const { with_last_contact, last_contact_date, last_contact_means, ...older } = fields();
    const oldPage = await submitForm(s.t.app, url, older, s.w.family.cookies);
    expect(oldPage.res.statusCode).toBe(303);
    expect((await stored(caseId)).last_contact_date).toBe('2026-01-10');
    expect(await lastContacts(caseId)).toEqual(['2026-01-10 family 1']);
  });

  it('a correction saved over a change made meanwhile is refused (409), her date kept in the form', async () => {
    const caseId = await newCase();
    const url = `/cases/${caseId}/edit`;
    const motherSeen = seenOf((await get(url, s.w.family.cookies)).body);
    const staffSeen = seenOf((await get(url, s.w.caseworker.cookies)).body);
    const fixed = await submitForm(s.t.app, url, fields({ rank: 'ефрейтор', seen: staffSeen }), s.w.caseworker.cookies);
    expect(fixed.res.statusCode).toBe(303);

    const late = await submitForm(s.t.app, url, fields({ seen: motherSeen }), s.w.family.cookies);
    expect(late.res.statusCode).toBe(409);
    expect(late.res.body).toContain('изменились');
    expect(late.res.body).toMatch(/name="last_contact_date"[^>]*value="15\.01\.2026"/);
    expect((await stored(caseId)).last_contact_date).toBe('2026-01-10');

    // Sent again from there (the form now carries what is stored), it is saved.
    const again = await submitForm(s.t.app, url, fields({ seen: seenOf(late.res.body) }), s.w.family.cookies);
    expect(again.res.statusCode).toBe(303);
    expect((await stored(caseId)).last_contact_date).toBe('2026-01-15');
  });
});
