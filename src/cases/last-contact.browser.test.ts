import { describe, expect, it } from 'vitest';
import { useBrowserWorld } from './browser-world.test-helper.ts';
import { expectPhoneReady, phoneContext } from '../../test/helpers/browser.ts';
import type { ManualClock } from '../shared/clock.ts';

// On a phone without JavaScript, in Russian and in English: a mother files her request at 01:30
// Moscow time (22:30 UTC the day before) and sees it filed today, Moscow's today; then she corrects
// the day and means of his last call on the edit form: a day not yet come is refused in her
// language with what she typed kept, and the correction then shows on the request and its timeline.

const TEXT = {
  ru: {
    file: 'Отправить запрос',
    filed: 'подан 02.03.2026',
    save: 'Сохранить изменения',
    future: 'Эта дата ещё не наступила.',
    shown: '15.01.2026 (Мессенджер)',
  },
  en: {
    file: 'Send the request',
    filed: 'opened 02.03.2026',
    save: 'Save changes',
    future: 'This date is in the future.',
    shown: '15.01.2026 (Messenger)',
  },
} as const;

describe('the family’s days and last contact on phones', () => {
  const world = useBrowserWorld();

  it.each(['ru', 'en'] as const)('files at 01:30 Moscow time and corrects the last contact (%s)', async (lang) => {
    const { run, w, browser } = world;
    const clock = run.clock as ManualClock;
    const say = TEXT[lang];
    const q = lang === 'en' ? '?lang=en' : '';
    const ctx = await phoneContext(browser, run.baseUrl, w.family.cookies);
    const page = await ctx.newPage();
    // 22:30 UTC on 1 March: 01:30 on 2 March in Moscow.
    clock.set('2026-03-01T22:30:00.000Z');
    try {
      await page.goto(`${run.baseUrl}/cases/new${q}`);
      await page.locator('select[name="organisation"]').selectOption(w.orgA.id);
      await page.locator('input[name="surname"]').fill(`Ночной-${lang}`);
      await page.locator('input[name="given_name"]').fill('Олег');
      await page.locator('select[name="relation"]').selectOption('mother');
      await page.locator('input[name="last_contact_date"]').fill('10.01.2026');
      await page.locator('select[name="last_contact_means"]').selectOption('phone');
      await page.locator('textarea[name="narrative"]').fill('Подаю ночью.');
      await page.locator('textarea[name="wants_to_learn"]').fill('Где он');
      await page.getByRole('button', { name: say.file }).click();
      await page.waitForURL(/\/cases\/[0-9a-f-]{36}/);
      const caseUrl = new URL(page.url()).pathname;
      expect(await page.locator('main').textContent()).toContain(say.filed);
      await expectPhoneReady(page, `family-day-case-${lang}`);

      await page.goto(`${run.baseUrl}${caseUrl}/edit${q}`);
      expect(await page.locator('input[name="last_contact_date"]').inputValue()).toBe('10.01.2026');
      await page.locator('input[name="last_contact_date"]').fill('15.01.2031');
      await page.locator('select[name="last_contact_means"]').selectOption('messenger');
      await page.getByRole('button', { name: say.save }).click();
      await page.getByText(say.future).first().waitFor();
      expect(await page.locator('input[name="last_contact_date"]').inputValue()).toBe('15.01.2031');
      expect(await page.locator('select[name="last_contact_means"]').inputValue()).toBe('messenger');
      await expectPhoneReady(page, `last-contact-error-${lang}`);

      await page.locator('input[name="last_contact_date"]').fill('15.01.2026');
      await page.getByRole('button', { name: say.save }).click();
      await page.waitForURL(/done=edited/);
      const body = (await page.locator('main').textContent()) ?? '';
      expect(body).toContain(say.shown);
      await expectPhoneReady(page, `last-contact-saved-${lang}`);
    } finally {
      clock.set('2026-03-02T09:00:00.000Z');
      await ctx.close();
    }
  });
});
