import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { useBrowserWorld } from './browser-world.test-helper.ts';
import { expectPhoneReady, phoneContext } from '../../test/helpers/browser.ts';

// On a phone without JavaScript: the mother's edit page was opened before a caseworker corrected
// the surname. Her save comes back, not saved, saying why, with her text still in the form and a
// link to what is recorded now; saved again, it goes through and the correction stands.

const correctSurname = async (
  browser: Browser,
  baseUrl: string,
  cookies: Record<string, string>,
  url: string,
  surname: string,
) => {
  const ctx = await phoneContext(browser, baseUrl, cookies);
  const page = await ctx.newPage();
  await page.goto(`${baseUrl}${url}`);
  await page.locator('input[name="surname"]').fill(surname);
  await page.locator('form[action$="/edit"] button[type="submit"]').click();
  await page.waitForURL(/done=edited/);
  await ctx.close();
};

describe('two people correcting one request on phones', () => {
  const world = useBrowserWorld();

  it.each([
    ['ru', '', 'сведения в запросе изменились', 'Сохранить изменения', 'Посмотреть, что записано сейчас'],
    ['en', '?lang=en', "the request's details changed", 'Save changes', 'See what is recorded now'],
  ])('keeps her text and says why it was not saved (%s)', async (lang, query, said, save, link) => {
    const { run, w, browser } = world;
    const url = `/cases/${w.caseId}/edit`;
    const ctx = await phoneContext(browser, run.baseUrl, w.family.cookies);
    const page = await ctx.newPage();
    await page.goto(`${run.baseUrl}${url}${query}`);
    const story = `Дополнение (${lang}): в марте звонил сослуживец, сказал, что их перевели.`;
    await page.locator('textarea[name="narrative"]').fill(story);

    const fixed = lang === 'ru' ? 'Иванов-Правильный' : 'Иванов-Верный';
    await correctSurname(browser, run.baseUrl, w.caseworker.cookies, url, fixed);

    await page.getByRole('button', { name: save }).click();
    const alert = page.getByRole('alert').filter({ hasText: said });
    await alert.waitFor();
    expect(await page.locator('textarea[name="narrative"]').inputValue()).toBe(story);
    expect(await page.getByRole('link', { name: link }).getAttribute('href')).toBe(`/cases/${w.caseId}`);
    await expectPhoneReady(page, `edit-race-${lang}`);

    // She takes the corrected surname and saves again: both stand.
    await page.locator('input[name="surname"]').fill(fixed);
    await page.getByRole('button', { name: save }).click();
    await page.waitForURL(/done=edited/);
    const body = await page.locator('main').textContent();
    expect(body ?? '').toContain(fixed);
    expect(body ?? '').toContain('в марте звонил сослуживец');
    await ctx.close();
  });
});
