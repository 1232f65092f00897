import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  expectAxeClean,
  hasHorizontalScroll,
  launchBrowser,
  phoneContext,
  startApp,
  type RunningApp,
  shotsOf,
} from '../../test/helpers/browser.ts';
import type { TestApp } from '../../test/helpers/app.ts';
import type { ManualClock } from '../shared/clock.ts';
import { buildWorld, type World } from '../cases/cases.fixtures.ts';

// Two mothers of men mobilised in the same month from the same region (the world's two cases:
// Rostov oblast, mobilised) opt in on their case pages, on a phone with JavaScript off, and type
// the month as the form asks: 09.2022. Each then sees the other in the mobilisation cohort, and
// the form shows the month back as she typed it. The form stored the text as typed once: the
// cohort was never formed and the field read "undefined.09.2022", which the form then refused.

const shot = shotsOf('mobilisation-wave');

describe('the mobilisation month on the case page', () => {
  let run: RunningApp;
  let browser: Browser;
  let w: World;

  beforeAll(async () => {
    run = await startApp();
    browser = await launchBrowser();
    const t = { opened: { db: run.db }, clock: run.clock as ManualClock } as unknown as TestApp;
    w = await buildWorld(t);
  });
  afterAll(async () => {
    await browser?.close();
    await run?.close();
  });

  const optIn = async (page: Page, caseId: string) => {
    await page.goto(`${run.baseUrl}/cases/${caseId}`);
    await page.getByLabel('Месяц мобилизации').fill('09.2022');
    await page.getByLabel('Я прочитал(а) предупреждение выше').check();
    await page.getByRole('button', { name: 'Да, я хочу видеть, сколько ещё семей, и писать на доске' }).click();
    await page.getByText('Вы участвуете в общении семей.').waitFor();
  };

  it('puts both families in the cohort of their month and shows the month as typed', async () => {
    const first = await (await phoneContext(browser, run.baseUrl, w.family.cookies)).newPage();
    const second = await (await phoneContext(browser, run.baseUrl, w.otherFamily.cookies)).newPage();
    await optIn(first, w.caseId);
    await optIn(second, w.otherCaseId);

    await first.reload();
    const cohorts = first.locator('#cohorts');
    await cohorts.getByText('Мобилизованные 09.2022, Ростовская область: ещё 1 семья').waitFor();
    expect(await first.getByLabel('Месяц мобилизации').inputValue()).toBe('09.2022');
    expect(await cohorts.textContent()).not.toContain('undefined');
    expect(await hasHorizontalScroll(first)).toBe(false);
    await expectAxeClean(first, 'case cohorts');
    await shot(first, 'case');

    // Saving again without touching the month is accepted.
    await first.getByLabel('Я прочитал(а) предупреждение выше').check();
    await first.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await first.locator('#cohorts').getByText('Мобилизованные 09.2022, Ростовская область: ещё 1 семья').waitFor();
    expect(await first.getByLabel('Месяц мобилизации').inputValue()).toBe('09.2022');
    await first.context().close();
    await second.context().close();
  });
});
