import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  expectAxeClean,
  hasHorizontalScroll,
  launchBrowser,
  noJsContext,
  startApp,
  type RunningApp,
  shotsOf,
} from '../../test/helpers/browser.ts';
import {
  createFamily,
  createOrganisation,
  createStaff,
  type Cookies,
  type TestUser,
} from '../../test/helpers/factories.ts';
import { publishedFromCase } from './registry.fixtures.ts';

// A relative's removal request in a real Chromium with JavaScript off, on a 360 px phone: sent
// without a contact, the receipt code read off the page, a mistyped code refused, the request
// "received"; the verifier refuses it with an answer on the request's page; the relative comes
// back with the code and reads it. Nothing scrolls sideways; axe finds nothing serious.

const shot = shotsOf('request-receipt', { firstScreen: true });

describe("a registry request's receipt code in a browser, JavaScript off, 360 px", () => {
  let run: RunningApp;
  let browser: Browser;
  let verifier: TestUser;
  let recordId: string;
  const contextFor = async (cookies: Cookies = {}): Promise<BrowserContext> => {
    const ctx = await noJsContext(browser, { viewport: { width: 360, height: 740 } });
    await ctx.addCookies(Object.entries(cookies).map(([name, value]) => ({ name, value, url: run.baseUrl })));
    return ctx;
  };
  const look = async (page: Page, name: string) => {
    await shot(page, name);
    expect(await hasHorizontalScroll(page), `${name}: wider than the screen`).toBe(false);
    await expectAxeClean(page, name);
  };

  beforeAll(async () => {
    run = await startApp();
    browser = await launchBrowser();
    const org = await createOrganisation(run.db, { clock: run.clock });
    verifier = await createStaff(run.db, org, 'verifier', { clock: run.clock });
    const family = await createFamily(run.db, { clock: run.clock });
    ({ recordId } = await publishedFromCase(
      { db: run.db, clock: run.clock },
      { organisationId: org.id, family: family.auth, verifier: verifier.auth },
    ));
  });
  afterAll(async () => {
    await browser?.close();
    await run?.close();
  });

  const enterCode = async (page: Page, code: string) => {
    await page.getByLabel('Код', { exact: false }).fill(code);
    await page.getByRole('button', { name: 'Узнать' }).click();
  };

  it('sends a request without a contact, keeps the code, and reads the answer with it', async () => {
    const relative = await contextFor();
    const page = await relative.newPage();
    await page.goto(`${run.baseUrl}/registry/persons/${recordId}/request`);
    await page.getByText('После отправки вы получите код', { exact: false }).waitFor();
    await look(page, 'form');
    await page.getByLabel('Что нужно сделать').selectOption('withdraw');
    await page.getByLabel('Ваше сообщение', { exact: false }).fill('Это мой брат, прошу убрать запись');
    await page.getByRole('button', { name: 'Отправить' }).click();
    await page.getByRole('heading', { name: 'Просьба отправлена' }).waitFor();
    const code = ((await page.locator('code.receipt').textContent()) ?? '').replace(/\s/g, '');
    expect(code).toMatch(/^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/);
    await look(page, 'receipt');

    await page.getByRole('link', { name: 'Я записал(а) код — перейти к странице ответа' }).click();
    await enterCode(page, `${code.slice(0, -1)}${code.endsWith('Z') ? 'Y' : 'Z'}`);
    await page.getByText('Просьба с таким кодом не найдена. Проверьте код.').first().waitFor();
    expect(await page.getByLabel('Код', { exact: false }).inputValue()).toBe('');
    await look(page, 'wrong-code');
    await enterCode(page, code);
    await page.getByText('Получена, ещё не рассмотрена').waitFor();
    await page.getByText('Ответа пока нет.').waitFor();
    await look(page, 'received');

    const staff = await (await contextFor(verifier.cookies)).newPage();
    await staff.goto(`${run.baseUrl}/staff/registry/requests`);
    await staff.getByRole('link', { name: 'Открыть запрос и ответить' }).click();
    await staff.getByText('Это мой брат, прошу убрать запись').waitFor();
    await staff.getByLabel('Решение').selectOption('refused');
    await staff
      .getByLabel('Ответ родственнику', { exact: false })
      .fill('Запись основана на официальном извещении. Напишите нам, если у вас есть документ.');
    await staff.getByRole('button', { name: 'Сохранить' }).click();
    await staff.getByText('Сохранено. Родственник увидит это по своему коду.').waitFor();
    await look(staff, 'staff-answered');

    await page.goto(`${run.baseUrl}/registry/request-status`);
    await enterCode(page, code.toLowerCase());
    await page.getByText('Рассмотрена: в просьбе отказано').waitFor();
    await page.getByText('Запись основана на официальном извещении', { exact: false }).waitFor();
    await look(page, 'answered');
    await relative.close();
  });
});
