import { afterEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { createOrganisation, createSiteAdmin, login, submitForm } from '../../test/helpers/factories.ts';

// QA walk 7: without PUBLIC_URL, `npm start` makes every link from 127.0.0.1, and the invite link
// page and the first steps («Сообщите семьям адрес сайта: http://127.0.0.1:8097/») gave an address
// that opens on no one else's device without a word. They now say so, and what to set; a site
// with its real address set says nothing of the kind.

const LOCAL = {
  ru: 'Этот адрес открывается только на компьютере, где запущен сервер',
  en: 'This address opens only on the computer the server runs on',
};

describe('links to a site that only this computer can open', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  const pages = async (env: Record<string, string>) => {
    t = await testApp('sqlite', env);
    const org = await createOrganisation(t.opened.db, { clock: t.clock });
    const admin = await createSiteAdmin(t.opened.db, { clock: t.clock, org });
    const cookies = await login(t.app, admin.pseudonym, admin.passphrase, admin.totpSecret);
    const out: Array<[keyof typeof LOCAL, string, string]> = [];
    for (const lang of ['ru', 'en'] as const) {
      const start = await t.app.inject({ method: 'GET', url: `/admin/start?lang=${lang}`, cookies });
      expect(start.statusCode, lang).toBe(200);
      const link = (
        await submitForm(
          t.app,
          `/admin/invites?lang=${lang}`,
          { organisationId: org.id, role: 'caseworker' },
          cookies,
          '/admin/invites',
        )
      ).res;
      expect(link.statusCode, lang).toBe(200);
      out.push([lang, start.body, link.body]);
    }
    return out;
  };

  it('says so beside an invite link and the address for families, in Russian and English', async () => {
    for (const [lang, start, link] of await pages({})) {
      expect(link, lang).toContain('http://127.0.0.1:');
      expect(link, lang).toContain(LOCAL[lang]);
      expect(start, lang).toContain(LOCAL[lang]);
      expect(link, lang).toContain('PUBLIC_URL');
    }
  });

  it('says nothing of the kind once the site has its real address', async () => {
    for (const [lang, start, link] of await pages({ PUBLIC_URL: 'https://kintrace.example.org' })) {
      expect(link, lang).toContain('https://kintrace.example.org/invite/');
      expect(link, lang).not.toContain(LOCAL[lang]);
      expect(start, lang).not.toContain(LOCAL[lang]);
    }
  });
});
