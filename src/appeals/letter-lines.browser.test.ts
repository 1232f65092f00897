import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserWorld } from '../cases/browser-world.test-helper.ts';
import { expectPhoneReady, phoneContext } from '../../test/helpers/browser.ts';
import { OWN_WORDS } from './template-rules.ts';

// A mother's letter on a phone with JavaScript off, in Russian and English: saved with the hint
// still in it, the page offers no print or send form but the way to the text; she writes her own
// words line by line, and the lines stay lines on the appeal page and on the page she prints.

const LINES = ['Сын не выходит на связь с 10 января.', 'Последний звонок был из Ростова.'];

/**
 * The text as the page shows it: a line break is one only where the browser draws it (innerText;
 * textContent holds the stored "\n" whether it is drawn or not).
 */
// biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is tested
const shown = (page: Page, selector: string) => page.locator(selector).innerText();

describe('a letter on screen and on paper', () => {
  const world = useBrowserWorld();

  it('asks for her own words before printing, and keeps her line breaks', async () => {
    const ctx = await phoneContext(world.browser, world.run.baseUrl, world.w.family.cookies);
    const page = await ctx.newPage();
    for (const [lang, words] of [
      [
        'ru',
        {
          to: 'Адресат: орган или должностное лицо',
          save: 'Сохранить черновик',
          fixFirst: 'Сначала замените подсказку в квадратных скобках',
          edit: 'Изменить текст',
          name: 'Фамилия, имя, отчество',
          address: 'Почтовый адрес для ответа',
          print: 'Страница для печати',
        },
      ],
      [
        'en',
        {
          to: 'Addressee: body or official',
          save: 'Save the draft',
          fixFirst: 'First replace the hint in square brackets',
          edit: 'Change the text',
          name: 'Surname, first name, patronymic',
          address: 'Postal address for the answer',
          print: 'Page for printing',
        },
      ],
    ] as const) {
      await page.goto(`${world.run.baseUrl}/cases/${world.w.caseId}/appeals/new?template=inquiry&lang=${lang}`);
      await page.getByLabel(words.to).fill('Командир войсковой части 12345');
      await page.getByRole('button', { name: words.save }).click();
      await page.getByText(words.fixFirst).first().waitFor();
      expect(await page.getByRole('button', { name: words.print }).count()).toBe(0);
      await expectPhoneReady(page, `letter-hint-left-${lang}`);

      await page.getByRole('link', { name: words.edit }).last().click();
      const body = page.locator('textarea[name="body"]');
      await body.fill((await body.inputValue()).replace(OWN_WORDS, LINES.join('\n')));
      await page.getByRole('button', { name: words.save }).click();
      await page.getByRole('button', { name: words.print }).waitFor();
      expect(await shown(page, 'article.letter-body')).toContain(LINES.join('\n'));
      await expectPhoneReady(page, `letter-lines-${lang}`);

      await page.getByLabel(words.name).fill('Иванова Мария Петровна');
      await page.getByLabel(words.address).fill('346000, г. Шахты, ул. Садовая, д. 5');
      await page.getByRole('button', { name: words.print }).click();
      await page.locator('article.letter').waitFor();
      expect(await shown(page, 'article.letter')).toContain(LINES.join('\n'));
      expect(await shown(page, 'article.letter')).not.toContain('[');
      await expectPhoneReady(page, `letter-print-${lang}`);
    }
    await ctx.close();
  });
});
