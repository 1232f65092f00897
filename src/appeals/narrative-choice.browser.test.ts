import { describe, expect, it } from 'vitest';
import { useBrowserWorld } from '../cases/browser-world.test-helper.ts';
import { expectAxeClean, hasHorizontalScroll, phoneContext, shotsOf } from '../../test/helpers/browser.ts';
import { NARRATIVE } from '../cases/cases.fixtures.ts';
import { OWN_WORDS } from './template-rules.ts';

// A mother writes to the Ministry of Defence from her request, on a phone with JavaScript off.
// Every letter template pasted her account from the request (written for the organisation, and
// often saying who told her: «Сослуживец написал в ВК…») word for word into the letter under
// «Что известно семье», for the authority to read. Now the letter holds a hint in its place (in
// Russian, the letter's language); her account goes in only if she ticks the box beside the warning, and it
// can be taken out again. Saved with the hint still in it, the letter's page says so.

const shot = shotsOf('narrative-choice');

describe("the family's account in a letter to an authority", () => {
  const world = useBrowserWorld();

  it('leaves it out unless she asks, warns beside the choice, and says when the hint is left in', async () => {
    const ctx = await phoneContext(world.browser, world.run.baseUrl, world.w.family.cookies);
    const page = await ctx.newPage();
    const check = async (label: string) => {
      expect(await hasHorizontalScroll(page), label).toBe(false);
      await expectAxeClean(page, label);
      await shot(page, label);
    };
    await page.goto(`${world.run.baseUrl}/cases/${world.w.caseId}`);
    await page.getByRole('link', { name: 'Написать письмо' }).click();
    await page.getByLabel('Запрос о местонахождении и положении военнослужащего').check();
    await page
      .getByLabel('Кому (из справочника)')
      .selectOption({ label: 'Министерство обороны: Министерство обороны Российской Федерации' });
    await page.getByRole('button', { name: 'Дальше' }).click();
    const body = page.getByLabel('Текст письма');
    expect(await body.inputValue()).toContain(`Что известно семье: ${OWN_WORDS}`);
    expect(await body.inputValue()).not.toContain(NARRATIVE);
    const choice = page.getByLabel('Вставить в письмо мой рассказ из запроса');
    expect(await choice.isChecked()).toBe(false);
    await page.getByText('Осторожно: если в рассказе сказано, кто вам сообщил').waitFor();
    await check('hint');

    await choice.check();
    await page.getByRole('button', { name: 'Вставить рассказ' }).click();
    await page.getByText('Ваш рассказ из запроса вставлен в письмо').waitFor();
    expect(await page.getByLabel('Текст письма').inputValue()).toContain(`Что известно семье: ${NARRATIVE}`);
    await check('account-inserted');

    await page.getByRole('link', { name: 'Убрать рассказ и вернуть подсказку' }).click();
    expect(await page.getByLabel('Текст письма').inputValue()).not.toContain(NARRATIVE);
    expect(await page.getByLabel('Текст письма').inputValue()).toContain(OWN_WORDS);

    // Saved with the hint in it: the letter's page says so, until she writes her own words.
    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    await page.getByText('Черновик сохранён.').waitFor();
    await page.getByText('В письме осталась подсказка в квадратных скобках').waitFor();
    expect(await page.locator('main').textContent()).not.toContain(NARRATIVE);
    // Neither printed nor marked sent like this: where those forms were, the way to the text.
    expect(await page.getByRole('button', { name: 'Страница для печати' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Отметить отправку' }).count()).toBe(0);
    await page.getByText('Сначала замените подсказку в квадратных скобках').first().waitFor();
    await check('saved-with-hint');
    await page.getByRole('link', { name: 'Изменить текст' }).last().click();
    const text = await page.getByLabel('Текст письма').inputValue();
    await page.getByLabel('Текст письма').fill(text.replace(OWN_WORDS, 'Сын не выходит на связь с 10 января.'));
    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    await page.getByText('Текст изменён.').waitFor();
    expect(await page.getByText('В письме осталась подсказка').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Страница для печати' }).count()).toBe(1);

    // In English the same choice, the letter still in Russian, its hint too: nothing English goes
    // into a letter to a Russian authority.
    await page.goto(`${world.run.baseUrl}/cases/${world.w.caseId}/appeals/new?template=inquiry&lang=en`);
    expect(await page.getByLabel('Put my account from the request into the letter').isChecked()).toBe(false);
    await page.getByText('Careful: if your account says who told you').waitFor();
    expect(await page.getByLabel('Text of the letter').inputValue()).toContain(OWN_WORDS);
    expect(await page.getByLabel('Text of the letter').inputValue()).not.toContain('Do not name who told you');
    await check('hint-en');
    await ctx.close();
  });
});
