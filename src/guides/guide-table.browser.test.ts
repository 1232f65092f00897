import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserWorld } from '../cases/browser-world.test-helper.ts';
import { expectAxeClean, expectPhoneReady, phoneContext, shotsOf } from '../../test/helpers/browser.ts';
import { createGuide } from './guides.service.ts';

// A QA walk of the knowledge base on a phone, JavaScript off: a guide's table («Куда писать |
// Что написать | Срок») cut «военкомат» after any letter at 360 px, because every table cell of
// the site may break anywhere (a unit name without spaces must not widen the page). In a guide a
// table keeps its words whole; a table too wide for the phone scrolls in its own box, and the
// page itself stays 360 px wide.

const TABLES = {
  ru: {
    title: 'Куда писать',
    markdown: [
      '## Куда писать',
      '',
      '| Куда | Что написать | Срок |',
      '| --- | --- | --- |',
      '| военкомат | Запрос о месте службы сына с просьбой ответить письменно по адресу проживания | 30 дней |',
      '| прокуратура | Жалоба на то, что военкомат не ответил на запрос в срок, установленный законом | 30 дней |',
      '',
      '## Все сроки',
      '',
      '| Военкомат | Прокуратура | Омбудсмен | Командир | Госпиталь | Министерство |',
      '| --- | --- | --- | --- | --- | --- |',
      '| зарегистрировать | рассмотреть | ответить | сообщить | подтвердить | перенаправить |',
    ].join('\n'),
  },
  en: {
    title: 'Where to write',
    markdown: [
      '## Where to write',
      '',
      '| Where | What to write | Deadline |',
      '| --- | --- | --- |',
      '| commissariat | An inquiry about where your son serves, asking for a written answer to your home address | 30 days |',
      '| prosecutor | A complaint that the commissariat did not answer your inquiry within the time set by law | 30 days |',
      '',
      '## All deadlines',
      '',
      '| Commissariat | Prosecutor | Ombudsman | Commander | Hospital | Ministry |',
      '| --- | --- | --- | --- | --- | --- |',
      '| registering | considering | answering | reporting | confirming | redirecting |',
    ].join('\n'),
  },
};

/** The words of the guide's table cells that the browser laid out over more than one line. */
const brokenWords = (page: Page): Promise<string[]> =>
  page.locator('article.guide').evaluate((article) => {
    const broken: string[] = [];
    for (const cell of article.querySelectorAll('td, th')) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? '';
        for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
          const r = document.createRange();
          r.setStart(n, m.index);
          r.setEnd(n, m.index + m[0].length);
          if (new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size > 1) broken.push(m[0]);
        }
      }
    }
    return broken;
  });

const pageWidth = (page: Page) => page.locator('html').evaluate((html) => html.scrollWidth);

describe("a guide's table on a phone", () => {
  const world = useBrowserWorld();
  const shot = shotsOf('guide-table');

  it('keeps its words whole, and a wide one scrolls in its own box: the page stays 360 px, in Russian and English', async () => {
    const { editor } = world.w;
    for (const lang of ['ru', 'en'] as const)
      await createGuide({ db: world.run.db, clock: world.run.clock }, editor.auth, {
        slug: 'where-to-write',
        lang,
        ...TABLES[lang],
        base: 0,
      });
    const ctx = await phoneContext(world.browser, world.run.baseUrl, editor.cookies);
    const page = await ctx.newPage();
    for (const lang of ['ru', 'en'] as const) {
      await page.goto(`${world.run.baseUrl}/guides/where-to-write?lang=${lang}`);
      await page.getByRole('cell', { name: lang === 'ru' ? 'военкомат' : 'commissariat', exact: true }).waitFor();
      await shot(page, lang);
      expect(await brokenWords(page), lang).toEqual([]);
      expect(await pageWidth(page), lang).toBeLessThanOrEqual(360);
      await expectAxeClean(page, `guide ${lang}`);
      // the wide table scrolls inside the page, and only it
      const wide = page.locator('article.guide table').nth(1);
      const box = await wide.evaluate((t) => {
        const scroller = t.parentElement!;
        return { scrolls: scroller.scrollWidth > scroller.clientWidth, overflow: getComputedStyle(scroller).overflowX };
      });
      expect(box, lang).toEqual({ scrolls: true, overflow: 'auto' });

      // the editor's preview shows it as readers will
      await page.goto(`${world.run.baseUrl}/editor/guides?lang=${lang}`);
      await page.getByRole('link', { name: TABLES[lang].title }).click();
      await page.getByRole('button', { name: lang === 'ru' ? 'Предпросмотр' : 'Preview' }).click();
      await page.locator('article.guide table').first().waitFor();
      expect(await brokenWords(page), `preview ${lang}`).toEqual([]);
      expect(await pageWidth(page), `preview ${lang}`).toBeLessThanOrEqual(360);
    }
    await ctx.close();
  });

  it('a table that fits the phone does not scroll at all', async () => {
    const { editor } = world.w;
    await createGuide({ db: world.run.db, clock: world.run.clock }, editor.auth, {
      slug: 'short-table',
      lang: 'ru',
      title: 'Коротко',
      markdown: TABLES.ru.markdown.split('\n## Все сроки')[0],
      base: 0,
    });
    const ctx = await phoneContext(world.browser, world.run.baseUrl);
    const page = await ctx.newPage();
    await page.goto(`${world.run.baseUrl}/guides/short-table`);
    await page.getByRole('cell', { name: 'военкомат', exact: true }).waitFor();
    expect(await brokenWords(page)).toEqual([]);
    await expectPhoneReady(page, 'short table');
    await ctx.close();
  });
});
