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
import { createSiteAdmin } from '../helpers/factories.ts';
import { totpCode } from '../../src/accounts/totp.crypto.ts';

// The accounts pages in a real browser with JavaScript off, on a 360 px phone: a family
// registers, logs out and back in; a site admin creates an organisation and its first admin
// accepts the invite and sets up 2FA. Every page passes axe.

const PASS = 'длинная парольная фраза';

describe('accounts in a real browser, JavaScript off', () => {
  let browser: Browser;
  let server: RunningApp;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startApp()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const phone = () => noJsContext(browser, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const codesShown = (page: Page) => page.locator('code.secret').allTextContents();
  const switchLanguage = async (page: Page, link: string, heading: string) => {
    await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
    await page.getByRole('heading', { name: heading }).waitFor();
  };
  const check = async (page: Page, label: string) => {
    await expectAxeClean(page, label);
    expect(await hasHorizontalScroll(page), label).toBe(false);
    expect(await page.title()).toBe('Kintrace');
  };

  it('a family registers, keeps its recovery codes, logs out and logs back in', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    await page.goto(`${server.baseUrl}/register`);
    await check(page, 'register');
    await page.getByLabel('Псевдоним').fill('Мама');
    await page.getByLabel('Парольная фраза', { exact: false }).first().fill('short');
    await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
    await page.locator('.field-error').first().waitFor();
    expect(await page.getByLabel('Псевдоним').inputValue()).toBe('Мама');
    await check(page, 'register with errors');

    await page.getByLabel('Парольная фраза', { exact: false }).first().fill(PASS);
    await page.getByLabel('Повторите парольную фразу').fill(PASS);
    await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
    await page.getByRole('heading', { name: 'Коды восстановления' }).waitFor();
    expect(await page.locator('code.secret').count()).toBe(6);
    // Reached by a redirect: a reload does not post the registration again, and shows the codes
    // no more (they were shown once) but the family's cases.
    expect(new URL(page.url()).pathname).toBe('/register/codes');
    await check(page, 'recovery codes');
    // The language link keeps the codes on the screen, in English and back in Russian.
    const registered = await codesShown(page);
    await switchLanguage(page, 'English', 'Recovery codes');
    expect(new URL(page.url()).pathname).toBe('/register/codes');
    expect(await codesShown(page)).toEqual(registered);
    await check(page, 'recovery codes (en)');
    await switchLanguage(page, 'Русский', 'Коды восстановления');
    expect(await codesShown(page)).toEqual(registered);
    await page.reload();
    await page.waitForURL(/\/my\/cases$/);
    expect(await page.locator('code.secret').count()).toBe(0);

    await page.goto(`${server.baseUrl}/account`);
    await page.getByRole('heading', { name: 'Учётная запись' }).waitFor();
    await check(page, 'account');
    // New codes, in both languages: the form redirects to a page of their own (a reload does not
    // post it again), shown once; a reload goes back to the account page.
    for (const [lang, heading, button, account] of [
      ['ru', 'Коды восстановления', 'Создать новые коды', 'Учётная запись'],
      ['en', 'Recovery codes', 'Create new codes', 'Account'],
    ]) {
      await page.goto(`${server.baseUrl}/account?lang=${lang}`);
      const form = page.locator('form[action="/account/recovery-codes"]');
      await form.getByLabel(lang === 'ru' ? 'Текущая парольная фраза' : 'Current passphrase').fill(PASS);
      await form.getByRole('button', { name: button }).click();
      await page.waitForURL(/\/account\/recovery-codes$/);
      await page.getByRole('heading', { name: heading }).waitFor();
      expect(await page.locator('code.secret').count()).toBe(6);
      await check(page, `new recovery codes (${lang})`);
      // Switching the language keeps them (the link once went to /account, and they were lost).
      const made = await codesShown(page);
      await switchLanguage(
        page,
        lang === 'ru' ? 'English' : 'Русский',
        lang === 'ru' ? 'Recovery codes' : 'Коды восстановления',
      );
      expect(new URL(page.url()).pathname).toBe('/account/recovery-codes');
      expect(await codesShown(page)).toEqual(made);
      await check(page, `new recovery codes switched from ${lang}`);
      await switchLanguage(page, lang === 'ru' ? 'Русский' : 'English', heading);
      expect(await codesShown(page)).toEqual(made);
      await page.reload();
      await page.waitForURL(/\/account$/);
      await page.getByRole('heading', { name: account, exact: true }).waitFor();
      expect(await page.locator('code.secret').count()).toBe(0);
    }
    await page.goto(`${server.baseUrl}/account?lang=ru`);
    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.getByRole('heading', { name: 'Вы вышли' }).waitFor();
    expect((await ctx.cookies()).find((c) => c.name === 'kt_session')).toBeUndefined();

    await page.goto(`${server.baseUrl}/login`);
    await check(page, 'login');
    await page.getByLabel('Псевдоним').fill('мама');
    await page.getByLabel('Парольная фраза').fill(PASS);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL(/\/my\/cases$/);
    const session = (await ctx.cookies()).find((c) => c.name === 'kt_session')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Lax');

    await page.goto(`${server.baseUrl}/recover`);
    await check(page, 'recover');
    await ctx.close();
  });

  it('an invited organisation admin sets up 2FA before reaching any case', async () => {
    const admin = await createSiteAdmin(server.db, { clock: server.clock });
    const ctx = await phone();
    const page = await ctx.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('Псевдоним').fill(admin.pseudonym);
    await page.getByLabel('Парольная фраза').fill(admin.passphrase);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByLabel('Код из приложения').waitFor();
    await check(page, 'login 2fa');
    await page.getByLabel('Код из приложения').fill(totpCode(admin.totpSecret!, server.clock.now()));
    await page.getByRole('button', { name: 'Подтвердить' }).click();
    // A site admin outside any organisation, on a site without one: the next steps first.
    await page.waitForURL(/\/admin\/start$/);
    await check(page, 'first steps');
    await page.getByRole('link', { name: 'Создать организацию' }).click();
    await page.waitForURL(/\/admin\/organisations$/);
    await check(page, 'organisations');
    await page.getByLabel('Название организации').fill('Группа помощи');
    await page.getByRole('button', { name: 'Создать организацию' }).click();
    const link = (await page.locator('code.secret').textContent())!;
    await check(page, 'link created');
    await page.goto(`${server.baseUrl}/admin/invites`);
    await check(page, 'invites');
    await ctx.close();

    const invitee = await phone();
    const p2 = await invitee.newPage();
    await p2.goto(server.baseUrl + new URL(link).pathname); // PUBLIC_URL is not the test port
    await check(p2, 'invite');
    await p2.getByLabel('Псевдоним').fill('Координатор');
    await p2.getByLabel('Парольная фраза', { exact: false }).first().fill(PASS);
    await p2.getByLabel('Повторите парольную фразу').fill(PASS);
    await p2.getByRole('button', { name: 'Создать учётную запись' }).click();
    // The passphrase was chosen a moment ago: the key at once, not «enter it again».
    await p2.locator('img[src^="data:image/png"]').waitFor();
    expect(await p2.getByLabel('Текущая парольная фраза').count()).toBe(0);
    await check(p2, '2fa qr');
    const secret = (await p2.locator('code.secret').textContent())!.replace(/\s/g, '');
    await p2.goto(`${server.baseUrl}/staff`);
    await p2.locator('img[src^="data:image/png"]').waitFor(); // sent back to 2FA setup, the same key
    expect((await p2.locator('code.secret').textContent())!.replace(/\s/g, '')).toBe(secret);
    await p2.getByLabel('Код из приложения').fill(totpCode(secret, server.clock.now()));
    await p2.getByRole('button', { name: 'Подтвердить' }).click();
    // The organisation's first admin, alone in it: the next steps (invite staff), then the work.
    await p2.waitForURL(/\/admin\/start$/);
    await check(p2, 'first steps (organisation admin)');
    await p2.getByRole('link', { name: 'Перейти к работе' }).click();
    await p2.waitForURL(/\/staff$/);
    await invitee.close();
  });
});
