import { describe, expect, it } from 'vitest';
import { useBrowserWorld } from '../cases/browser-world.test-helper.ts';
import type { Page } from 'playwright-core';
import { expectAxeClean, hasHorizontalScroll, phoneContext, shotsOf } from '../../test/helpers/browser.ts';

// Two mothers of men mobilised in the same month from the same region (the world's two cases:
// Rostov oblast, mobilised) opt in on their case pages, on a phone with JavaScript off, and type
// the month as the form asks: 09.2022. Each then sees the other in the mobilisation cohort, and
// the form shows the month back as she typed it. The form stored the text as typed once: the
// cohort was never formed and the field read "undefined.09.2022", which the form then refused.

const shot = shotsOf('mobilisation-wave');

describe('the mobilisation month on the case page', () => {
  const world = useBrowserWorld();

  const optIn = async (page: Page, caseId: string) => {
    await page.goto(`${world.run.baseUrl}/cases/${caseId}`);
    await page.getByLabel('Месяц мобилизации').fill('09.2022');
    await page.getByLabel('Я прочитал(а) предупреждение выше').check();
    await page.getByRole('button', { name: 'Да, я хочу видеть, сколько ещё семей, и писать на доске' }).click();
    await page.getByText('Вы участвуете в общении семей.').waitFor();
  };

  it('puts both families in the cohort of their month and shows the month as typed', async () => {
    const first = await (await phoneContext(world.browser, world.run.baseUrl, world.w.family.cookies)).newPage();
    const second = await (await phoneContext(world.browser, world.run.baseUrl, world.w.otherFamily.cookies)).newPage();
    await optIn(first, world.w.caseId);
    await optIn(second, world.w.otherCaseId);

    await first.reload();
    const cohorts = first.locator('#cohorts');
    await cohorts.getByText('Мобилизованные 09.2022, Ростовская область: ещё 1 семья').waitFor();
    expect(await first.getByLabel('Месяц мобилизации').inputValue()).toBe('09.2022');
    expect(await cohorts.textContent()).not.toContain('undefined');
    expect(await hasHorizontalScroll(first)).toBe(false);
    await expectAxeClean(first, 'case cohorts');
    await shot(first, 'case');

    // On the boards, the form corrects the month without the tick she gave when joining (the
    // warning is still said above it): saving it untouched, then a corrected month.
    expect(await first.getByLabel('Я прочитал(а) предупреждение выше').count()).toBe(0);
    await first.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await first.locator('#cohorts').getByText('Мобилизованные 09.2022, Ростовская область: ещё 1 семья').waitFor();
    expect(await first.getByLabel('Месяц мобилизации').inputValue()).toBe('09.2022');
    await first.getByLabel('Месяц мобилизации').fill('10.2022');
    await first.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await first.locator('#cohorts').getByText('Мобилизованные 10.2022, Ростовская область').waitFor();
    expect(await first.getByLabel('Месяц мобилизации').inputValue()).toBe('10.2022');
    await shot(first, 'month-corrected');
    await first.goto(`${world.run.baseUrl}/cases/${world.w.caseId}?lang=en`);
    expect(await first.getByLabel('I have read the warning above').count()).toBe(0);
    await shot(first, 'month-corrected-en');
    await first.context().close();
    await second.context().close();
  });
});
