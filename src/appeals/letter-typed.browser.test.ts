import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserWorld } from '../cases/browser-world.test-helper.ts';
import { expectPhoneReady, phoneContext } from '../../test/helpers/browser.ts';
import { seal } from '../shared/crypto/index.ts';
import { principalOf } from '../policy/principal.ts';
import { appealCaseKey, authoriseCaseAppeals } from './appeals-access.service.ts';
import { aad, openLetter } from './appeals.service.ts';
import { findAppeal } from './appeals.repository.ts';
import { collectiveCopyOf } from './appeals.fixtures.ts';
import { OWN_WORDS } from './template-rules.ts';

// On a phone with JavaScript off: a mother types her own words with characters Markdown reads
// («*», «1.», «#», «>», a link) and sees them as she typed them on the appeal page and the page she
// prints, the template's list still a list. A collective letter holding the hint is refused when
// the caseworker invites the families; one written before offers no print, send or sign form.

const HERS = [
  '*Сын* звонил',
  '1. из госпиталя',
  '# 3 января',
  '> сослуживец __сказал__',
  '[фото](https://example.org/x)',
];

// biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is tested
const shown = (page: Page, selector: string) => page.locator(selector).innerText();

describe('what she typed, on screen and on paper', () => {
  const world = useBrowserWorld();

  it('is shown as typed; the template’s list stays a list', async () => {
    const ctx = await phoneContext(world.browser, world.run.baseUrl, world.w.family.cookies);
    const page = await ctx.newPage();
    await page.goto(`${world.run.baseUrl}/cases/${world.w.caseId}/appeals/new?template=inquiry`);
    await page.getByLabel('Адресат: орган или должностное лицо').fill('Командир войсковой части 12345');
    const body = page.locator('textarea[name="body"]');
    await body.fill((await body.inputValue()).replace(OWN_WORDS, HERS.join('\n')));
    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    await page.getByRole('button', { name: 'Страница для печати' }).waitFor();
    expect(await shown(page, 'article.letter-body')).toContain(HERS.join('\n'));
    expect(await page.locator('article.letter-body :is(em, h2, h3, blockquote, a)').count()).toBe(0);
    expect(await page.locator('article.letter-body ol > li').count()).toBe(3);
    await expectPhoneReady(page, 'letter-typed-page');

    await page.getByLabel('Фамилия, имя, отчество').fill('Иванова Мария Петровна');
    await page.getByLabel('Почтовый адрес для ответа').fill('346000, г. Шахты, ул. Садовая, д. 5');
    await page.getByRole('button', { name: 'Страница для печати' }).click();
    await page.locator('article.letter').waitFor();
    expect(await shown(page, 'article.letter')).toContain(HERS.join('\n'));
    expect(await page.locator('article.letter :is(em, h2, h3, blockquote, a)').count()).toBe(0);
    await expectPhoneReady(page, 'letter-typed-print');
    await ctx.close();
  });

  it('a collective letter with the hint: refused at the text, and one written before says why', async () => {
    const staff = await phoneContext(world.browser, world.run.baseUrl, world.w.caseworker.cookies);
    const page = await staff.newPage();
    await page.goto(`${world.run.baseUrl}/staff/collective/new`);
    await page.getByLabel('Адресат: орган или должностное лицо').fill('Министерство обороны РФ');
    const body = page.locator('textarea[name="body"]');
    await body.fill(`Просим сообщить о судьбе наших близких.\n\nЧто известно семьям: ${OWN_WORDS}`);
    await page.getByLabel('Иванов Пётр Сергеевич').check();
    await page.getByLabel('Петров Пётр Сергеевич').check();
    await page.getByRole('button', { name: 'Пригласить семьи' }).click();
    await page.locator('#body-error').waitFor();
    expect(await page.locator('#body-error').textContent()).toContain('В письме осталась подсказка');
    expect(await body.inputValue()).toContain(OWN_WORDS);
    await expectPhoneReady(page, 'collective-hint-refused');

    // Written before the rule: the hint sealed into each family's copy.
    await body.fill('Просим сообщить о судьбе наших близких.');
    await page.getByRole('button', { name: 'Пригласить семьи' }).click();
    await page.getByRole('heading', { name: 'Коллективное обращение семей' }).waitFor();
    const url = page.url();
    const db = world.run.db;
    for (const caseId of [world.w.caseId, world.w.otherCaseId]) {
      const id = await collectiveCopyOf(db, caseId);
      const grant = await authoriseCaseAppeals(db, principalOf(world.w.caseworker.auth), caseId, 'write');
      const key = await appealCaseKey(db, grant);
      const letter = { ...openLetter(key, (await findAppeal(db, id))!), body: `Что известно семьям: ${OWN_WORDS}` };
      await db
        .updateTable('appeals')
        .set({ letter_sealed: seal(key, JSON.stringify(letter), aad(id, 'letter')) })
        .where('id', '=', id)
        .execute();
    }
    await page.goto(`${url}?lang=en`);
    await page.getByText('First take out the hint in square brackets').waitFor();
    expect(await page.getByRole('button', { name: 'Mark as sent' }).count()).toBe(0);
    expect(await page.locator('a[href="/staff/collective/new"]').count()).toBeGreaterThan(0);
    await expectPhoneReady(page, 'collective-hint-staff-en');
    await staff.close();

    const family = await phoneContext(world.browser, world.run.baseUrl, world.w.family.cookies);
    const mine = await family.newPage();
    await mine.goto(`${world.run.baseUrl}/appeals/${await collectiveCopyOf(db, world.w.caseId)}`);
    await mine.getByText('такое письмо не подписывают').waitFor();
    expect(await mine.locator('form[action$="/sign"]').count()).toBe(0);
    await expectPhoneReady(mine, 'collective-hint-family');
    await family.close();
  });
});
