import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { caseInput, useWorld } from './cases.fixtures.ts';
import { openCase } from './cases.service.ts';

// The truth of a death through the real routes, without JavaScript, on both engines: the check
// page a new event stops at, the one-click verify that leads to the confirmation page, the
// confirmation, correction and discrepancy pages, each needing a reason.

describe.each(DIALECTS)('the truth of a death over HTTP (%s)', (dialect) => {
  const s = useWorld(dialect);
  const deps = () => ({ db: s.t.opened.db, clock: s.t.clock });
  const events = (caseId: string) =>
    s.t.opened.db
      .selectFrom('events')
      .select(['id', 'kind', 'verification'])
      .where('case_id', '=', caseId)
      .orderBy('event_date')
      .execute();
  const fresh = async () => (await openCase(deps(), s.w.family.auth, caseInput(s.w.orgA.id))).caseId;

  it("stops a family's impossible date once at the check page, and saves it on the second submit", async () => {
    const caseId = await fresh();
    const url = `/cases/${caseId}`;
    // The case's last contact is 10.01.2026: a death reported on 05.01.2026 contradicts it.
    const fields = { kind: 'death_reported', date: '05.01.2026', source: 'official', description: 'Письмо МО' };
    const first = await submitForm(s.t.app, url, fields, s.w.family.cookies, `${url}/events`);
    expect(first.res.statusCode).toBe(409);
    expect(first.res.body).toContain('Проверьте, прежде чем сохранить');
    expect(first.res.body).toContain('Человека видели живым после сообщённой даты гибели');
    expect(first.res.body).toContain('value="05.01.2026"');
    expect(first.res.body).toContain('Письмо МО');
    expect(first.res.body).not.toContain('name="reason"');
    expect(await events(caseId)).toHaveLength(1);
    const ack = /name="ack" value="([^"]*)"/.exec(first.res.body)![1];
    expect(ack).toMatch(/^alive_after_death:[0-9a-f-]{36}$/);
    const second = await submitForm(
      s.t.app,
      url,
      { ...fields, checked: '1', ack },
      s.w.family.cookies,
      `${url}/events`,
    );
    expect(second.res.statusCode).toBe(303);
    expect((await events(caseId)).map((e) => e.kind)).toEqual(['death_reported', 'last_contact']);
    const page = await s.t.app.inject({ method: 'GET', url, cookies: s.w.family.cookies });
    expect(page.body).toContain('Противоречащие друг другу сведения');
  });

  it('asks staff adding a death for the sources, the discrepancies and a reason', async () => {
    const caseId = await fresh();
    const url = `/cases/${caseId}`;
    const fields = { kind: 'death_confirmed', date: '20.01.2026', source: 'official', verification: 'confirmed' };
    const first = await submitForm(s.t.app, url, fields, s.w.verifier.cookies, `${url}/events`);
    expect(first.res.statusCode).toBe(409);
    expect(first.res.body).toContain('Это событие меняет статус');
    expect(first.res.body).toContain('Статус сейчас: «пока неизвестен». После сохранения: «гибель подтверждена».');
    expect(first.res.body).toContain('Последняя связь, 10.01.2026');
    // Sent again without a reason: the page again, with the field's error; nothing saved.
    const noReason = await submitForm(s.t.app, url, { ...fields, checked: '1' }, s.w.verifier.cookies, `${url}/events`);
    expect(noReason.res.statusCode).toBe(400);
    expect(noReason.res.body).toContain('id="reason-error"');
    expect(await events(caseId)).toHaveLength(1);
    const done = await submitForm(
      s.t.app,
      url,
      { ...fields, checked: '1', reason: 'Извещение военкомата' },
      s.w.verifier.cookies,
      `${url}/events`,
    );
    expect(done.res.statusCode).toBe(303);
    const page = await s.t.app.inject({ method: 'GET', url, cookies: s.w.verifier.cookies });
    expect(page.body).toContain('<p class="status">гибель подтверждена</p>');
    expect(page.body).toContain('Извещение военкомата');
  });

  it("sends a one-click death to its confirmation page, which needs a reason; corrections are a verifier's", async () => {
    const caseId = await fresh();
    const url = `/cases/${caseId}`;
    await submitForm(
      s.t.app,
      url,
      { kind: 'captured', date: '02.2026', source: 'witness' },
      s.w.family.cookies,
      `${url}/events`,
    );
    const captured = (await events(caseId)).find((e) => e.kind === 'captured')!.id;
    const staffPage = await s.t.app.inject({ method: 'GET', url, cookies: s.w.caseworker.cookies });
    expect(staffPage.body).not.toContain(`action="/staff/events/${captured}/verify"`);
    expect(staffPage.body).toContain(`action="/staff/events/${captured}/confirm"`);
    // A forged one-click post changes nothing and leads to the confirmation page.
    const click = await submitForm(
      s.t.app,
      url,
      { verification: 'corroborated' },
      s.w.caseworker.cookies,
      `/staff/events/${captured}/verify`,
    );
    expect(click.res.statusCode).toBe(303);
    expect(click.res.headers.location).toBe(`/staff/events/${captured}/confirm?level=corroborated`);
    expect((await events(caseId)).find((e) => e.id === captured)?.verification).toBe('reported');
    const confirmUrl = `/staff/events/${captured}/confirm?level=corroborated`;
    const page = await s.t.app.inject({ method: 'GET', url: confirmUrl, cookies: s.w.caseworker.cookies });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('статус станет:');
    expect(page.body).toMatch(/value="corroborated" checked/);
    const empty = await submitForm(
      s.t.app,
      confirmUrl,
      { verification: 'corroborated', reason: '  ' },
      s.w.caseworker.cookies,
      `/staff/events/${captured}/confirm`,
    );
    expect(empty.res.statusCode).toBe(400);
    expect(empty.res.body).toContain('Напишите причину.');
    const ok = await submitForm(
      s.t.app,
      confirmUrl,
      { verification: 'corroborated', reason: 'Видео из плена' },
      s.w.caseworker.cookies,
      `/staff/events/${captured}/confirm`,
    );
    expect(ok.res.statusCode).toBe(303);
    expect((await events(caseId)).find((e) => e.id === captured)?.verification).toBe('corroborated');
    // Correcting is a verifier's: a caseworker gets a 404, as for a case that does not exist.
    const revise = `/staff/events/${captured}/revise`;
    expect((await s.t.app.inject({ method: 'GET', url: revise, cookies: s.w.caseworker.cookies })).statusCode).toBe(
      404,
    );
    const down = await submitForm(
      s.t.app,
      revise,
      { verification: 'reported', reason: 'Видео оказалось старым' },
      s.w.verifier.cookies,
    );
    expect(down.res.statusCode).toBe(303);
    expect((await events(caseId)).find((e) => e.id === captured)?.verification).toBe('reported');
    const after = await s.t.app.inject({ method: 'GET', url, cookies: s.w.verifier.cookies });
    expect(after.body).toContain('История отметок (2)');
    expect(after.body).toContain('Видео оказалось старым');
    const family = await s.t.app.inject({ method: 'GET', url, cookies: s.w.family.cookies });
    expect(family.body).toContain('Сотрудник исправил отметку проверки события.');
    expect(family.body).not.toContain('Видео оказалось старым');
  });

  it('settles a discrepancy on its page, with a reason, both versions kept', async () => {
    const caseId = await fresh();
    const url = `/cases/${caseId}`;
    const fields = { kind: 'death_reported', date: '05.01.2026', source: 'witness' };
    const first = await submitForm(s.t.app, url, fields, s.w.family.cookies, `${url}/events`);
    const ack = /name="ack" value="([^"]*)"/.exec(first.res.body)![1];
    await submitForm(s.t.app, url, { ...fields, checked: '1', ack }, s.w.family.cookies, `${url}/events`);
    const list = `/staff/cases/${caseId}/discrepancies`;
    expect((await s.t.app.inject({ method: 'GET', url: list, cookies: s.w.caseworker.cookies })).statusCode).toBe(404);
    const overview = await s.t.app.inject({ method: 'GET', url: list, cookies: s.w.verifier.cookies });
    const link = /href="(\/staff\/cases\/[^"]+\/discrepancies\?d=[^"]+)"/
      .exec(overview.body)![1]
      .replace(/&amp;/g, '&');
    const key = decodeURIComponent(link.split('d=')[1]);
    const death = (await events(caseId)).find((e) => e.kind === 'death_reported')!.id;
    const form = await s.t.app.inject({ method: 'GET', url: link, cookies: s.w.verifier.cookies });
    expect(form.body).toContain('Отклонить версию «Сообщение о гибели, 05.01.2026»');
    const refused = await submitForm(s.t.app, link, { d: key, outcome: death, reason: '' }, s.w.verifier.cookies, list);
    expect(refused.res.statusCode).toBe(400);
    expect(refused.res.body).toContain('Напишите причину.');
    const done = await submitForm(
      s.t.app,
      link,
      { d: key, outcome: death, reason: 'Сослуживец перепутал его с другим' },
      s.w.verifier.cookies,
      list,
    );
    expect(done.res.statusCode).toBe(303);
    const page = await s.t.app.inject({ method: 'GET', url, cookies: s.w.family.cookies });
    expect(page.body).toContain('Эта версия отклонена при разборе противоречия');
    expect(page.body).toContain('Сотрудники разобрали противоречие в сведениях.');
    expect(page.body).not.toContain('Сослуживец перепутал');
    expect((await events(caseId)).map((e) => e.id)).toContain(death);
    // Settled: resolving it again is refused.
    const again = await submitForm(s.t.app, list, { d: key, outcome: 'both', reason: 'x' }, s.w.verifier.cookies);
    expect(again.res.statusCode).toBe(400);
    expect(again.res.body).toContain('Это противоречие уже разобрано или его больше нет.');
  });

  it('flags a date of birth that makes a date impossible, on the new request and on a correction', async () => {
    const form = {
      organisation: s.w.orgA.id,
      surname: 'Датов',
      given_name: 'Иван',
      birth_date: '2025',
      service_category: 'conscript',
      relation: 'mother',
      last_contact_date: '03.2024',
      narrative: 'Рассказ',
      wants_to_learn: 'Где он',
    };
    const first = await submitForm(s.t.app, '/cases/new', form, s.w.otherFamily.cookies);
    expect(first.res.statusCode).toBe(409);
    expect(first.res.body).toContain('Дата раньше даты рождения');
    expect(first.res.body).toContain('Последняя связь, 03.2024');
    const ack = /name="ack" value="([^"]*)"/.exec(first.res.body)![1];
    expect(ack).toBe('before_birth');
    const saved = await submitForm(s.t.app, '/cases/new', { ...form, ack }, s.w.otherFamily.cookies);
    expect(saved.res.statusCode).toBe(303);
    const caseUrl = String(saved.res.headers.location);
    const page = await s.t.app.inject({ method: 'GET', url: caseUrl, cookies: s.w.otherFamily.cookies });
    expect(page.body).toContain('Противоречащие друг другу сведения');

    // Corrected to a birth date that makes the deployment he had at 16: flagged, then saved.
    const caseId = await fresh();
    const url = `/cases/${caseId}`;
    await submitForm(
      s.t.app,
      url,
      { kind: 'deployed', date: '06.2025', source: 'family' },
      s.w.family.cookies,
      `${url}/events`,
    );
    const edit = {
      surname: 'Иванов',
      given_name: 'Пётр',
      birth_date: '01.01.2009',
      service_category: 'mobilised',
      relation: 'mother',
      narrative: 'Исправленный рассказ',
      wants_to_learn: 'Где он',
    };
    const warned = await submitForm(s.t.app, `${url}/edit`, edit, s.w.family.cookies);
    expect(warned.res.statusCode).toBe(409);
    expect(warned.res.body).toContain('На дату призыва или отправки человеку ещё не было 18 лет');
    const editAck = /name="ack" value="([^"]*)"/.exec(warned.res.body)![1];
    expect(editAck).toMatch(/^under_18_at_service:[0-9a-f-]{36}$/);
    const person = () =>
      s.t.opened.db
        .selectFrom('persons')
        .innerJoin('cases', 'cases.person_id', 'persons.id')
        .select('persons.birth_date')
        .where('cases.id', '=', caseId)
        .executeTakeFirstOrThrow();
    expect((await person()).birth_date).toBe('1998-05-12');
    const done = await submitForm(s.t.app, `${url}/edit`, { ...edit, ack: editAck }, s.w.family.cookies);
    expect(done.res.statusCode).toBe(303);
    expect((await person()).birth_date).toBe('2009-01-01');
  });
});
