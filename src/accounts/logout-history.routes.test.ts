import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { createFamily, submitForm } from '../../test/helpers/factories.ts';

// The page after «Выйти» said only «Данные сайта в этом браузере удалены», and a mother on a phone
// others may look at took it for «no trace left» (QA walk 9): the history of the pages she opened
// stays, and nothing a site sends can remove it. The page says so, and what she can do.

describe('the page after logging out', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp('sqlite');
  });
  afterAll(() => t.close());

  it.each([
    ['ru', 'остаются в истории браузера: сайт не может их оттуда удалить'],
    ['en', "stay in the browser's history: the site cannot remove them from it"],
  ])('says the browser history stays, and how to keep none (%s)', async (lang, words) => {
    const family = await createFamily(t.opened.db, { clock: t.clock });
    const out = await submitForm(t.app, `/account?lang=${lang}`, {}, { ...family.cookies, lang }, '/logout');
    expect(out.res.statusCode).toBe(200);
    expect(out.res.body).toContain(words);
    expect(out.res.body).toContain('Tor Browser');
  });
});
