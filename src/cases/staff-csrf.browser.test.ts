import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAxeClean, hasHorizontalScroll, phoneContext, shotsOf } from '../../test/helpers/browser.ts';
import { CSRF_COOKIE } from '../web/security.ts';
import { publishedForWorld } from '../registry/registry.fixtures.ts';
import { sentTip } from '../tips/tips.fixtures.ts';
import { useBrowserWorld } from './browser-world.test-helper.ts';

// The staff's forms (and a relative's request to the registry) on a phone with JavaScript off,
// after the browser lost the CSRF cookie: each page comes back with what was typed, says at its
// top that nothing was saved (with the way down to the form when it is far down), fits 360 px,
// and axe finds nothing serious; in Russian and English. KT_SHOTS=1 keeps the screenshots.

const shot = shotsOf('staff-csrf', { firstScreen: true });
const TEXT = 'Семья просила закрыть: сын нашёлся в госпитале в Ростове, звонил сам. Спасибо всем.';

const LANGS = [
  ['ru', 'Форма не отправлена'],
  ['en', 'The form was not sent'],
] as const;

describe('staff forms sent after the CSRF cookie was lost, on a phone without JavaScript', () => {
  const world = useBrowserWorld();
  let tipId: string;
  let recordId: string;

  beforeAll(async () => {
    recordId = await publishedForWorld({ db: world.run.db, clock: world.run.clock }, world.w);
    const tip = { organisation: world.w.orgA.id, what_happened: 'Видел его в подвале в Рыльске в феврале.' };
    tipId = await sentTip(world.run.app, world.run.db, tip);
  });

  /**
   * Opens `url` as `cookies`, fills the form posting to `action` (`fill`), loses the CSRF cookie,
   * sends it, and checks the page that comes back; `field` must hold `typed` again.
   */
  const walk = async (
    cookies: Record<string, string>,
    url: string,
    action: string,
    fill: (page: Page) => Promise<void>,
    field: string,
    typed: string,
    label: string,
  ) => {
    for (const [lang, notSent] of LANGS) {
      const ctx = await phoneContext(world.browser, world.run.baseUrl, cookies);
      const page = await ctx.newPage();
      await page.goto(`${world.run.baseUrl}${url}${url.includes('?') ? '&' : '?'}lang=${lang}`);
      const form = page.locator(`form[action^="${action}"]`);
      await fill(page);
      await form.locator(field).fill(typed);
      await ctx.clearCookies({ name: CSRF_COOKIE });
      await form.locator('button[type="submit"]').first().click();
      await page.getByText(notSent, { exact: false }).first().waitFor();
      expect(await page.locator(`form[action^="${action}"] ${field}`).inputValue(), `${label}-${lang}`).toBe(typed);
      expect(await hasHorizontalScroll(page), `${label}-${lang}`).toBe(false);
      await expectAxeClean(page, `${label}-${lang}`);
      await shot(page, `${label}-${lang}`);
      await ctx.close();
    }
  };

  it('the closing note of a case', async () => {
    const url = `/staff/cases/${world.w.caseId}/close`;
    await walk(
      world.w.caseworker.cookies,
      url,
      url,
      (page) =>
        page
          .locator('select[name="reason"]')
          .selectOption('other')
          .then(() => undefined),
      'textarea[name="note"]',
      TEXT,
      'close',
    );
  });

  it("a reply to a tip's sender", async () => {
    const url = `/staff/tips/${tipId}`;
    await walk(
      world.w.caseworker.cookies,
      url,
      `${url}/reply`,
      async () => {},
      'textarea[name="body"]',
      TEXT,
      'tip-reply',
    );
  });

  it('a new incident', async () => {
    await walk(
      world.w.caseworker.cookies,
      '/staff/incidents',
      '/staff/incidents',
      async (page) => {
        await page.locator('input[name="title"]').fill('Штурм у посёлка');
        await page.locator('input[name="date"]').fill('03.2026');
      },
      'textarea[name="description"]',
      TEXT,
      'incident',
    );
  });

  it("an authority's notes in the directory", async () => {
    await walk(
      world.w.editor.cookies,
      '/editor/authorities',
      '/editor/authorities',
      async (page) => {
        await page.locator('select[name="kind"]').selectOption({ index: 1 });
        await page.locator('input[name="name"]').fill('Войсковая часть 12345');
      },
      'textarea[name="notes"]',
      TEXT,
      'authority',
    );
  });

  it("a relative's request about a published record, without an account", async () => {
    const url = `/registry/persons/${recordId}/request`;
    await walk({}, url, url, async () => {}, 'textarea[name="message"]', TEXT, 'registry-request');
  });

  it("the audit log labels a family's UTC day, in both languages", async () => {
    for (const [lang, label] of [
      ['ru', 'сутки по UTC'],
      ['en', 'UTC day'],
    ] as const) {
      const ctx = await phoneContext(world.browser, world.run.baseUrl, world.w.admin.cookies);
      const page = await ctx.newPage();
      await page.goto(`${world.run.baseUrl}/staff/audit?lang=${lang}`);
      await page.getByText(label, { exact: false }).first().waitFor();
      expect(await hasHorizontalScroll(page), `audit-${lang}`).toBe(false);
      await expectAxeClean(page, `audit-${lang}`);
      await shot(page, `audit-${lang}`);
      await ctx.close();
    }
  });
});
