import { describe, expect, it } from 'vitest';
import { countRows, DIALECTS } from '../../test/helpers/db.ts';
import type { TestUser } from '../../test/helpers/factories.ts';
import { browserOf, expectNotSent, textarea } from '../../test/helpers/not-sent.ts';
import { CSRF_COOKIE } from '../web/security.ts';
import { useWorld } from './cases.fixtures.ts';

// A mother writes her request (or a message, an event, a correction) in Tor Browser; meanwhile the
// browser loses the site's CSRF cookie (restarted, "new identity", another tab opened from a link
// minted a new one). The form used to fail on a bare "form expired" page with everything typed
// lost. Now it comes back filled in, with a fresh token and a message that nothing was saved; the
// route never ran, so nothing is stored, and sending it again works. A post another site sent
// still gets the plain refusal, and so does anyone the form is not theirs to see. When the
// session went with the cookie, what was typed comes back on the session-ended page.

const MARK = 'МАРКЕР-CSRF-СЕМЬЯ-5521';
const STORY = `Сын позвонил 3 марта из-под Купянска, потом пропал. ${MARK}`;

type Table = 'cases' | 'events' | 'case_messages' | 'case_notes';

describe.each(DIALECTS)('a case form whose CSRF cookie was lost (%s)', (dialect) => {
  const s = useWorld(dialect);

  const count = (table: Table) => countRows(s.t.opened.db, table);

  const caseUrl = () => `/cases/${s.w.caseId}`;

  const newCase = (): Record<string, string> => ({
    organisation: s.w.orgA.id,
    surname: 'Орлов',
    given_name: 'Денис',
    birth_date: '2001',
    region: 'RU-BEL',
    unit_name: 'Шторм <b>V</b>',
    service_category: 'mobilised',
    relation: 'mother',
    narrative: STORY,
    wants_to_learn: 'Жив ли он и где он',
  });

  it('the new request comes back filled in; nothing stored; sending it again opens the case', async () => {
    const before = await count('cases');
    const family = browserOf(s.t.app, s.w.family);
    await family.get('/cases/new');
    family.cookies.delete(CSRF_COOKIE);
    const failed = await family.submit(null, '/cases/new', newCase());
    expectNotSent(failed);
    expect(failed.body).toContain('value="Орлов"');
    expect(failed.body).toContain('value="Шторм &lt;b>V&lt;/b>"');
    expect(failed.body).toMatch(textarea('narrative', STORY));
    expect(failed.body).toMatch(/<option value="mobilised" selected/);
    expect(failed.body).toMatch(new RegExp(`<option value="${s.w.orgA.id}" selected`));
    expect(await count('cases')).toBe(before);

    const sent = await family.submit(null, '/cases/new');
    expect(sent.url).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    expect(sent.body).toContain(MARK);
    expect(await count('cases')).toBe(before + 1);
  });

  it('a token from another visit is handled the same way, in English too', async () => {
    const before = await count('cases');
    const family = browserOf(s.t.app, s.w.family);
    await family.get('/cases/new?lang=en');
    family.cookies.set(CSRF_COOKIE, 'a-secret-from-another-visit-000000');
    const failed = await family.submit(null, '/cases/new', { ...newCase(), surname: 'Белов' });
    expectNotSent(failed, 'en', false);
    expect(failed.body).toContain('value="Белов"');
    expect(await count('cases')).toBe(before);
    expect((await family.submit(null, '/cases/new')).url).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    expect(await count('cases')).toBe(before + 1);
  });

  it('a correction comes back as typed (the version it was opened at too); nothing changed; sent again, saved', async () => {
    const family = browserOf(s.t.app, s.w.family);
    const form = await family.get(`${caseUrl()}/edit`);
    const seen = /name="seen" value="([^"]+)"/.exec(form.body)![1];
    family.cookies.delete(CSRF_COOKIE);
    const failed = await family.submit(null, `${caseUrl()}/edit`, { narrative: STORY });
    expectNotSent(failed);
    expect(failed.body).toMatch(textarea('narrative', STORY));
    expect(failed.body).toContain(`name="seen" value="${seen}"`);
    expect((await family.get(caseUrl())).body).not.toContain(MARK);

    const sent = await family.submit(`${caseUrl()}/edit`, `${caseUrl()}/edit`, { narrative: STORY });
    expect(sent.url).toBe(`${caseUrl()}?done=edited`);
    expect(sent.body).toContain(MARK);
  });

  it('a message comes back in its box on the case page, with the way down to it; sent again, it arrives', async () => {
    const before = await count('case_messages');
    const family = browserOf(s.t.app, s.w.family);
    await family.get(caseUrl());
    family.cookies.delete(CSRF_COOKIE);
    const failed = await family.submit(null, `${caseUrl()}/messages`, { body: STORY });
    expectNotSent(failed);
    expect(failed.body).toMatch(textarea('body', STORY));
    expect(failed.body).toMatch(/Форма не отправлена[^<]*<a href="#messages">Перейти к форме<\/a>/);
    expect(await count('case_messages')).toBe(before);

    const sent = await family.submit(null, `${caseUrl()}/messages`);
    expect(sent.url).toBe(`${caseUrl()}?done=message#messages`);
    expect(await count('case_messages')).toBe(before + 1);
  });

  it('an event comes back in the open event form; nothing added; sent again, it is added', async () => {
    const before = await count('events');
    const family = browserOf(s.t.app, s.w.family);
    await family.get(caseUrl());
    family.cookies.delete(CSRF_COOKIE);
    const event = { kind: 'last_contact', date: '02.2026', place: 'Купянск', source: 'family', description: STORY };
    const failed = await family.submit(null, `${caseUrl()}/events`, event);
    expectNotSent(failed);
    expect(failed.body).toMatch(/<details open="" id="add-event"|<details open id="add-event"/);
    expect(failed.body).toContain('value="Купянск"');
    expect(failed.body).toMatch(textarea('description', STORY));
    expect(await count('events')).toBe(before);

    const sent = await family.submit(null, `${caseUrl()}/events`);
    expect(sent.url).toMatch(new RegExp(`^${caseUrl()}\\?done=event#event-`));
    expect(await count('events')).toBe(before + 1);
  });

  it('an event sent from its check page comes back on the check page, the warnings seen kept', async () => {
    const before = await count('events');
    const family = browserOf(s.t.app, s.w.family);
    // Before the date of birth (12.05.1998): the event stops once at the check page.
    const event = { kind: 'last_contact', date: '1990', source: 'family', description: STORY };
    const check = await family.submit(caseUrl(), `${caseUrl()}/events`, event);
    expect(check.status).toBe(409);
    const ack = /name="ack" value="([^"]+)"/.exec(check.body)![1];
    family.cookies.delete(CSRF_COOKIE);
    const failed = await family.submit(null, `${caseUrl()}/events`);
    expectNotSent(failed);
    expect(failed.body).toContain('name="checked" value="1"');
    expect(failed.body).toContain(`name="ack" value="${ack}"`);
    expect(failed.body).toMatch(textarea('description', STORY));
    expect(await count('events')).toBe(before);

    const sent = await family.submit(null, `${caseUrl()}/events`);
    expect(sent.url).toMatch(new RegExp(`^${caseUrl()}\\?done=event#event-`));
    expect(await count('events')).toBe(before + 1);
  });

  it("a caseworker's note comes back on the case page; nothing stored; sent again, it is kept", async () => {
    const before = await count('case_notes');
    const staff = browserOf(s.t.app, s.w.caseworker);
    await staff.get(caseUrl());
    staff.cookies.delete(CSRF_COOKIE);
    const failed = await staff.submit(null, `/staff/cases/${s.w.caseId}/notes`, { body: STORY });
    expectNotSent(failed);
    expect(failed.body).toMatch(textarea('body', STORY));
    expect(failed.body).toContain('<a href="#notes-h">Перейти к форме</a>');
    expect(await count('case_notes')).toBe(before);

    const sent = await staff.submit(null, `/staff/cases/${s.w.caseId}/notes`);
    expect(sent.url).toBe(`${caseUrl()}?done=note#notes-h`);
    expect(await count('case_notes')).toBe(before + 1);
  });

  it('never draws back a passphrase, a token or a code sent with the form, with or without a session', async () => {
    const secrets = { passphrase: 'SECRET-PASS-1', token: 'SECRET-TOKEN-2', code: 'SECRET-CODE-3', _csrf: 'SECRET-4' };
    for (const clear of [false, true]) {
      const family = browserOf(s.t.app, s.w.family);
      await family.get(caseUrl());
      if (clear) family.cookies.clear();
      else family.cookies.delete(CSRF_COOKIE);
      const res = await family.submit(null, `${caseUrl()}/messages`, { body: STORY, ...secrets });
      expect(res.status).toBe(403);
      expect(res.body).toContain(MARK);
      expect(res.body).not.toContain('SECRET-');
    }
  });

  it('a post another site sent gets the plain refusal on every one of these forms', async () => {
    const counts = async () => Promise.all((['cases', 'events', 'case_messages', 'case_notes'] as const).map(count));
    const before = await counts();
    const tries: Array<[TestUser, string, string, Record<string, string>]> = [
      [s.w.family, '/cases/new', '/cases/new', newCase()],
      [s.w.family, `${caseUrl()}/edit`, `${caseUrl()}/edit`, { narrative: STORY }],
      [s.w.family, caseUrl(), `${caseUrl()}/messages`, { body: STORY }],
      [s.w.family, caseUrl(), `${caseUrl()}/events`, { kind: 'last_contact', date: '2026', description: STORY }],
      [s.w.caseworker, caseUrl(), `/staff/cases/${s.w.caseId}/notes`, { body: STORY }],
    ];
    for (const [user, page, action, fields] of tries) {
      const v = browserOf(s.t.app, user, { 'sec-fetch-site': 'cross-site' });
      await v.get(page);
      v.cookies.delete(CSRF_COOKIE);
      const res = await v.submit(null, action, fields);
      expect(res.status, action).toBe(403);
      expect(res.body, action).toContain('Форма устарела');
      expect(res.body, action).not.toContain(MARK);
    }
    expect(await counts()).toEqual(before);
  });

  it('someone the form is not theirs to see gets the plain refusal, nothing of the case', async () => {
    const before = await count('case_messages');
    const other = browserOf(s.t.app, s.w.otherFamily);
    const res = await other.request('POST', `${caseUrl()}/messages`, { body: STORY, _csrf: 'forged' }, false);
    expect(res.status).toBe(403);
    expect(res.body).toContain('Форма устарела');
    expect(res.body).not.toContain(MARK);
    expect(res.body).not.toContain('Иванов');
    expect(await count('case_messages')).toBe(before);
  });

  it('when the session went with the cookie (the browser restarted), the text comes back to copy', async () => {
    const before = await count('case_messages');
    const family = browserOf(s.t.app, s.w.family);
    await family.get(caseUrl());
    family.cookies.clear();
    const res = await family.submit(null, `${caseUrl()}/messages`, { body: STORY });
    expect(res.status).toBe(403);
    expect(res.body).toContain('Браузер забыл вход на этот сайт');
    expect(res.body).toMatch(/<textarea readonly[^>]*>Сын позвонил 3 марта/i);
    expect(res.body).toContain('action="/login"');
    // Nothing of the case without a session: only what the browser itself sent.
    expect(res.body).not.toContain('Иванов');
    expect(await count('case_messages')).toBe(before);
  });
});
