import { describe, expect, it } from 'vitest';
import { useBrowserWorld } from './browser-world.test-helper.ts';
import type { Locator, Page } from 'playwright-core';
import { expectAxeClean, hasHorizontalScroll, PHONE, phoneContext, shotsOf } from '../../test/helpers/browser.ts';

// The case page is long on a phone, and its forms (an event, a message, the cohorts) are far down.
// Without JavaScript a form that comes back with an error is shown from the top, where nothing
// said so: a mother who typed "вчера" as the date saw the page reload and her event missing. Now
// the first screen says the form was not saved and leads to it.

const shot = shotsOf('failed-form-notice');
const NOTICE = 'Не сохранено: исправьте ошибку в форме ниже.';

/** On the first screen of the phone, without scrolling. */
const onFirstScreen = async (page: Page, target: Locator): Promise<boolean> => {
  const box = await target.boundingBox();
  const scrolled = await page.evaluate(() => window.scrollY);
  return box !== null && scrolled === 0 && box.y + box.height <= PHONE.viewport.height;
};

/** In the part of the page the phone shows now. */
const inView = async (target: Locator): Promise<boolean> => {
  const box = await target.boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= PHONE.viewport.height;
};

describe('a case form that comes back with an error', () => {
  const world = useBrowserWorld();

  it('is named on the first screen, with a link to the form that keeps what was typed', async () => {
    const ctx = await phoneContext(world.browser, world.run.baseUrl, world.w.family.cookies);
    const page = await ctx.newPage();
    await page.goto(`${world.run.baseUrl}/cases/${world.w.caseId}`);
    // Nothing failed yet: no such notice.
    expect(await page.getByText(NOTICE).count()).toBe(0);

    await page.getByText('Добавить событие', { exact: true }).click();
    const events = page.locator(`form[action="/cases/${world.w.caseId}/events"]`);
    await events.getByLabel('Что произошло').selectOption('missing');
    await events.getByLabel('Когда').fill('вчера');
    await events.getByRole('button', { name: 'Добавить в хронологию' }).click();

    const notice = page.getByRole('alert').filter({ hasText: NOTICE });
    await notice.waitFor();
    expect(await onFirstScreen(page, notice)).toBe(true);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectAxeClean(page, 'event failed');
    await shot(page, 'event');
    await notice.getByRole('link', { name: 'Перейти к форме' }).click();
    const date = events.getByLabel('Когда');
    expect(await date.inputValue()).toBe('вчера');
    expect(await inView(events.getByText('Неверная дата.', { exact: false }))).toBe(true);

    // An empty message: the same, leading to the messages.
    await page.getByRole('button', { name: 'Отправить', exact: true }).click();
    await notice.waitFor();
    expect(await onFirstScreen(page, notice)).toBe(true);
    await notice.getByRole('link', { name: 'Перейти к форме' }).click();
    expect(await inView(page.locator('#messages').getByText('Заполните это поле.'))).toBe(true);
    await ctx.close();
  });
});
