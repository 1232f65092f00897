import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { createFamily, createOrganisation, createStaff, type TestOrganisation } from '../../test/helpers/factories.ts';
import { browserOf } from '../../test/helpers/not-sent.ts';

// A mother opening a request, or a witness sending a tip, chooses one organisation, and only its
// staff read her. The choice offered names and nothing else, and the tip form told her to choose
// «one that helps families from your region» with no way to know which. Each organisation's admin
// now writes what it says of itself, and both forms show it above the choice.

const ABOUT_RU = 'Помогаем семьям из Бурятии и Забайкалья:\nзапросы в часть и военкомат, жалобы.';
const ABOUT_EN = 'We help families from Buryatia and Zabaykalsky Krai.';

describe.each(DIALECTS)('what an organisation says of itself to families (%s)', (dialect) => {
  let t: TestApp;
  let east: TestOrganisation;
  let west: TestOrganisation;
  beforeAll(async () => {
    t = await testApp(dialect);
    east = await createOrganisation(t.opened.db, { name: 'Восток-помощь', clock: t.clock });
    west = await createOrganisation(t.opened.db, { name: 'Запад-помощь', clock: t.clock });
  });
  afterAll(() => t?.close());

  it('its admin writes it, the request and tip forms show it above the choice, in the reader’s language', async () => {
    const admin = browserOf(t.app, await createStaff(t.opened.db, east, 'org_admin', { clock: t.clock }));
    const invites = await admin.get('/admin/invites');
    expect(invites.body).toContain('Описание для семей (ещё не написано)');

    const saved = await admin.submit('/admin/about', '/admin/about', { about_ru: ABOUT_RU, about_en: ABOUT_EN });
    expect(saved.status).toBe(200);
    expect(saved.body).toContain('Описание сохранено.');
    expect(saved.body).toContain(ABOUT_RU);
    expect((await admin.get('/admin/invites')).body).toContain('>Описание для семей</a>');

    const family = browserOf(t.app, await createFamily(t.opened.db, { clock: t.clock }));
    const request = await family.get('/cases/new');
    expect(request.body).toMatch(/<summary>Об организации<\/summary><dl><dt>Восток-помощь<\/dt><dd class="prewrap">/);
    expect(request.body).toContain(ABOUT_RU);
    // The other organisation wrote nothing: it is offered, not described.
    expect(request.body).not.toContain('<dt>Запад-помощь</dt>');
    expect((await family.get('/cases/new?lang=en')).body).toContain(ABOUT_EN);
    // Read before she chooses, not after (QA walk 12): under the choice she had picked a name
    // from the list before reaching the words, and went back up to change it.
    const aboveChoice = (html: string) => html.indexOf('class="org-about"') < html.indexOf('name="organisation"');
    expect(aboveChoice(request.body)).toBe(true);

    const witness = browserOf(t.app, { cookies: {} } as never);
    const tip = await witness.get('/tips/new');
    expect(tip.body).toContain(ABOUT_RU);
    expect(aboveChoice(tip.body)).toBe(true);
    // Written only in Russian: the English page shows the Russian words rather than none.
    await admin.submit('/admin/about', '/admin/about', { about_ru: ABOUT_RU, about_en: '' });
    expect((await witness.get('/tips/new?lang=en')).body).toContain('<summary>About the organisation</summary>');
    expect((await witness.get('/tips/new?lang=en')).body).toContain(ABOUT_RU);

    const audit = await t.opened.db
      .selectFrom('audit_log')
      .select('action')
      .where('organisation_id', '=', east.id)
      .where('action', '=', 'organisation.about_changed')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('too long is refused at the field with every word kept; markup is shown as text', async () => {
    const admin = browserOf(t.app, await createStaff(t.opened.db, west, 'org_admin', { clock: t.clock }));
    const long = `${'Очень длинное описание. '.repeat(30)}КОНЕЦ`;
    const refused = await admin.submit('/admin/about', '/admin/about', { about_ru: long });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('КОНЕЦ');
    expect(refused.body).toContain('не больше 600 символов, а сейчас 725.');

    await admin.submit('/admin/about', '/admin/about', { about_ru: '<b>Жирный</b> <script>alert(1)</script>' });
    const form = await browserOf(t.app, await createFamily(t.opened.db, { clock: t.clock })).get('/cases/new');
    expect(form.body).toContain('&lt;b>Жирный&lt;/b>');
    expect(form.body).not.toContain('<script>alert(1)</script>');
  });

  it('no one else writes it: another organisation’s admin, a caseworker, a family get 404', async () => {
    const otherAdmin = browserOf(t.app, await createStaff(t.opened.db, west, 'org_admin', { clock: t.clock }));
    expect((await otherAdmin.get(`/admin/about?org=${east.id}`)).status).toBe(404);
    const sent = await otherAdmin.submit('/admin/about', '/admin/about', {
      organisationId: east.id,
      about_ru: 'Чужое описание',
    });
    expect(sent.status).toBe(404);
    const caseworker = browserOf(t.app, await createStaff(t.opened.db, east, 'caseworker', { clock: t.clock }));
    expect((await caseworker.get('/admin/about')).status).toBe(404);
    const family = browserOf(t.app, await createFamily(t.opened.db, { clock: t.clock }));
    expect((await family.get('/admin/about')).status).toBe(404);
    expect((await family.get('/cases/new')).body).not.toContain('Чужое описание');
  });
});
