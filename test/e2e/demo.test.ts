import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  expectAxeClean,
  hasHorizontalScroll,
  launchBrowser,
  noJsContext,
  startApp,
  type RunningApp,
} from '../helpers/browser.ts';
import { totpCode } from '../../src/accounts/totp.crypto.ts';
import { runDemo, type DemoReport } from '../../src/demo/demo.service.ts';
import { DEMO_MARK } from '../../src/demo/demo.data.ts';

// The demo as a newcomer meets it: logged in with the printed logins, JavaScript off, every page
// populated (queues, open and closed cases, a discrepancy, the audit log, a family's cases) and
// every one of those pages passes axe on a 360 px phone without sideways scrolling. Pages full
// of data (wide queues, long timelines, the audit log) are where accessibility and layout slip.

describe('the demo in a browser, JavaScript off', () => {
  let browser: Browser;
  let server: RunningApp;
  let report: DemoReport;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startApp()]);
    report = await runDemo({ db: server.db, config: server.config, clock: server.clock });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const logIn = async (pseudonym: string, phone = false): Promise<Page> => {
    const login = report.logins.find((l) => l.pseudonym === pseudonym)!;
    const ctx = await noJsContext(
      browser,
      phone ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } : {},
    );
    const page = await ctx.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.locator('input[name="pseudonym"]').fill(login.pseudonym);
    await page.locator('input[name="passphrase"]').fill(login.passphrase);
    await page.locator('form[action="/login"] button[type="submit"]').click();
    if (login.totpSecret) {
      await page.waitForURL('**/login/2fa');
      await page.locator('input[name="code"]').fill(totpCode(login.totpSecret, server.clock.now()));
      await page.locator('form[action="/login/2fa"] button[type="submit"]').click();
    }
    await page.waitForURL(login.role === 'family' ? '**/my/cases' : '**/staff');
    return page;
  };

  /** Visits each URL and checks it; returns the case links found on the pages. */
  const tour = async (page: Page, urls: string[], who: string): Promise<string[]> => {
    const links = new Set<string>();
    for (const url of urls) {
      await page.goto(`${server.baseUrl}${url}`);
      await page.locator('main').waitFor();
      expect(await page.title()).toBe('Kintrace');
      await expectAxeClean(page, `${who} ${url}`);
      if ((page.viewportSize()?.width ?? 0) <= 360)
        expect(await hasHorizontalScroll(page), `${who} ${url}`).toBe(false);
      for (const href of await page
        .locator('main a[href^="/cases/"]')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')!)))
        links.add(href.split('#')[0]);
    }
    return [...links].filter((l) => /^\/cases\/[0-9a-f-]{36}$/.test(l));
  };

  it('caseworker: every queue and every case of the organisation, with a discrepancy among them', async () => {
    const page = await logIn('demo-caseworker-north', true);
    const cases = await tour(
      page,
      [
        '/staff',
        '/staff?filter=unassigned',
        '/staff?filter=mine',
        '/staff?filter=waiting',
        '/staff?filter=stale',
        '/staff?filter=closed',
        '/staff/search?q=ДЕМО',
      ],
      'caseworker',
    );
    expect(cases.length).toBeGreaterThanOrEqual(4);
    await tour(page, cases, 'caseworker');
    expect(await page.locator('body').textContent()).toContain(DEMO_MARK);
    let discrepancies = 0;
    for (const c of cases) {
      await page.goto(`${server.baseUrl}${c}`);
      discrepancies += await page.locator('.discrepancy').count();
    }
    expect(discrepancies).toBeGreaterThan(0);
    await tour(page, [`${cases[0]}?lang=en`, '/staff?lang=en'], 'caseworker en');
  }, 240_000);

  it('organisation admin: audit log and staff management', async () => {
    const page = await logIn('demo-org-admin-south', true);
    await tour(page, ['/admin/invites', '/account', '/staff/audit'], 'org admin');
    expect(await page.locator('main table tbody tr').count()).toBeGreaterThan(10);
  }, 120_000);

  it('a family on a phone: its cases, populated, no sideways scrolling', async () => {
    const page = await logIn('demo-family-1', true);
    const cases = await tour(page, ['/my/cases'], 'family');
    expect(cases).toHaveLength(2);
    await tour(page, cases, 'family');
    expect(await page.locator('main').textContent()).toContain(DEMO_MARK);
  }, 120_000);
});
