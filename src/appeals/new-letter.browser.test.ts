import { describe, expect, it } from 'vitest';
import { useBrowserWorld } from '../cases/browser-world.test-helper.ts';
import { expectPhoneReady, phoneContext } from '../../test/helpers/browser.ts';

// Step one of a new letter on a phone with JavaScript off, in Russian and English: «Дальше» with
// no letter chosen says so at the field (it reloaded the page without a word), the addressee she
// chose still chosen.

describe('choosing a new letter in a browser', () => {
  const world = useBrowserWorld();

  it('says at the field that no letter was chosen, in both languages', async () => {
    const ctx = await phoneContext(world.browser, world.run.baseUrl, world.w.family.cookies);
    const page = await ctx.newPage();
    for (const [lang, words] of [
      [
        'ru',
        {
          to: 'Кому (из справочника)',
          kind: 'Министерство обороны',
          next: 'Дальше',
          error: 'Выберите, какое письмо написать.',
        },
      ],
      [
        'en',
        {
          to: 'To whom (from the directory)',
          kind: 'Ministry of Defence',
          next: 'Next',
          error: 'Choose which letter to write.',
        },
      ],
    ] as const) {
      await page.goto(`${world.run.baseUrl}/cases/${world.w.caseId}/appeals/new?lang=${lang}`);
      await expectPhoneReady(page, `new-letter-${lang}`);
      // The first letter offered is the first a family writes: where is he.
      expect(await page.locator('input[name="template"]').first().getAttribute('value')).toBe('inquiry');
      const ministry = `${words.kind}: Министерство обороны Российской Федерации`;
      await page.getByLabel(words.to).selectOption({ label: ministry });
      await page.getByRole('button', { name: words.next }).click();
      await page.getByText(words.error).waitFor();
      expect(await page.getByRole('group').first().getAttribute('aria-describedby')).toBe('template-error');
      expect(await page.getByLabel(words.to).locator('option:checked').textContent()).toBe(ministry);
      await expectPhoneReady(page, `no-letter-chosen-${lang}`);
    }
    await ctx.close();
  });
});
