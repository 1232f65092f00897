import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  expectAxeClean,
  hasHorizontalScroll,
  launchBrowser,
  noJsContext,
  shotsOf,
  startApp,
  type RunningApp,
} from '../../test/helpers/browser.ts';
import type { TestApp } from '../../test/helpers/app.ts';
import type { Cookies } from '../../test/helpers/factories.ts';
import type { ManualClock } from '../shared/clock.ts';
import { buildWorld, caseInput, type World } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';
import { listedPerson } from '../people/people.fixtures.ts';
import { insertIncomingRecords } from '../people/person-records.service.ts';

// Both name searches, the person search and the case search, with a surname typed one letter
// wrong («Кузнецв»), in a real Chromium with JavaScript off on a 360 px phone, in Russian and in
// English: the forms send, the man is found, nothing scrolls sideways, axe finds nothing serious.

const shot = shotsOf('typos');

const check = async (page: Page, name: string) => {
  await shot(page, name);
  await expectAxeClean(page, name);
  expect(await hasHorizontalScroll(page), name).toBe(false);
};

describe('searching with one letter wrong in a browser', () => {
  let run: RunningApp;
  let browser: Browser;
  let w: World;
  const contextFor = async (cookies: Cookies, lang: 'ru' | 'en'): Promise<BrowserContext> => {
    const ctx = await noJsContext(browser, { viewport: { width: 360, height: 740 } });
    await ctx.addCookies([
      ...Object.entries(cookies).map(([name, value]) => ({ name, value, url: run.baseUrl })),
      { name: 'lang', value: lang, url: run.baseUrl },
    ]);
    return ctx;
  };

  beforeAll(async () => {
    run = await startApp();
    browser = await launchBrowser();
    const t = { opened: { db: run.db }, clock: run.clock as ManualClock } as unknown as TestApp;
    w = await buildWorld(t);
    await openCase(
      { db: run.db, clock: run.clock },
      w.family.auth,
      caseInput(w.orgA.id, { surname: 'Кузнецов', given_name: 'Алексей', patronymic: 'Иванович' }),
    );
    // A list's record of the same man with one letter wrong in the surname («Кузнецок»): the right
    // spelling finds it below the exact hit.
    await run.db
      .transaction()
      .execute((tx) =>
        insertIncomingRecords(
          tx,
          w.orgA.id,
          'import',
          [listedPerson({ surname: 'Кузнецок', given_name: 'Алексей', patronymic: 'Иванович' })],
          '2026-03-02T00:00:00Z',
        ),
      );
  });
  afterAll(async () => {
    await browser?.close();
    await run?.close();
  });

  for (const [lang, label, submit, caseLabel] of [
    ['ru', 'Имя, фамилия, отчество', 'Найти', 'Поиск по ФИО или воинской части'],
    ['en', 'Name, surname, patronymic', 'Search', 'Search by name or unit'],
  ] as const)
    it(`finds «Кузнецв» on the person search and the case search (${lang})`, async () => {
      const ctx = await contextFor(w.caseworker.cookies, lang);
      const page = await ctx.newPage();
      await page.goto(`${run.baseUrl}/staff/people`);
      await page.getByLabel(label).fill('Кузнецв');
      await page.getByRole('button', { name: submit, exact: true }).click();
      await page.getByRole('link', { name: 'Кузнецов Алексей Иванович' }).waitFor();
      await check(page, `people-${lang}`);
      // The right spelling: the exact hit first, the list's misspelt record after it.
      await page.getByLabel(label).fill('Кузнецов');
      await page.getByRole('button', { name: submit, exact: true }).click();
      await page.getByRole('link', { name: 'Кузнецок Алексей Иванович' }).waitFor();
      const names = await page.getByRole('link', { name: /^Кузнец/ }).allTextContents();
      expect(names.map((n) => n.trim())).toEqual(['Кузнецов Алексей Иванович', 'Кузнецок Алексей Иванович']);
      await check(page, `people-exact-then-typo-${lang}`);

      await page.goto(`${run.baseUrl}/staff/search`);
      await page.getByLabel(caseLabel).fill('Kuznetsv');
      await page.getByRole('button', { name: submit, exact: true }).click();
      await page.getByRole('link', { name: 'Кузнецов Алексей Иванович' }).waitFor();
      await check(page, `cases-${lang}`);
      await ctx.close();
    });
});
