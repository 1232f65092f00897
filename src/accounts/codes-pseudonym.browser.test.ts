import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  hasHorizontalScroll,
  launchBrowser,
  phoneContext,
  startApp,
  type RunningApp,
  shotsOf,
} from '../../test/helpers/browser.ts';

// A QA walk of a mother registering on a 360 px phone, JavaScript off: the recovery codes page
// wrote «Ваш псевдоним для входа: lastochka-» and «reka» on the next line. She copies it onto
// paper to log in with, and a hyphen at a line's end reads as the word broken there: written as
// «lastochkareka» it never logs in. The pseudonym is never broken at its hyphens: it goes whole
// onto the next line.

const shot = shotsOf('codes-pseudonym');

describe('the pseudonym on the recovery codes page', () => {
  let run: RunningApp;
  let browser: Browser;
  beforeAll(async () => {
    run = await startApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await run?.close();
  });

  it('is on one line, in Russian and English', async () => {
    for (const [lang, pseudonym, button] of [
      ['ru', 'lastochka-reka-2', 'Зарегистрироваться'],
      ['en', 'swallow-over-the-river', 'Register'],
    ] as const) {
      const ctx = await phoneContext(browser, run.baseUrl);
      const page = await ctx.newPage();
      await page.goto(`${run.baseUrl}/register?lang=${lang}`);
      await page.locator('input[name="pseudonym"]').fill(pseudonym);
      await page.locator('input[name="passphrase"]').fill('бабушкин сад и яблони');
      await page.locator('input[name="confirm"]').fill('бабушкин сад и яблони');
      await page.getByRole('button', { name: button }).click();
      const shown = page.locator('strong.pseudonym');
      await shown.waitFor();
      expect(await shown.textContent()).toBe(pseudonym);
      const lines = await shown.evaluate((el) => el.getClientRects().length);
      expect(lines, lang).toBe(1);
      expect(await hasHorizontalScroll(page)).toBe(false);
      await shot(page, lang);
      await ctx.close();
    }
  });
});
