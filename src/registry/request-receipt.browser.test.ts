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
// back with the code and reads it, and adds to the request on that page (a blank addition refused
// first, in Russian and in English); the verifier sees the request back among the new ones with
// what she added after her first words. Nothing scrolls sideways; axe finds nothing serious.

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
    await page
      .getByText(
        'Просьба с таким кодом не найдена. Сверьте код с записью и введите его снова: набранный код здесь не показывается.',
      )
      .first()
      .waitFor();
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

    // She adds to it: a blank addition is refused (the browser lets spaces through), then sent.
    const addBox = () => page.getByLabel('Что вы хотите добавить', { exact: false });
    await addBox().fill('   ');
    await page.getByRole('button', { name: 'Отправить дополнение' }).click();
    await page.getByText('Заполните это поле.').waitFor();
    await look(page, 'add-empty');
    await addBox().fill('Номер справки о ранении: 55/2023. Могу прислать фото.');
    await page.getByRole('button', { name: 'Отправить дополнение' }).click();
    await page.getByText('Дополнение отправлено', { exact: false }).waitFor();
    expect(page.url()).not.toContain(code.slice(5, 9));
    await look(page, 'added');

    await staff.goto(`${run.baseUrl}/staff/registry/requests`);
    await staff.getByText('родственник дописал').waitFor();
    await look(staff, 'staff-list-added');
    await staff.getByRole('link', { name: 'Открыть запрос и ответить' }).click();
    await staff.getByText('Номер справки о ранении: 55/2023', { exact: false }).waitFor();
    await staff.getByText('Родственник дописал к просьбе после последнего просмотра.').waitFor();
    await look(staff, 'staff-added');

    // The same in English.
    await page.goto(`${run.baseUrl}/registry/request-status?lang=en`);
    await page.getByLabel('Code', { exact: false }).fill(code);
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.getByRole('heading', { name: 'Add to your request' }).waitFor();
    await look(page, 'en-status');
    const addBoxEn = () => page.getByLabel('What you want to add', { exact: false });
    await addBoxEn().fill('  ');
    await page.getByRole('button', { name: 'Send the addition' }).click();
    await page.getByText('Please fill in this field.').waitFor();
    await look(page, 'en-add-empty');
    await addBoxEn().fill('I can also send a photo of the certificate.');
    await page.getByRole('button', { name: 'Send the addition' }).click();
    await page.getByText('Your addition was sent', { exact: false }).waitFor();
    await look(page, 'en-added');
    await staff.goto(`${run.baseUrl}/staff/registry/requests?lang=en`);
    await staff.getByText('the relative added more').waitFor();
    await look(staff, 'en-staff-list-added');
    await staff.getByRole('link', { name: 'Open the request and answer' }).click();
    await staff.getByText('I can also send a photo of the certificate.').waitFor();
    await look(staff, 'en-staff-added');

    // Someone guesses at her code while she writes: locked, her text is given back to copy.
    await page.goto(`${run.baseUrl}/registry/request-status?lang=ru`);
    await enterCode(page, code);
    const guesser = await (await contextFor()).newPage();
    for (let i = 0; i < 5; i++) {
      await guesser.goto(`${run.baseUrl}/registry/request-status`);
      await enterCode(guesser, `${code.slice(0, -1)}${code.endsWith('Z') ? 'Y' : 'Z'}`);
      await guesser.getByText('Просьба с таким кодом не найдена.', { exact: false }).first().waitFor();
    }
    await addBox().fill('Ещё одно: в записи неверное звание.');
    await page.getByRole('button', { name: 'Отправить дополнение' }).click();
    await page.getByText('Слишком много неверных попыток', { exact: false }).first().waitFor();
    await page.getByText('Дополнение не отправлено').waitFor();
    expect(await page.locator('textarea[readonly]').inputValue()).toBe('Ещё одно: в записи неверное звание.');
    await look(page, 'add-locked');
    await relative.close();
  });
});
