import { describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/helpers/app.ts';
import { DIALECTS } from '../../test/helpers/db.ts';
import { createFamily, formToken, login, submitForm } from '../../test/helpers/factories.ts';
import { useWorld } from './cases.fixtures.ts';

// The family's and the caseworker's path through the real pages, without JavaScript, and what
// bad input does: a translated, field-level error and no change.

const validCase = (orgId: string): Record<string, string> => ({
  organisation: orgId,
  surname: 'Кузнецов',
  given_name: 'Алексей',
  patronymic: '',
  birth_date: '1999',
  region: 'RU-SVE',
  unit_number: '',
  unit_name: 'Шторм Z',
  rank: '',
  service_category: 'convict_recruit',
  last_contact_date: '03.2026',
  last_contact_means: 'messenger',
  relation: 'wife',
  narrative: 'Последний раз писал из Луганска.',
  wants_to_learn: 'Жив ли он',
});

const count = async (t: TestApp, table: 'cases' | 'events' | 'case_messages') =>
  Number(
    (
      await t.opened.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe.each(DIALECTS)('case pages (%s)', (dialect) => {
  const s = useWorld(dialect);

  it('lets a family open a case through the form and see it', async () => {
    const form = await s.t.app.inject({ method: 'GET', url: '/cases/new', cookies: s.w.family.cookies });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Ростовская область');
    expect(form.body).toContain(s.w.orgA.name);
    // A bare list of names told her nothing of how to choose, or who would read her (QA walk 9).
    expect(form.body).toContain('увидят только её сотрудники');
    const { res } = await submitForm(s.t.app, '/cases/new', validCase(s.w.orgA.id), s.w.family.cookies);
    expect(res.statusCode).toBe(303);
    const url = String(res.headers.location);
    expect(url).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    const page = await s.t.app.inject({ method: 'GET', url, cookies: s.w.family.cookies });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Кузнецов');
    expect(page.body).toContain('Последний раз писал из Луганска.');
    expect(page.body).toContain('<title>Kintrace</title>');
    expect(page.body).not.toContain('Внутренние заметки');
    const mine = await s.t.app.inject({ method: 'GET', url: '/my/cases', cookies: s.w.family.cookies });
    expect(mine.body).toContain(url);
  });

  it("works with a session from the real login page, landing on the family's cases", async () => {
    const fam = await createFamily(s.t.opened.db, { clock: s.t.clock });
    const cookies = await login(s.t.app, fam.pseudonym, fam.passphrase);
    const { res } = await submitForm(s.t.app, '/cases/new', validCase(s.w.orgA.id), cookies);
    expect(res.statusCode).toBe(303);
    const mine = await s.t.app.inject({ method: 'GET', url: '/my/cases', cookies });
    expect(mine.body).toContain(String(res.headers.location));
    expect(mine.body).not.toContain(s.w.caseId);
  });

  it.each([
    ['empty surname', { surname: '' }, 'surname', 'Заполните это поле.'],
    ['no relation chosen', { relation: '' }, 'relation', 'Выберите один из вариантов.'],
    ['digits in a name', { given_name: 'Алексей2' }, 'given_name', 'Используйте только буквы'],
    ['malformed date', { birth_date: 'весной 99' }, 'birth_date', 'Неверная дата'],
    ['a day that does not exist', { birth_date: '31.02.1999' }, 'birth_date', 'Такого дня нет'],
    // Her field's own example, not a third one (QA walk 9: «14.03.2025» under an event's 07.08.2024).
    [
      'a year in two digits',
      { last_contact_date: '15.11.25' },
      'last_contact_date',
      'четырьмя цифрами, как в примере выше',
    ],
    // Back to the field's own example, not a birth date's 1998 under «last contact» (QA walk 9).
    ['a date in words', { last_contact_date: 'в начале октября' }, 'last_contact_date', 'как в примере выше'],
    ['future date', { last_contact_date: '2030' }, 'last_contact_date', 'ещё не наступила'],
    ['unknown region', { region: 'RU-XXX' }, 'region', 'Выберите регион из списка.'],
    // Another person: this family already asked about Кузнецов above, and that warning comes first.
    [
      'unknown organisation',
      { organisation: 'nope', surname: 'Новиков' },
      'organisation',
      'Выберите вариант из списка.',
    ],
    ['too long narrative', { narrative: 'я'.repeat(20_001) }, 'narrative', 'не больше 20\u00a0000'],
    ['unknown category', { service_category: 'general' }, 'service_category', 'Выберите вариант из списка.'],
  ])('refuses %s with a translated field error and keeps what was typed', async (_name, over, field, message) => {
    const before = await count(s.t, 'cases');
    const { res } = await submitForm(s.t.app, '/cases/new', { ...validCase(s.w.orgA.id), ...over }, s.w.family.cookies);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(`id="${field}-error"`);
    expect(res.body).toContain(message);
    expect(res.body).toContain('Шторм Z');
    expect(await count(s.t, 'cases')).toBe(before);
  });

  it('refuses a 30 000-character story with the translated limit, handing back all of it, in a box that does not cut', async () => {
    const story = `${'Последний раз писал из-под Курска. '.repeat(870)}КОНЕЦ-РАССКАЗА-4410`;
    expect(story.length).toBeGreaterThan(30_000);
    const { res } = await submitForm(
      s.t.app,
      '/cases/new',
      { ...validCase(s.w.orgA.id), narrative: story },
      s.w.family.cookies,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('не больше 20\u00a0000');
    expect(res.body).toContain(story);
    expect(res.body).not.toMatch(/<textarea[^>]*maxlength/i);
  });

  it("gives each date its own examples: a recent one for the last contact, the birth date's for birth; «Не знаю» once in the service list", async () => {
    const hintOf = (html: string, field: string) =>
      new RegExp(`<small id="${field}-hint">([^<]*)</small>`).exec(html)?.[1] ?? '';
    for (const lang of ['ru', 'en']) {
      const form = (
        await s.t.app.inject({ method: 'GET', url: `/cases/new?lang=${lang}`, cookies: s.w.family.cookies })
      ).body;
      expect(hintOf(form, 'birth_date')).toContain('12.05.1998');
      expect(hintOf(form, 'last_contact_date')).toContain('14.03.2025');
      expect(hintOf(form, 'last_contact_date')).not.toContain('1998');
      // «Не знаю» once, as what nothing chosen means, not beside a bare «—»
      expect(form).not.toMatch(/<select name="service_category"[^>]*>\s*<option value="">—/);
    }
    const page = (await s.t.app.inject({ method: 'GET', url: `/cases/${s.w.caseId}`, cookies: s.w.family.cookies }))
      .body;
    expect(hintOf(page, 'date')).toContain('07.08.2024');
    expect(hintOf(page, 'date')).not.toContain('1998');
  });

  it('answers in English when asked', async () => {
    const { res } = await submitForm(
      s.t.app,
      '/cases/new?lang=en',
      { ...validCase(s.w.orgA.id), region: 'XX' },
      s.w.family.cookies,
    );
    expect(res.body).toContain('Choose a region from the list.');
  });

  it('refuses a forged CSRF token and changes nothing (the form back as typed; from another site, refused)', async () => {
    const before = await count(s.t, 'cases');
    const { cookies } = await formToken(s.t.app, '/cases/new', s.w.family.cookies);
    const post = (headers: Record<string, string> = {}) =>
      s.t.app.inject({
        method: 'POST',
        url: '/cases/new',
        cookies,
        payload: new URLSearchParams({ ...validCase(s.w.orgA.id), _csrf: 'forged' }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      });
    // A stale token is what a lost cookie looks like: what was typed comes back (case-csrf.routes.test.ts).
    const res = await post();
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Форма не отправлена');
    expect(res.body).toContain('Шторм Z');
    const crossSite = await post({ 'sec-fetch-site': 'cross-site' });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.body).toContain('Форма устарела');
    expect(crossSite.body).not.toContain('Шторм Z');
    expect(await count(s.t, 'cases')).toBe(before);
  });

  it('walks the caseworker path: queue, take, corroborate, message; the family sees both', async () => {
    const queue = await s.t.app.inject({
      method: 'GET',
      url: '/staff?filter=unassigned',
      cookies: s.w.caseworker.cookies,
    });
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain(`/cases/${s.w.caseId}`);
    const caseUrl = `/cases/${s.w.caseId}`;
    const before = await s.t.app.inject({ method: 'GET', url: caseUrl, cookies: s.w.caseworker.cookies });
    expect(before.body).toContain('Взять дело себе');
    let r = await submitForm(
      s.t.app,
      caseUrl,
      { assignee: s.w.caseworker.id },
      s.w.caseworker.cookies,
      `/staff/cases/${s.w.caseId}/assign`,
    );
    expect(r.res.statusCode).toBe(303);
    const after = await s.t.app.inject({ method: 'GET', url: caseUrl, cookies: s.w.caseworker.cookies });
    expect(after.body).not.toContain('Взять дело себе');
    expect(after.body).toContain(`Ведёт дело: ${s.w.caseworker.pseudonym}`);
    // Another staff member of the organisation, not an editor, can be chosen; an editor cannot.
    r = await submitForm(
      s.t.app,
      caseUrl,
      { assignee: s.w.editor.id },
      s.w.caseworker.cookies,
      `/staff/cases/${s.w.caseId}/assign`,
    );
    expect(r.res.statusCode).toBe(400);
    expect(r.res.body).toContain('id="assignee-error"');
    const fam = await submitForm(
      s.t.app,
      caseUrl,
      { kind: 'missing', date: '2026-02-01', source: 'witness', place: 'Авдеевка', description: 'Сослуживец сказал' },
      s.w.family.cookies,
      `${caseUrl}/events`,
    );
    expect(fam.res.statusCode).toBe(303);
    const eventId = String(fam.res.headers.location).split('#event-')[1];
    r = await submitForm(
      s.t.app,
      caseUrl,
      { verification: 'confirmed', event: eventId },
      s.w.caseworker.cookies,
      `/staff/events/${eventId}/verify`,
    );
    expect(r.res.statusCode).toBe(400);
    expect(r.res.body).toContain('Вам нельзя устанавливать этот уровень проверки.');
    r = await submitForm(
      s.t.app,
      caseUrl,
      { verification: 'corroborated', event: eventId },
      s.w.caseworker.cookies,
      `/staff/events/${eventId}/verify`,
    );
    expect(r.res.statusCode).toBe(303);
    r = await submitForm(
      s.t.app,
      caseUrl,
      { body: 'Мы отправили запрос в часть.' },
      s.w.caseworker.cookies,
      `${caseUrl}/messages`,
    );
    expect(r.res.statusCode).toBe(303);
    r = await submitForm(
      s.t.app,
      caseUrl,
      { body: 'Только для сотрудников' },
      s.w.caseworker.cookies,
      `/staff/cases/${s.w.caseId}/notes`,
    );
    expect(r.res.statusCode).toBe(303);
    const page = await s.t.app.inject({ method: 'GET', url: caseUrl, cookies: s.w.family.cookies });
    expect(page.body).toContain('Мы отправили запрос в часть.');
    expect(page.body).toContain('подкреплено');
    expect(page.body).toContain('пропал(а) без вести');
    // Not "we await your answer": most of what staff write asks her nothing (QA walk).
    expect(page.body).toContain('Вам ответили — прочитайте сообщение');
    expect(page.body).not.toContain('Только для сотрудников');
    const staffPage = await s.t.app.inject({ method: 'GET', url: caseUrl, cookies: s.w.caseworker.cookies });
    expect(staffPage.body).toContain('Только для сотрудников');
  });

  it('confirms each action on the case page, and tells a family what happens next until staff answer', async () => {
    const fam = await createFamily(s.t.opened.db, { clock: s.t.clock });
    const cookies = await login(s.t.app, fam.pseudonym, fam.passphrase);
    const opened = await submitForm(s.t.app, '/cases/new', validCase(s.w.orgA.id), cookies);
    const caseUrl = String(opened.res.headers.location);
    const first = await s.t.app.inject({ method: 'GET', url: caseUrl, cookies });
    expect(first.body).toContain('Что будет дальше');
    expect(first.body).toContain('Что означают статус и отметки проверки');
    expect(first.body).toContain('Сотрудник организации ещё не взял ваш запрос в работу.');
    const ev = await submitForm(
      s.t.app,
      caseUrl,
      { kind: 'missing', date: '03.2024', source: 'family' },
      cookies,
      `${caseUrl}/events`,
    );
    expect(String(ev.res.headers.location)).toMatch(/\?done=event#event-/);
    const afterEvent = await s.t.app.inject({
      method: 'GET',
      url: String(ev.res.headers.location).split('#')[0],
      cookies,
    });
    expect(afterEvent.body).toContain('Событие добавлено в хронологию.');
    // an unknown ?done= shows nothing
    expect((await s.t.app.inject({ method: 'GET', url: `${caseUrl}?done=<b>x</b>`, cookies })).body).not.toContain(
      'class="notice done"',
    );
    const caseId = caseUrl.split('/').pop()!;
    await submitForm(
      s.t.app,
      caseUrl,
      { assignee: s.w.caseworker.id },
      s.w.caseworker.cookies,
      `/staff/cases/${caseId}/assign`,
    );
    const taken = await s.t.app.inject({ method: 'GET', url: caseUrl, cookies });
    expect(taken.body).toContain('Ваш запрос ведёт сотрудник организации.');
    expect(taken.body).not.toContain(s.w.caseworker.pseudonym);
    const staffMsg = await submitForm(
      s.t.app,
      caseUrl,
      { body: 'Здравствуйте, мы взялись.' },
      s.w.caseworker.cookies,
      `${caseUrl}/messages`,
    );
    expect(String(staffMsg.res.headers.location)).toBe(`${caseUrl}?done=message#messages`);
    // Closing is confirmed on its own page; «другое» says why, and the family reads it.
    const closed = await submitForm(
      s.t.app,
      `/staff/cases/${caseId}/close`,
      { reason: 'other', note: 'Семья нашла его сама, по нашим сведениям.', confirm: 'yes' },
      s.w.caseworker.cookies,
    );
    const closedPage = await s.t.app.inject({
      method: 'GET',
      url: String(closed.res.headers.location),
      cookies: s.w.caseworker.cookies,
    });
    expect(closedPage.body).toContain('Дело закрыто.');
    const familyClosed = await s.t.app.inject({ method: 'GET', url: caseUrl, cookies });
    expect(familyClosed.body).not.toContain('Что будет дальше');
    expect(familyClosed.body).toContain('подайте новый запрос');
    expect(familyClosed.body).toMatch(
      /Причина закрытия: другое. <span class="prewrap">Семья нашла его сама, по нашим сведениям.<\/span>/,
    );
  });

  it('says in the stale queue how many days without activity it lists', async () => {
    const res = await s.t.app.inject({
      method: 'GET',
      url: '/staff?filter=stale&days=3',
      cookies: s.w.caseworker.cookies,
    });
    expect(res.body).toContain('Без движения 3 дня и дольше');
  });

  it('refuses an empty message with a translated error and stores nothing', async () => {
    const before = await count(s.t, 'case_messages');
    const { res } = await submitForm(
      s.t.app,
      `/cases/${s.w.caseId}`,
      { body: '   ' },
      s.w.family.cookies,
      `/cases/${s.w.caseId}/messages`,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="body-error"');
    expect(await count(s.t, 'case_messages')).toBe(before);
  });

  it('refuses a malformed event date and keeps the form filled', async () => {
    const before = await count(s.t, 'events');
    const { res } = await submitForm(
      s.t.app,
      `/cases/${s.w.caseId}`,
      { kind: 'wounded', date: 'вчера', source: 'family', place: 'Где-то' },
      s.w.family.cookies,
      `/cases/${s.w.caseId}/events`,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="date-error"');
    expect(res.body).toContain('value="Где-то"');
    expect(await count(s.t, 'events')).toBe(before);
  });

  it('closes and reopens through the pages', async () => {
    const url = `/cases/${s.w.otherCaseId}`;
    const closeUrl = `/staff/cases/${s.w.otherCaseId}/close`;
    // A one-click form from an old page closes nothing: it leads to the confirmation page.
    let r = await submitForm(s.t.app, url, { reason: 'no_response' }, s.w.caseworker.cookies, closeUrl);
    expect(r.res.statusCode).toBe(200);
    expect(r.res.body).toContain('Да, закрыть дело');
    expect(r.res.body).toMatch(/<option value="no_response" selected/);
    expect((await s.t.app.inject({ method: 'GET', url, cookies: s.w.otherFamily.cookies })).body).not.toContain(
      'семья не отвечает',
    );
    // «другое» without a word of why is refused beside the field.
    r = await submitForm(s.t.app, closeUrl, { reason: 'other', note: ' ', confirm: 'yes' }, s.w.caseworker.cookies);
    expect(r.res.statusCode).toBe(400);
    expect(r.res.body).toContain('id="note-error"');
    r = await submitForm(s.t.app, closeUrl, { reason: 'no_response', confirm: 'yes' }, s.w.caseworker.cookies);
    expect(r.res.statusCode).toBe(303);
    const fam = await s.t.app.inject({ method: 'GET', url, cookies: s.w.otherFamily.cookies });
    expect(fam.body).toContain('семья не отвечает');
    expect(fam.body).not.toContain(`${url}/messages`);
    r = await submitForm(s.t.app, url, {}, s.w.caseworker.cookies, `/staff/cases/${s.w.otherCaseId}/reopen`);
    expect(r.res.statusCode).toBe(303);
  });

  it.each(['ru', 'en'])('translates every string of every page (%s)', async (lang) => {
    const firstEvent = (
      await s.t.opened.db.selectFrom('events').select('id').where('case_id', '=', s.w.caseId).executeTakeFirstOrThrow()
    ).id;
    const pages: Array<[string, Record<string, string>]> = [
      ['/my/cases', s.w.family.cookies],
      ['/cases/new', s.w.family.cookies],
      [`/cases/${s.w.caseId}`, s.w.family.cookies],
      [`/cases/${s.w.caseId}`, s.w.caseworker.cookies],
      ['/staff', s.w.caseworker.cookies],
      ['/staff?filter=stale&days=3', s.w.caseworker.cookies],
      ['/staff/search', s.w.caseworker.cookies],
      ['/staff/audit', s.w.admin.cookies],
      [`/staff/cases/${s.w.caseId}/close`, s.w.caseworker.cookies],
      [`/staff/cases/${s.w.caseId}/discrepancies`, s.w.admin.cookies],
      [`/staff/events/${firstEvent}/confirm?level=confirmed`, s.w.admin.cookies],
      [`/staff/events/${firstEvent}/revise`, s.w.verifier.cookies],
    ];
    for (const [url, cookies] of pages) {
      const res = await s.t.app.inject({
        method: 'GET',
        url: `${url}${url.includes('?') ? '&' : '?'}lang=${lang}`,
        cookies,
      });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain(`<html lang="${lang}">`);
      expect(res.body.match(/\b(cases|people|audit|errors|common)\.[a-zA-Z_.]+/g) ?? [], url).toEqual([]);
    }
  });

  it('shows the audit log to the organisation admin only, without content', async () => {
    const page = await s.t.app.inject({ method: 'GET', url: '/staff/audit', cookies: s.w.admin.cookies });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('просмотрел(а) дело');
    expect(page.body).not.toContain('Мы отправили запрос');
    expect(
      (await s.t.app.inject({ method: 'GET', url: '/staff/audit', cookies: s.w.caseworker.cookies })).statusCode,
    ).toBe(404);
  });
  it('answers an overlong staff search with a field error that keeps the text, not an empty result', async () => {
    const long = 'Иванов'.repeat(30);
    const { res } = await submitForm(s.t.app, '/staff/search', { q: long }, s.w.caseworker.cookies);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Слишком длинно');
    expect(res.body).toContain(long);
    expect(res.body).toContain('aria-invalid="true"');
  });
});
