import { beforeAll, describe, expect, it } from 'vitest';
import { expectAxeClean, hasHorizontalScroll, phoneContext, shotsOf } from '../../test/helpers/browser.ts';
import { formToken, submitForm } from '../../test/helpers/factories.ts';
import { useBrowserWorld } from '../cases/browser-world.test-helper.ts';
import { importForOrganisation } from '../imports/imports.service.ts';
import { systemPrincipal } from '../policy/principal.ts';
import { currentTemplate } from './directory.service.ts';

// The staff's pages whose dates moved onto the organisation's day (staff-day.routes.test.ts and
// its neighbours in guides/ and imports/), on a phone with JavaScript off, in Russian and English:
// what was made at 23:30 UTC on 1 March (02:30 on 2 March in Moscow) reads 02.03.2026, the page
// fits 360 px and axe finds nothing serious. KT_SHOTS=1 keeps the screenshots.

const shot = shotsOf('staff-day');

describe("the staff's dates on a phone without JavaScript", () => {
  const world = useBrowserWorld();

  beforeAll(async () => {
    const { app, db, config } = world.run;
    const clock = world.app.clock;
    const { w } = world;
    clock.set('2026-03-01T23:30:00.000Z');
    const { token, cookies } = await formToken(app, '/staff/collective/new', w.caseworker.cookies);
    const made = await app.inject({
      method: 'POST',
      url: '/staff/collective',
      cookies,
      payload: new URLSearchParams([
        ['addressee', 'Министерство обороны РФ'],
        ['subject', 'Коллективное обращение семей'],
        ['body', 'Просим сообщить о судьбе наших родных.'],
        ['cases', w.caseId],
        ['cases', w.otherCaseId],
        ['_csrf', token],
      ]).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(made.statusCode).toBe(303);
    const tpl = (await currentTemplate(db, 'inquiry'))!;
    const saved = await submitForm(
      app,
      '/editor/templates/inquiry',
      {
        title_ru: tpl.titleRu,
        title_en: tpl.titleEn,
        guidance_ru: tpl.guidanceRu,
        guidance_en: tpl.guidanceEn,
        body: 'Ночная правка: {{person.full_name}}',
        base: String(tpl.version),
      },
      w.editor.cookies,
    );
    expect(saved.res.statusCode).toBe(303);
    const guide = await submitForm(
      app,
      '/editor/guides/new',
      { slug: 'night-guide', lang: 'ru', title: 'Ночная статья', markdown: 'Текст' },
      w.editor.cookies,
    );
    expect(guide.res.statusCode).toBe(303);
    const list = new TextEncoder().encode('record_id,surname,given_name,birth_date\n1,Ночной,Пётр,1990\n');
    const meta = { sourceName: 'Ночной список', sourceKind: 'news' as const, verification: 'reported' as const };
    const org = { id: w.orgA.id, publicKey: w.orgA.publicKey };
    expect(
      await importForOrganisation({ db, clock, config }, systemPrincipal('import'), org, meta, list),
    ).toMatchObject({ state: 'done', added: 1 });
  });

  const pages = (): Array<[string, string, Record<string, string>]> => [
    ['collective', '/staff/collective', world.w.caseworker.cookies],
    ['templates', '/editor/templates', world.w.editor.cookies],
    ['template', '/editor/templates/inquiry', world.w.editor.cookies],
    ['guide', '/guides/night-guide', {}],
    ['guides', '/editor/guides', world.w.editor.cookies],
    ['imports', '/staff/imports', world.w.caseworker.cookies],
  ];

  it('shows 02.03.2026, never the UTC day before, in Russian and English at 360 px', async () => {
    for (const [label, url, cookies] of pages())
      for (const lang of ['ru', 'en']) {
        const ctx = await phoneContext(world.browser, world.run.baseUrl, cookies);
        const page = await ctx.newPage();
        const res = await page.goto(`${world.run.baseUrl}${url}?lang=${lang}`);
        expect(res?.status(), `${label}-${lang}`).toBe(200);
        const text = (await page.locator('main').textContent()) ?? '';
        expect(text, `${label}-${lang}`).toContain('02.03.2026');
        expect(text, `${label}-${lang}`).not.toContain('01.03.2026');
        expect(await hasHorizontalScroll(page), `${label}-${lang}`).toBe(false);
        await expectAxeClean(page, `${label}-${lang}`);
        await shot(page, `${label}-${lang}`);
        await ctx.close();
      }
  });
});
