import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { createOrganisation, createSiteAdmin, createStaff, login, submitForm } from '../../test/helpers/factories.ts';

// QA walk 6: the page with a new invitation link did not say what account it makes. The admin
// hands the link on and must know, as must the person who opens it: both pages name the
// organisation and the role, in Russian and in English; on the invitee's page the role stands
// on its own line in bold (inside a sentence it was read past).

describe('an invitation names its role', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp('sqlite');
  });
  afterAll(() => t.close());

  const linkFrom = (body: string) =>
    /<code class="secret">https?:\/\/[^/]+(\/invite\/[A-Za-z0-9_-]{43})<\/code>/.exec(body)![1];

  it('on the admin’s link page and on the page the invitee opens', async () => {
    const org = await createOrganisation(t.opened.db, { name: 'Группа «Север»', clock: t.clock });
    const admin = await createStaff(t.opened.db, org, 'org_admin', { clock: t.clock });
    const cookies = await login(t.app, admin.pseudonym, admin.passphrase, admin.totpSecret);
    for (const [lang, made, opened] of [
      [
        'ru',
        'Приглашение в организацию «Группа „Север“». Роль новой учётной записи: проверяющий.',
        'Роль вашей новой учётной записи: <strong>проверяющий</strong>',
      ],
      [
        'en',
        'Invitation to “Группа «Север»”. Role of the new account: verifier.',
        'Role of your new account: <strong>verifier</strong>',
      ],
    ] as const) {
      const page = `/admin/invites?lang=${lang}`;
      const res = (
        await submitForm(t.app, page, { organisationId: org.id, role: 'verifier' }, cookies, '/admin/invites')
      ).res;
      expect(res.statusCode, lang).toBe(200);
      expect(res.body, lang).toContain(made);
      const invitee = await t.app.inject({ method: 'GET', url: `${linkFrom(res.body)}?lang=${lang}` });
      expect(invitee.body, lang).toContain(opened);
    }
  });

  // QA walk 7: the link made with a new organisation did not say it was its first admin's.
  it('on the link page of a new organisation, for its first admin', async () => {
    const admin = await createSiteAdmin(t.opened.db, { clock: t.clock });
    const cookies = await login(t.app, admin.pseudonym, admin.passphrase, admin.totpSecret);
    for (const [lang, name, made] of [
      ['ru', 'Юг', 'Приглашение в организацию «Юг». Роль новой учётной записи: администратор организации.'],
      ['en', 'South', 'Invitation to “South”. Role of the new account: organisation admin.'],
    ] as const) {
      const page = `/admin/organisations?lang=${lang}`;
      const res = (await submitForm(t.app, page, { name }, cookies, '/admin/organisations')).res;
      expect(res.statusCode, lang).toBe(200);
      expect(res.body, lang).toContain(made);
    }
  });
});
