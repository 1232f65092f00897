import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { createOrganisation, createSiteAdmin, createStaff, submitForm } from '../../test/helpers/factories.ts';

// QA walk 7: on /account the site administrator was told «Если вы её забудете, администратор вашей
// организации выдаст ссылку для сброса»; no organisation admin may reset a site admin's
// passphrase (mayResetAccount), so the hint says so instead. Other staff keep theirs.

describe('the passphrase hint on /account', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp('sqlite');
  });
  afterAll(() => t?.close());

  it("tells a site admin that their organisation's admin cannot reset it, and other staff that they can", async () => {
    const org = await createOrganisation(t.opened.db, { clock: t.clock });
    const siteAdmin = await createSiteAdmin(t.opened.db, { clock: t.clock, org });
    const orgAdmin = await createStaff(t.opened.db, org, 'org_admin', { clock: t.clock });
    const page = async (cookies: Record<string, string>, lang: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/account?lang=${lang}`, cookies });
      expect(res.statusCode).toBe(200);
      return res.body.replaceAll('&#x27;', "'").replaceAll('&#39;', "'");
    };
    for (const [lang, site, staff] of [
      [
        'ru',
        'администратор организации не может сбросить парольную фразу администратора сайта',
        'администратор вашей организации выдаст ссылку для сброса',
      ],
      [
        'en',
        "an organisation's administrator cannot reset a site administrator's passphrase",
        "your organisation's administrator will give you a reset link",
      ],
    ] as const) {
      const forSite = await page(siteAdmin.cookies, lang);
      expect(forSite, lang).toContain(site);
      expect(forSite, lang).not.toContain(staff);
      const forOrg = await page(orgAdmin.cookies, lang);
      expect(forOrg, lang).toContain(staff);
      expect(forOrg, lang).not.toContain(site);
    }
  });

  // The same on the code page at login: «Обратитесь к администратору своей организации».
  it('on the code page at login, sends a site admin to no organisation admin, and other staff to theirs', async () => {
    const org = await createOrganisation(t.opened.db, { clock: t.clock });
    const siteAdmin = await createSiteAdmin(t.opened.db, { clock: t.clock, org });
    const orgAdmin = await createStaff(t.opened.db, org, 'org_admin', { clock: t.clock });
    const codePage = async (user: { pseudonym: string; passphrase: string }, lang: string) => {
      const first = await submitForm(t.app, '/login', { pseudonym: user.pseudonym, passphrase: user.passphrase });
      expect(first.res.headers.location).toBe('/login/2fa');
      const res = await t.app.inject({ method: 'GET', url: `/login/2fa?lang=${lang}`, cookies: first.cookies });
      expect(res.statusCode).toBe(200);
      return res.body.replaceAll('&#x27;', "'").replaceAll('&#39;', "'");
    };
    for (const [lang, site, staff] of [
      ['ru', 'может восстановить только другой администратор сайта', 'Обратитесь к администратору своей организации.'],
      [
        'en',
        "Only another site admin of the same organisation can restore a site admin's access",
        "Contact your organisation's admin.",
      ],
    ] as const) {
      const forSite = await codePage(siteAdmin, lang);
      expect(forSite, lang).toContain(site);
      expect(forSite, lang).not.toContain(staff);
      const forOrg = await codePage(orgAdmin, lang);
      expect(forOrg, lang).toContain(staff);
      expect(forOrg, lang).not.toContain(site);
    }
  });
});
