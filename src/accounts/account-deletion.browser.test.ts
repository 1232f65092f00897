import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  expectAxeClean,
  hasHorizontalScroll,
  launchBrowser,
  noJsContext,
  startApp,
  type RunningApp,
  shotsOf,
} from '../../test/helpers/browser.ts';
import type { TestApp } from '../../test/helpers/app.ts';
import type { ManualClock } from '../shared/clock.ts';
import { buildWorld, type World } from '../cases/cases.fixtures.ts';

// A family deletes its account and every case, in a real Chromium with JavaScript off on a 360 px
// phone: from the account page, one confirmation page that names what goes, one button.

const shot = shotsOf('delete');

describe('deleting an account in a browser', () => {
  let run: RunningApp;
  let browser: Browser;
  let w: World;
  beforeAll(async () => {
    run = await startApp();
    browser = await launchBrowser();
    w = await buildWorld({ opened: { db: run.db }, clock: run.clock as ManualClock } as unknown as TestApp);
  });
  afterAll(async () => {
    await browser?.close();
    await run?.close();
  });

  it('from the account page, one confirmation, and everything is gone', async () => {
    const ctx = await noJsContext(browser, { viewport: { width: 360, height: 740 } });
    await ctx.addCookies(Object.entries(w.family.cookies).map(([name, value]) => ({ name, value, url: run.baseUrl })));
    const page = await ctx.newPage();
    await page.goto(`${run.baseUrl}/account`);
    await page.getByRole('link', { name: 'Удалить учётную запись и все запросы' }).click();
    await page.getByRole('heading', { name: 'Удалить всё?' }).waitFor();
    await page.getByText('Иванов Пётр Сергеевич').waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectAxeClean(page, 'delete account');
    await shot(page, 'confirm');
    await page.getByRole('button', { name: 'Удалить всё навсегда' }).click();
    await page.getByRole('heading', { name: 'Всё удалено' }).waitFor();
    await page.getByText('Учётная запись и 1 запрос удалены.').waitFor();
    await expectAxeClean(page, 'deleted');
    await shot(page, 'done');
    await page.goto(`${run.baseUrl}/my/cases`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await ctx.close();
  });
});
