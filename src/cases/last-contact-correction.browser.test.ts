import { describe, expect, it } from 'vitest';
import { expectPhoneReady, phoneContext } from '../../test/helpers/browser.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { useBrowserWorld } from './browser-world.test-helper.ts';
import { caseInput } from './cases.fixtures.ts';
import { openCase } from './cases.service.ts';

// The QA walk again, on a phone without JavaScript, in Russian and English: a mother corrects her
// last contact 10.2025 → 15.10.2025 → 05.11.2025 → 01.09.2025 on her edit form. Her status says
// the date she gave last, her timeline keeps the four entries with the three earlier ones marked
// corrected (greyed, not struck out), and the caseworker's page says the same.

const TEXT = {
  ru: {
    save: 'Сохранить изменения',
    since: (d: string) => `нет связи с ${d}`,
    mine: 'Исправлено: теперь вы указываете 01.09.2025',
    staff: 'Исправлено семьёй: теперь семья указывает 01.09.2025',
    note: 'будет считаться верной',
  },
  en: {
    save: 'Save changes',
    since: (d: string) => `no contact since ${d}`,
    mine: 'Corrected: you now give 01.09.2025',
    staff: 'Corrected by the family: the family now gives 01.09.2025',
    note: 'counts from then on',
  },
} as const;

describe('a family corrects her last contact three times, on a phone', () => {
  const world = useBrowserWorld();

  it.each(['ru', 'en'] as const)('the status and both timelines follow her latest word (%s)', async (lang) => {
    const { run, w, browser } = world;
    const say = TEXT[lang];
    const q = lang === 'en' ? '?lang=en' : '';
    const input = caseInput(w.orgA.id, {
      surname: `Правкин-${lang}`,
      last_contact_date: parsePartialDate('10.2025') ?? undefined,
    });
    const { caseId } = await openCase({ db: run.db, clock: run.clock }, w.family.auth, input);
    const ctx = await phoneContext(browser, run.baseUrl, w.family.cookies);
    const staffCtx = await phoneContext(browser, run.baseUrl, w.caseworker.cookies);
    try {
      const page = await ctx.newPage();
      const status = () => page.locator('p.status').first().textContent();
      for (const date of ['15.10.2025', '05.11.2025', '01.09.2025']) {
        await page.goto(`${run.baseUrl}/cases/${caseId}/edit${q}`);
        expect(await page.locator('main').textContent()).toContain(say.note);
        await page.locator('input[name="last_contact_date"]').fill(date);
        if (date === '01.09.2025') await expectPhoneReady(page, `last-contact-correcting-${lang}`);
        await page.getByRole('button', { name: say.save }).click();
        await page.waitForURL(/done=edited/);
        expect(await status()).toContain(say.since(date));
      }
      expect(await page.locator('#timeline li').count()).toBe(4);
      const corrected = page.locator('#timeline li.corrected');
      expect(await corrected.count()).toBe(3);
      for (const text of await corrected.allTextContents()) expect(text).toContain(say.mine);
      // Secondary, not deleted: greyed, never struck through.
      const look = await corrected.first().evaluate((li) => {
        const s = getComputedStyle(li);
        return { color: s.color, line: s.textDecorationLine };
      });
      expect(look).toEqual({ color: 'rgb(80, 80, 80)', line: 'none' });
      await page.locator('#timeline').scrollIntoViewIfNeeded();
      await expectPhoneReady(page, `last-contact-corrected-${lang}`);

      const staff = await staffCtx.newPage();
      await staff.goto(`${run.baseUrl}/cases/${caseId}${q}`);
      expect(await staff.locator('p.status').first().textContent()).toContain(say.since('01.09.2025'));
      expect(await staff.locator('#timeline li.corrected').count()).toBe(3);
      expect(await staff.locator('#timeline').textContent()).toContain(say.staff);
      await expectPhoneReady(staff, `last-contact-corrected-staff-${lang}`);
    } finally {
      await ctx.close();
      await staffCtx.close();
    }
  });
});
