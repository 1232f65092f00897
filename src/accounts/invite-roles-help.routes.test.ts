import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { createOrganisation, createSiteAdmin, createStaff } from '../../test/helpers/factories.ts';
import { createOrganisationWithInvite } from './staff.service.ts';

// QA walk 7, a first-time administrator inviting staff: the role list offered «куратор дел,
// проверяющий, редактор, администратор организации» and nothing said which may do what. The
// invite page now says it for each role, in Russian and English, above the choice.

describe('the invite page says what each role may do', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp('sqlite');
  });
  afterAll(() => t?.close());

  it('for each role that may be invited, in Russian and English', async () => {
    const org = await createOrganisation(t.opened.db, { clock: t.clock });
    const admin = await createStaff(t.opened.db, org, 'org_admin', { clock: t.clock });
    for (const [lang, lines] of [
      [
        'ru',
        [
          '<strong>куратор дел</strong> — работает с запросами семей',
          '<strong>проверяющий</strong> — всё то же, что куратор дел, и ещё подтверждает сведения',
          '<strong>редактор</strong> — ведёт справочник органов, шаблоны писем и статьи справки; дел и обращений семей не видит.',
          '<strong>администратор организации</strong> — работает с делами, как проверяющий, приглашает и удаляет сотрудников',
        ],
      ],
      [
        'en',
        [
          '<strong>caseworker</strong> — works on families',
          '<strong>verifier</strong> — everything a caseworker does, and also confirms facts',
          '<strong>editor</strong> — keeps the directory of authorities',
          '<strong>organisation admin</strong> — works on cases as a verifier does, invites and removes staff',
        ],
      ],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url: `/admin/invites?lang=${lang}`, cookies: admin.cookies });
      expect(res.statusCode, lang).toBe(200);
      for (const line of lines) expect(res.body, lang).toContain(line);
    }
  });

  // QA walk 7: the audit log was linked only below the case queue.
  it("links the organisation's audit log from the staff page", async () => {
    const org = await createOrganisation(t.opened.db, { clock: t.clock });
    const admin = await createStaff(t.opened.db, org, 'org_admin', { clock: t.clock });
    for (const [lang, link] of [
      ['ru', '<a href="/staff/audit">Журнал действий: кто из сотрудников что и когда делал</a>'],
      ['en', '<a href="/staff/audit">Audit log: which staff member did what, and when</a>'],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url: `/admin/invites?lang=${lang}`, cookies: admin.cookies });
      expect(res.body, lang).toContain(link);
      expect((await t.app.inject({ method: 'GET', url: '/staff/audit', cookies: admin.cookies })).statusCode).toBe(200);
    }
  });

  // QA walk 7: a site admin holding two organisations chose one with a button named «Отправить».
  it('names the button that opens another organisation for what it does', async () => {
    const org = await createOrganisation(t.opened.db, { clock: t.clock });
    const admin = await createSiteAdmin(t.opened.db, { clock: t.clock, org });
    await createOrganisationWithInvite({ db: t.opened.db, clock: t.clock, config: t.config }, admin.auth, 'Вторая');
    for (const [lang, button, not] of [
      ['ru', 'Показать', 'Отправить'],
      ['en', 'Show', 'Submit'],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url: `/admin/invites?lang=${lang}`, cookies: admin.cookies });
      const form = /<form method="get" action="\/admin\/invites">[\s\S]*?<\/form>/.exec(res.body)?.[0] ?? '';
      expect(form, lang).toContain('Вторая');
      expect(form, lang).toContain(`>${button}</button>`);
      expect(form, lang).not.toContain(not);
    }
  });
});
