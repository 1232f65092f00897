import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { expectAxeClean, hasHorizontalScroll, phoneContext, shotsOf } from '../../test/helpers/browser.ts';
import { CSRF_COOKIE } from '../web/security.ts';
import { principalOf } from '../policy/principal.ts';
import { authoriseOptIn, cohortsOfCase, setOptIn } from '../cohorts/cohorts.service.ts';
import { useBrowserWorld } from './browser-world.test-helper.ts';
import { grantFor } from './cases.fixtures.ts';

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

  it('after a restart (every cookie gone, the session too) she logs in on that page and sends it again', async () => {
    const ctx = await phoneContext(world.browser, world.run.baseUrl, world.w.family.cookies);
    const page = await ctx.newPage();
    await page.goto(`${world.run.baseUrl}/cases/${world.w.caseId}`);
    await page.getByLabel('Ваше сообщение').fill(STORY);
    await ctx.clearCookies();
    await page.getByRole('button', { name: 'Отправить', exact: true }).click();

    await page.getByRole('heading', { name: 'Форма не отправлена' }).waitFor();
    expect(await page.locator('textarea[readonly]').inputValue()).toBe(STORY);
    await check(page, 'restarted-ru');
    // Her login on the same page; the next page is her message, to send with one tap.
    await page.getByLabel('Псевдоним').fill(world.w.family.pseudonym);
    await page.getByLabel('Парольная фраза').fill(world.w.family.passphrase);
    await page.getByRole('button', { name: 'Войти и вернуть текст в форму' }).click();
    await page.getByRole('heading', { name: 'Отправьте форму ещё раз' }).waitFor();
    expect(await page.getByLabel('Ваше сообщение').inputValue()).toBe(STORY);
    await check(page, 'resumed-ru');
    await page.getByRole('button', { name: 'Отправить', exact: true }).click();
    await page.getByText(STORY).first().waitFor();
    expect(page.url()).toContain(`/cases/${world.w.caseId}`);
    await ctx.close();
  });

  it('a correction comes back as typed, in English; saved when sent again', async () => {
    const ctx = await phoneContext(world.browser, world.run.baseUrl, world.w.family.cookies);
    const page = await ctx.newPage();
    await page.goto(`${world.run.baseUrl}/cases/${world.w.caseId}/edit?lang=en`);
    const known = 'His comrade Pavel says the unit was moved to Kupiansk in early March.';
    await page.getByLabel('What you know').fill(known);
    await loseCsrfCookie(ctx);
    await page.getByRole('button', { name: 'Save changes' }).click();

    await page.getByText('The form was not sent', { exact: false }).first().waitFor();
    expect(await page.getByLabel('What you know').inputValue()).toBe(known);
    await check(page, 'edit-en');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText(known).waitFor();
    expect(page.url()).toContain('done=edited');
    await ctx.close();
  });

  it('a post on the cohort board comes back in its box, in Russian; sent again, it is posted', async () => {
    const deps = { db: world.run.db, clock: world.run.clock };
    await setOptIn(deps, await authoriseOptIn(world.run.db, principalOf(world.w.family.auth), world.w.caseId), {
      optIn: true,
    });
    const cohorts = await cohortsOfCase(deps, await grantFor(world.app, world.w.caseworker, world.w.caseId, 'read'));
    const board = cohorts.cohorts[0].boardId!;
    const ctx = await phoneContext(world.browser, world.run.baseUrl, world.w.family.cookies);
    const page = await ctx.newPage();
    await page.goto(`${world.run.baseUrl}/cohorts/${board}`);
    const post = 'Мой муж из роты связи, последний звонок 3 марта. Кто-нибудь знает, где их рота?';
    await page.getByLabel('Ваше сообщение').fill(post);
    await loseCsrfCookie(ctx);
    await page.getByRole('button', { name: 'Отправить', exact: true }).click();

    await page.getByText('Форма не отправлена', { exact: false }).first().waitFor();
    expect(await page.getByLabel('Ваше сообщение').inputValue()).toBe(post);
    await check(page, 'board-ru');
    await page.getByRole('button', { name: 'Отправить', exact: true }).click();
    await page.getByText(post).waitFor();
    expect(page.url()).toContain('done=posted');
    await ctx.close();
  });
});
