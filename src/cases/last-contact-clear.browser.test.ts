import { describe, expect, it } from 'vitest';
import { expectPhoneReady, phoneContext } from '../../test/helpers/browser.ts';
import { useBrowserWorld } from './browser-world.test-helper.ts';
import { caseInput } from './cases.fixtures.ts';
import { openCase } from './cases.service.ts';

// On a phone without JavaScript, in Russian and English: a mother corrects her last contact
// (10.01.2026 → 15.01.2026), then is no longer sure and erases it on her edit form. No page gives
// a date any more; her two entries stay on the timeline, marked corrected, for her and for staff.

const TEXT = {
  ru: {
    save: 'Сохранить изменения',
    summary: 'Дата последней связи',
    mine: 'Исправлено: теперь вы не указываете дату последней связи.',
    staff: 'Исправлено семьёй: теперь семья не указывает дату последней связи.',
    note: 'сотрите её',
  },
  en: {
    save: 'Save changes',
    summary: 'Date of last contact',
    mine: 'Corrected: you no longer give a date of last contact.',
    staff: 'Corrected by the family: the family no longer gives a date of last contact.',
    note: 'erase it',
  },
} as const;

describe('a family erases her last contact, on a phone', () => {
  const world = useBrowserWorld();

  it.each(['ru', 'en'] as const)('no page gives the date she withdrew (%s)', async (lang) => {
    const { run, w, browser } = world;
    const say = TEXT[lang];
    const q = lang === 'en' ? '?lang=en' : '';
    const input = caseInput(w.orgA.id, { surname: `Стёркин-${lang}` });
    const { caseId } = await openCase({ db: run.db, clock: run.clock }, w.family.auth, input);
    const ctx = await phoneContext(browser, run.baseUrl, w.family.cookies);
    const staffCtx = await phoneContext(browser, run.baseUrl, w.caseworker.cookies);
    try {
      const page = await ctx.newPage();
      for (const date of ['15.01.2026', '']) {
        await page.goto(`${run.baseUrl}/cases/${caseId}/edit${q}`);
        expect(await page.locator('main').textContent()).toContain(say.note);
        await page.locator('input[name="last_contact_date"]').fill(date);
        await page.getByRole('button', { name: say.save }).click();
        await page.waitForURL(/done=edited/);
      }
      expect(await page.locator('p.status').first().textContent()).not.toMatch(/\d{2}\.\d{2}\.\d{4}/);
      expect(await page.locator('main dt', { hasText: say.summary }).count()).toBe(0);
      const corrected = page.locator('#timeline li.corrected');
      expect(await corrected.count()).toBe(2);
      for (const text of await corrected.allTextContents()) expect(text).toContain(say.mine);
      await page.locator('#timeline').scrollIntoViewIfNeeded();
      await expectPhoneReady(page, `last-contact-cleared-${lang}`);

      await page.goto(`${run.baseUrl}/cases/${caseId}/edit${q}`);
      expect(await page.locator('input[name="last_contact_date"]').inputValue()).toBe('');

      const staff = await staffCtx.newPage();
      await staff.goto(`${run.baseUrl}/cases/${caseId}${q}`);
      expect(await staff.locator('#timeline li.corrected').count()).toBe(2);
      expect(await staff.locator('#timeline').textContent()).toContain(say.staff);
      await expectPhoneReady(staff, `last-contact-cleared-staff-${lang}`);
    } finally {
      await ctx.close();
      await staffCtx.close();
    }
  });
});
