import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import {
  expectPhoneReady,
  launchBrowser,
  noJsContext,
  PHONE,
  phoneContext,
  startApp,
  startNeutralSite,
  type NeutralSite,
  type RunningApp,
} from '../helpers/browser.ts';
import type { TestApp } from '../helpers/app.ts';
import type { Cookies } from '../helpers/factories.ts';
import { buildWorld, NARRATIVE, type World } from '../../src/cases/cases.fixtures.ts';
import { issueSetupLink } from '../../src/accounts/first-run.service.ts';
import { totpCode } from '../../src/accounts/totp.crypto.ts';
import type { ManualClock } from '../../src/shared/clock.ts';

// Issue 9, "safe and clear for a frightened mother on a phone": each finding of the walk, in
// Chromium with JavaScript off on a 360 × 740 phone, so that it fails if it comes back.

describe('on a phone, JavaScript off', () => {
  let browser: Browser;
  let run: RunningApp;
  let neutral: NeutralSite;
  let w: World;

  const contextFor = (cookies: Cookies = {}): Promise<BrowserContext> => phoneContext(browser, run.baseUrl, cookies);
  const fits = expectPhoneReady;

  beforeAll(async () => {
    neutral = await startNeutralSite();
    [browser, run] = await Promise.all([launchBrowser(), startApp({ env: { QUICK_EXIT_URL: neutral.url } })]);
    w = await buildWorld({ opened: { db: run.db }, clock: run.clock as ManualClock } as unknown as TestApp);
  });
  afterAll(async () => {
    await browser?.close();
    await run?.close();
    await neutral?.close();
  });

  it('home: «Открыть запрос на розыск» is the first button, above the fold, in both languages', async () => {
    const ctx = await contextFor();
    const page = await ctx.newPage();
    for (const [lang, name] of [
      ['ru', 'Открыть запрос на розыск'],
      ['en', 'Open a tracing request'],
    ]) {
      await page.goto(`${run.baseUrl}/?lang=${lang}`);
      const first = page.locator('main').getByRole('button').first();
      expect(await first.textContent()).toBe(name);
      expect(await first.getAttribute('href')).toBe('/register');
      const box = (await first.boundingBox())!;
      expect(box.y + box.height, `${lang}: within the first screen`).toBeLessThanOrEqual(740);
      await fits(page, `home ${lang}`);
    }
    await ctx.close();
  });

  it('quick exit ends the session and leaves; Back shows nothing of the case', async () => {
    const ctx = await contextFor(w.family.cookies);
    const page = await ctx.newPage();
    await page.goto(`${run.baseUrl}/cases/${w.caseId}`);
    await page.getByText(NARRATIVE).waitFor();
    const before = neutral.referers.length;
    await page.getByRole('button', { name: 'Быстрый выход' }).click();
    await page.waitForURL(neutral.url);
    expect(neutral.referers.slice(before)).toEqual([undefined]);
    expect((await ctx.cookies(run.baseUrl)).map((c) => c.name)).not.toContain('kt_session');

    await page.goBack();
    await page.locator('main').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    const shown = await page.content();
    expect(shown).not.toContain(NARRATIVE);
    expect(shown).not.toContain('Иванов');
    // The session is gone on the server too: the old cookie opens nothing.
    const old = await run.app.inject({ method: 'GET', url: `/cases/${w.caseId}`, cookies: w.family.cookies });
    expect(old.statusCode).toBe(303);
    await ctx.close();
  });

  it('2FA setup: a link that opens the app on this phone, and the key in groups of four', async () => {
    const ctx = await contextFor(w.otherFamily.cookies);
    const page = await ctx.newPage();
    await page.goto(`${run.baseUrl}/account/2fa`);
    // A session just opened with the passphrase is not asked for it again (twofactor.service.ts
    // passphraseJustEntered): the key is there at once.
    expect(await page.locator('input[name="passphrase"]').count()).toBe(0);
    const link = page.getByRole('link', { name: 'добавить ключ в приложение' });
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^otpauth:\/\/totp\/Kintrace:127\.0\.0\.1(%3A|:)\d+\?secret=[A-Z2-7]+&issuer=Kintrace/);
    expect(href).not.toContain(encodeURIComponent(w.otherFamily.pseudonym));
    const key = (await page.locator('code.secret').textContent())!;
    expect(key).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    expect(new URL(href).searchParams.get('secret')).toBe(key.replace(/ /g, ''));
    await fits(page, '2FA setup');
    await ctx.close();
  });

  it('the staff queue fits 360 px: every column of every row is on screen', async () => {
    const ctx = await contextFor(w.caseworker.cookies);
    const page = await ctx.newPage();
    await page.goto(`${run.baseUrl}/staff`);
    const cells = page.locator('main table td');
    expect(await cells.count()).toBeGreaterThanOrEqual(6);
    for (const box of await cells.evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect().right)))
      expect(box).toBeLessThanOrEqual(360);
    // Each cell says which column it is (site.css shows data-label before it on a phone).
    const region = page.locator('main td[data-label="Регион, откуда человек родом"]').first();
    expect(await region.textContent()).toBe('Ростовская область');
    expect(await region.evaluate((td) => getComputedStyle(td, '::before').content)).toContain('Регион');
    await fits(page, 'queue');
    await ctx.close();
  });

  it('times on the invite and audit pages are in Moscow time and say so', async () => {
    const ctx = await contextFor(w.admin.cookies);
    const page = await ctx.newPage();
    await page.goto(`${run.baseUrl}/admin/invites`);
    await page.locator('select[name="role"]').selectOption('caseworker');
    await page.getByRole('button', { name: 'Создать приглашение' }).click();
    // Created at 09:00 UTC on 2 March, valid 72 hours: 12:00 in Moscow on the 5th.
    await page.getByText('05.03.2026 12:00 (Москва, UTC+3)').waitFor();
    await page.goto(`${run.baseUrl}/admin/invites`);
    await page.getByText('действует до 05.03.2026 12:00 (Москва, UTC+3)').waitFor();
    // The zone in Russian on Russian pages (a walk read «Europe/Moscow, GMT+3»), English on English ones.
    expect(await page.content()).not.toContain('Europe/Moscow');
    await page.goto(`${run.baseUrl}/admin/invites?lang=en`);
    await page.getByText('05.03.2026 12:00 (Europe/Moscow, GMT+3)').first().waitFor();
    await page.goto(`${run.baseUrl}/admin/invites?lang=ru`);
    await fits(page, 'invites');
    await page.goto(`${run.baseUrl}/staff/audit`);
    await page.getByText('Время указано по часовому поясу: Москва, UTC+3.').waitFor();
    await page
      .locator('main td', { hasText: /^\d\d\.\d\d\.\d{4} \d\d:\d\d$/ })
      .first()
      .waitFor();
    // No time of day left in UTC (the zone's offset is named as UTC+3, once).
    expect(await page.content()).not.toMatch(/\d\d:\d\d UTC/);
    await fits(page, 'audit');
    await ctx.close();
  });

  it('the first administrator of an empty site lands on next steps, not an empty list', async () => {
    const empty = await startApp();
    const setupPath = new URL((await issueSetupLink({ db: empty.db, config: empty.config, clock: empty.clock }))!)
      .pathname;
    const ctx = await noJsContext(browser, PHONE);
    const page = await ctx.newPage();
    await page.goto(`${empty.baseUrl}${setupPath}`);
    await page.locator('input[name="pseudonym"]').fill('первый админ');
    await page.locator('input[name="passphrase"]').fill('длинная фраза первого админа');
    await page.locator('input[name="confirm"]').fill('длинная фраза первого админа');
    await page.getByRole('button', { name: 'Создать' }).click();
    // The passphrase just chosen is not asked for again: the 2FA key is shown at once.
    const key = (await page.locator('code.secret').textContent())!.replace(/ /g, '');
    await page.locator('input[name="code"]').fill(totpCode(key, empty.clock.now()));
    await page.getByRole('button', { name: 'Подтвердить' }).click();
    await page.waitForURL('**/admin/start');
    await page.getByRole('heading', { name: 'Первые шаги' }).waitFor();
    await page.getByText('Создайте организацию').waitFor();
    await fits(page, 'first steps');
    await page.getByRole('link', { name: 'Создать организацию' }).click();
    await page.waitForURL('**/admin/organisations');
    await page.locator('input[name="name"]').fill('Правозащитная группа «Рассвет»');
    await page.getByRole('button', { name: 'Создать организацию' }).click();
    await page.locator('code.secret').waitFor();
    await page.goto(`${empty.baseUrl}/admin/start`);
    await page.getByText('готово: Организация создана.').waitFor();
    // The organisation's first-admin invite is waiting; more staff can be invited from here.
    await page.getByText('Ждёт ответа 1 приглашение.').waitFor();
    await page.getByRole('link', { name: 'Пригласить сотрудника' }).waitFor();
    await fits(page, 'first steps, organisation created');
    await ctx.close();
    await empty.close();
  });
});
