import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { grantQueue } from '../policy/organisation.policy.ts';
import { principalOf } from '../policy/principal.ts';
import { caseInput, grantFor, useWorld } from './cases.fixtures.ts';
import { sendMessage } from './case-work.service.ts';
import { familyToldAbout, notifyFamily } from './case-news.service.ts';
import { getCaseForViewer, openCase, casesOfFamily } from './cases.service.ts';
import { addEvent, confirmEvent } from './events.service.ts';
import { caseQueue } from './queue.service.ts';

// Knowing that someone answered: each side sees what the other did since its last visit, once.

describe.each(DIALECTS)('case news (%s)', (dialect) => {
  const s = useWorld(dialect);
  const deps = () => ({ db: s.t.opened.db, clock: s.t.clock });
  const fresh = async () => (await openCase(deps(), s.w.family.auth, caseInput(s.w.orgA.id))).caseId;

  it('shows the family a reply and a verified event once, with the new status', async () => {
    const caseId = await fresh();
    const msgId = await sendMessage(deps(), await grantFor(s.t, s.w.caseworker, caseId, 'message'), 'Мы ищем');
    const { eventId } = await addEvent(deps(), await grantFor(s.t, s.w.family, caseId, 'add_event'), {
      kind: 'captured',
      date: parsePartialDate('2026-02') ?? undefined,
      source: 'family',
      verification: undefined,
      place: undefined,
      description: undefined,
    });
    // A capture is confirmed on its page, with a reason (issue 9).
    const confirm = await grantFor(s.t, s.w.verifier, caseId, 'confirm');
    await confirmEvent(deps(), confirm, eventId, 'confirmed', 'Список обмена');
    expect((await casesOfFamily(s.t.opened.db, s.w.family.auth)).find((c) => c.id === caseId)?.news).toBe(3);
    const seen = await getCaseForViewer(deps(), await grantFor(s.t, s.w.family, caseId), { takeNews: true });
    expect(seen.news).toEqual({ messageIds: [msgId], eventIds: [eventId], status: 'captured', items: [] });
    const again = await getCaseForViewer(deps(), await grantFor(s.t, s.w.family, caseId), { takeNews: true });
    expect(again.news).toEqual({ messageIds: [], eventIds: [], status: null, items: [] });
    expect((await casesOfFamily(s.t.opened.db, s.w.family.auth)).find((c) => c.id === caseId)?.news).toBe(0);
  });

  it('marks the family\'s message in the queue ("family wrote") until a staff member opens the case', async () => {
    const caseId = await fresh();
    const queue = grantQueue(principalOf(s.w.caseworker.auth));
    await sendMessage(deps(), await grantFor(s.t, s.w.family, caseId, 'message'), 'Есть новости?');
    const wrote = await caseQueue(deps(), queue, 'family_wrote');
    expect(wrote.rows.find((r) => r.id === caseId)?.familyWrote).toBe(1);
    // Reading the edit form is not a visit to the case page: it takes no news.
    await getCaseForViewer(deps(), await grantFor(s.t, s.w.verifier, caseId));
    expect((await caseQueue(deps(), queue, 'family_wrote')).rows.map((r) => r.id)).toContain(caseId);
    await getCaseForViewer(deps(), await grantFor(s.t, s.w.verifier, caseId), { takeNews: true });
    expect((await caseQueue(deps(), queue, 'family_wrote')).rows.map((r) => r.id)).not.toContain(caseId);
  });

  it("marks new items on the case page and in the family's list, in words", async () => {
    const caseId = await fresh();
    await sendMessage(deps(), await grantFor(s.t, s.w.caseworker, caseId, 'message'), 'Ответ организации');
    const list = await s.t.app.inject({ method: 'GET', url: '/my/cases', cookies: s.w.family.cookies });
    expect(list.body).toContain('1 новое');
    const page = await s.t.app.inject({ method: 'GET', url: `/cases/${caseId}`, cookies: s.w.family.cookies });
    expect(page.body).toContain('Что нового с вашего прошлого посещения');
    expect(page.body).toContain('1 новое сообщение.');
    expect(page.body).toMatch(/<strong class="new">Новое<\/strong>\s*<small>/);
    const later = await s.t.app.inject({ method: 'GET', url: `/cases/${caseId}`, cookies: s.w.family.cookies });
    expect(later.body).not.toContain('Что нового');
  });

  it('links a new message and a new event down to where they are on the page', async () => {
    const caseId = await fresh();
    await sendMessage(deps(), await grantFor(s.t, s.w.caseworker, caseId, 'message'), 'Ответ организации');
    await addEvent(deps(), await grantFor(s.t, s.w.caseworker, caseId, 'add_event'), {
      kind: 'wounded',
      date: parsePartialDate('2026-02') ?? undefined,
      source: 'witness',
      verification: undefined,
      place: undefined,
      description: undefined,
    });
    const page = await s.t.app.inject({ method: 'GET', url: `/cases/${caseId}`, cookies: s.w.family.cookies });
    expect(page.body).toContain('<a href="#messages">1 новое сообщение.</a>');
    expect(page.body).toContain('<a href="#timeline">1 новое или проверенное событие.</a>');
    expect(page.body).toContain('id="messages"');
    expect(page.body).toContain('id="timeline"');
  });

  it("signs her own messages «Вы» on her page, and «Семья» on the staff's", async () => {
    const caseId = await fresh();
    await sendMessage(deps(), await grantFor(s.t, s.w.family, caseId, 'message'), 'Есть новости?');
    const signed = (body: string) => /<strong>([^<]*)<\/strong> ·/.exec(body.slice(body.indexOf('id="messages"')))?.[1];
    const hers = await s.t.app.inject({ method: 'GET', url: `/cases/${caseId}`, cookies: s.w.family.cookies });
    expect(signed(hers.body)).toBe('Вы');
    const en = await s.t.app.inject({ method: 'GET', url: `/cases/${caseId}?lang=en`, cookies: s.w.family.cookies });
    expect(signed(en.body)).toBe('You');
    const staff = await s.t.app.inject({ method: 'GET', url: `/cases/${caseId}`, cookies: s.w.caseworker.cookies });
    expect(signed(staff.body)).toBe('Семья');
  });

  it('makes «Вам ответили — прочитайте сообщение» a way to the messages, on her list and on her request', async () => {
    const caseId = await fresh();
    await sendMessage(deps(), await grantFor(s.t, s.w.caseworker, caseId, 'message'), 'Ответьте, пожалуйста');
    const list = await s.t.app.inject({ method: 'GET', url: '/my/cases', cookies: s.w.family.cookies });
    expect(list.body).toContain(`<a href="/cases/${caseId}#messages">Вам ответили — прочитайте сообщение</a>`);
    const page = await s.t.app.inject({ method: 'GET', url: `/cases/${caseId}`, cookies: s.w.family.cookies });
    expect(page.body).toContain('<a href="#messages">Вам ответили — прочитайте сообщение</a>');
    const staff = await s.t.app.inject({ method: 'GET', url: `/cases/${caseId}`, cookies: s.w.caseworker.cookies });
    expect(staff.body).toContain('<strong>ждём ответа семьи</strong>');
  });

  it('lets other domains tell the family, and answers whether she was told', async () => {
    const caseId = await fresh();
    expect(await familyToldAbout(s.t.opened.db, caseId, 'registry-entry-1')).toEqual({
      told: false,
      seen: false,
      on: null,
    });
    await s.t.opened.db
      .transaction()
      .execute((tx) => notifyFamily(tx, { caseId, kind: 'published', refId: 'registry-entry-1', day: '2026-03-02' }));
    expect(await familyToldAbout(s.t.opened.db, caseId, 'registry-entry-1')).toEqual({
      told: true,
      seen: false,
      on: '2026-03-02',
    });
    const view = await getCaseForViewer(deps(), await grantFor(s.t, s.w.family, caseId), { takeNews: true });
    expect(view.news.items).toEqual([{ kind: 'published', refId: 'registry-entry-1', on: '2026-03-02' }]);
    expect((await familyToldAbout(s.t.opened.db, caseId, 'registry-entry-1')).seen).toBe(true);
  });
});
