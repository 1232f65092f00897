import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  expectAxeClean,
  hasHorizontalScroll,
  launchBrowser,
  noJsContext,
  startApp,
  startNeutralSite,
  type NeutralSite,
  type RunningApp,
} from '../helpers/browser.ts';

describe('home page in a real browser, JavaScript off', () => {
  let browser: Browser;
  let server: RunningApp;
  let neutral: NeutralSite;
  beforeAll(async () => {
    neutral = await startNeutralSite();
    [browser, server] = await Promise.all([launchBrowser(), startApp({ env: { QUICK_EXIT_URL: neutral.url } })]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await neutral?.close();
  });

  it('renders in Russian, with the quick exit, and passes axe', async () => {
    const ctx = await noJsContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${server.baseUrl}/`);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ru');
    expect(await page.locator('.quick-exit button').textContent()).toContain('Быстрый выход');
    expect(await page.locator('h1').count()).toBe(1);
    await expectAxeClean(page, 'home ru');
    await ctx.close();
  });

  it('switches to English with the link and passes axe', async () => {
    const ctx = await noJsContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('link', { name: 'English' }).click();
    await page.locator('html[lang="en"]').waitFor();
    expect(await page.locator('.quick-exit button').textContent()).toContain('Quick exit');
    await expectAxeClean(page, 'home en');
    await ctx.close();
  });

  it('answers in English when the browser asks for it', async () => {
    const ctx = await noJsContext(browser, {
      locale: 'en-GB',
      extraHTTPHeaders: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    const page = await ctx.newPage();
    await page.goto(`${server.baseUrl}/`);
    await page.locator('html[lang="en"] main h1').waitFor();
    expect(await page.locator('.quick-exit button').textContent()).toContain('Quick exit');
    await ctx.close();
  });

  it('fits a 360 px wide phone without horizontal scrolling', async () => {
    const ctx = await noJsContext(browser, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await ctx.newPage();
    await page.goto(`${server.baseUrl}/`);
    await page.locator('main h1').waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await ctx.close();
  });

  it('the quick exit leaves for the neutral site in one click, telling it nothing about where from', async () => {
    const ctx = await noJsContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${server.baseUrl}/login?lang=ru`);
    await page.locator('.quick-exit button').click();
    await page.waitForURL(neutral.url);
    expect(neutral.referers).toEqual([undefined]);
    await ctx.close();
  });

  it('the axe check is not vacuous: it fails on a page with a critical violation', async () => {
    const ctx = await noJsContext(browser);
    const page = await ctx.newPage();
    const url = `${server.baseUrl}/axe-self-test`;
    await page.route(url, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<html lang="ru"><title>x</title><main><img src="/a.png"><button></button></main></html>',
      }),
    );
    await page.goto(url);
    await expect(expectAxeClean(page)).rejects.toThrow(/critical/);
    await ctx.close();
  });
});
