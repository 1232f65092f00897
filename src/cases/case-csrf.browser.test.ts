import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { expectAxeClean, hasHorizontalScroll, phoneContext, shotsOf } from '../../test/helpers/browser.ts';
import { CSRF_COOKIE } from '../web/security.ts';
import { useBrowserWorld } from './browser-world.test-helper.ts';

// A mother on a phone with JavaScript off (Tor Browser's safest mode) writes her request or a
// message; meanwhile the browser loses the site's CSRF cookie. What she wrote comes back in the
// form, the page says nothing was saved, and sending again works. When Tor Browser was
// restarted, every cookie is gone, the session with it: what she wrote comes back to copy.

const shot = shotsOf('case-csrf', { firstScreen: true });
const STORY = 'Сын позвонил 3 марта из-под Купянска, сказал, что их переводят. С тех пор ни слова.';

const check = async (page: Page, label: string) => {
  expect(await hasHorizontalScroll(page), label).toBe(false);
  await expectAxeClean(page, label);
  await shot(page, label);
};

/** What Tor Browser does to the cookie on "new identity", or another tab opened from a link. */
const loseCsrfCookie = (ctx: BrowserContext) => ctx.clearCookies({ name: CSRF_COOKIE });

describe('a case form sent after the CSRF cookie was lost', () => {
  const world = useBrowserWorld();

  it('the new request comes back filled in, in Russian; sent again, the case opens', async () => {
    const ctx = await phoneContext(world.browser, world.run.baseUrl, world.w.family.cookies);
    const page = await ctx.newPage();
    await page.goto(`${world.run.baseUrl}/cases/new`);
    await page.getByLabel('Организация, которая вам поможет').selectOption({ label: world.w.orgA.name });
    await page.getByLabel('Фамилия').fill('Орлов');
    await page.locator('input[name="given_name"]').fill('Денис');
    await page.getByLabel('Регион, откуда человек родом').selectOption('RU-BEL');
    await page.getByLabel('Вид службы').selectOption('mobilised');
    await page.getByLabel('Кем вам приходится этот человек').selectOption('mother');
    await page.getByLabel('Что вы знаете').fill(STORY);
    await page.getByLabel('Что вы хотите узнать').fill('Жив ли он');
    await loseCsrfCookie(ctx);
    await page.getByRole('button', { name: 'Отправить запрос' }).click();

    await page.getByText('Форма не отправлена', { exact: false }).first().waitFor();
    expect(await page.getByLabel('Фамилия').inputValue()).toBe('Орлов');
    expect(await page.getByLabel('Что вы знаете').inputValue()).toBe(STORY);
    expect(await page.getByLabel('Кем вам приходится этот человек').inputValue()).toBe('mother');
    expect(await page.getByLabel('Организация, которая вам поможет').inputValue()).toBe(world.w.orgA.id);
    await check(page, 'new-ru');

    await page.getByRole('button', { name: 'Отправить запрос' }).click();
    await page.getByText(STORY).waitFor();
    expect(page.url()).toMatch(/\/cases\/[0-9a-f-]{36}$/);
    await ctx.close();
  });

  it('a message comes back in its box on the case page, in English; sent again, it arrives', async () => {
    const ctx = await phoneContext(world.browser, world.run.baseUrl, world.w.family.cookies);
    const page = await ctx.newPage();
    await page.goto(`${world.run.baseUrl}/cases/${world.w.caseId}?lang=en`);
    const message = 'He was last seen near Kupiansk on 3 March; his comrade Pavel may know more.';
    await page.getByLabel('Your message').fill(message);
    await loseCsrfCookie(ctx);
    await page.getByRole('button', { name: 'Send', exact: true }).click();

    await page.getByText('The form was not sent', { exact: false }).first().waitFor();
    expect(await page.getByLabel('Your message').inputValue()).toBe(message);
    await check(page, 'message-en');
    await page.getByRole('link', { name: 'Go to the form' }).click();

    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText(message).first().waitFor();
    expect(page.url()).toContain('done=message');
    await ctx.close();
  });

  it('after a restart (every cookie gone, the session too) the text comes back to copy', async () => {
    const ctx = await phoneContext(world.browser, world.run.baseUrl, world.w.family.cookies);
    const page = await ctx.newPage();
    await page.goto(`${world.run.baseUrl}/cases/${world.w.caseId}`);
    await page.getByLabel('Ваше сообщение').fill(STORY);
    await ctx.clearCookies();
    await page.getByRole('button', { name: 'Отправить', exact: true }).click();

    await page.getByRole('heading', { name: 'Форма не отправлена' }).waitFor();
    expect(await page.locator('textarea[readonly]').inputValue()).toBe(STORY);
    await page.getByRole('link', { name: 'Войти снова' }).waitFor();
    await check(page, 'restarted-ru');
    await ctx.close();
  });
});
