import { afterEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { createOrganisation } from '../../test/helpers/factories.ts';
import { Visitor } from '../../test/helpers/visitor.ts';

// QA walk 9: without PUBLIC_URL the tip's receipt told the sender to come back at
// http://127.0.0.1:…/tip, an address that opens on no sender's phone. It names the page of this
// site instead; with the site's real address set, it gives that address.

describe("the tip's receipt: where to come back", () => {
  let t: TestApp;
  afterEach(() => t?.close());

  const receipt = async (env: Record<string, string>, lang: 'ru' | 'en') => {
    t = await testApp('sqlite', env);
    const org = await createOrganisation(t.opened.db, { clock: t.clock });
    const sender = new Visitor(t.app);
    await sender.get(`/tips/new?lang=${lang}`);
    const page = await sender.submit(null, '/tips/new', {
      organisation: org.id,
      surname: 'Иванов',
      given_name: 'Пётр',
      what_happened: 'Видел его в Рыльске.',
      how_known: 'saw_myself',
    });
    expect(page.url).toBe('/tip/receipt');
    await t.close();
    return page.body;
  };

  it('names the page of this site when the site has no public address', async () => {
    const ru = await receipt({}, 'ru');
    expect(ru).not.toContain('127.0.0.1');
    expect(ru).toContain('на странице «Вернуться к своему сообщению» этого сайта');
    const en = await receipt({}, 'en');
    expect(en).not.toContain('127.0.0.1');
    expect(en).toContain("on this site's page");
  });

  it('gives the address when the site has one', async () => {
    const body = await receipt({ PUBLIC_URL: 'http://kintrace2abc.onion' }, 'ru');
    expect(body).toContain('на странице «http://kintrace2abc.onion/tip»');
  });
});
