import { describe, expect, it } from 'vitest';
import { useBrowserWorld } from './browser-world.test-helper.ts';
import { expectPhoneReady, phoneContext } from '../../test/helpers/browser.ts';

// A mother pastes the unit's answer into an event's details, line by line: the addressee, the
// number, the sentence that matters. The timeline ran it all into one paragraph (the case's
// story, messages and the confirmation page keep the lines); now the timeline keeps them too.

describe('an event’s details on the case page', () => {
  const world = useBrowserWorld();

  it.each([
    ['ru', '', 'Добавить событие', 'Добавить в хронологию'],
    ['en', '?lang=en', 'Add an event', 'Add to the timeline'],
  ])('keep their lines (%s)', async (lang, query, open, submit) => {
    const { run, w, browser } = world;
    const ctx = await phoneContext(browser, run.baseUrl, w.family.cookies);
    const page = await ctx.newPage();
    await page.goto(`${run.baseUrl}/cases/${w.caseId}${query}`);
    await page.getByText(open, { exact: true }).click();
    const form = page.locator(`form[action="/cases/${w.caseId}/events"]`);
    await form.locator('select[name="kind"]').selectOption('official_notice');
    await form.locator('input[name="date"]').fill('15.02.2026');
    await form.locator('select[name="source"]').selectOption('official');
    const letter = `Войсковая часть 12345 (${lang})\nИсх. № 77/1\nСведениями о местонахождении не располагаем.`;
    await form.locator('textarea[name="description"]').fill(letter);
    await form.getByRole('button', { name: submit }).click();
    await page.waitForURL(/done=event/);
    const shown = page
      .locator('#timeline li')
      .filter({ hasText: `Войсковая часть 12345 (${lang})` })
      .locator('p');
    expect(await shown.textContent()).toBe(letter);
    // Shown with its line breaks, as the story and the messages are.
    expect(await shown.evaluate((el) => getComputedStyle(el).whiteSpace)).toMatch(/^pre-(wrap|line)$/);
    await expectPhoneReady(page, `event-lines-${lang}`);
    await ctx.close();
  });
});
