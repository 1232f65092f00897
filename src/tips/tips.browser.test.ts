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
import type { TestApp } from '../../test/helpers/app.ts';
import type { Cookies } from '../../test/helpers/factories.ts';
import { MINUTE, type ManualClock } from '../shared/clock.ts';
import { buildWorld, type World } from '../cases/cases.fixtures.ts';

// The tips pages in a real Chromium with JavaScript off (Tor Browser's safest mode) on a 360 px
// phone: a stranger sends a tip, writes down the code, leaves, comes back with it and deletes
// it; a caseworker lists, answers and attaches one. Nothing scrolls sideways, axe finds nothing
// serious. KT_SHOTS=1 keeps full-page screenshots in the temp dir for a human to look at.

const shot = shotsOf('tips');

const check = async (page: Page, label: string) => {
  expect(await hasHorizontalScroll(page), label).toBe(false);
  await expectAxeClean(page, label);
  await shot(page, label);
};

describe('tips pages in a browser', () => {
  let run: RunningApp;
  let browser: Browser;
  let w: World;
  const phone = { viewport: { width: 360, height: 740 } };
  const contextFor = async (cookies: Cookies): Promise<BrowserContext> => {
    const ctx = await noJsContext(browser, phone);
    await ctx.addCookies(Object.entries(cookies).map(([name, value]) => ({ name, value, url: run.baseUrl })));
    return ctx;
  };

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

  it('a stranger sends a tip, keeps the code, comes back with it, and deletes the tip', async () => {
    const ctx = await noJsContext(browser, phone);
    const page = await ctx.newPage();
    await page.goto(`${run.baseUrl}/`);
    await page.getByRole('link', { name: 'Сообщить о человеке анонимно' }).click();
    await page.getByText('Не пишите ничего о себе').waitFor();
    await check(page, 'new');
    await page.getByLabel('Кому отправить').selectOption({ index: 1 });
    await page.getByLabel('Фамилия').fill('Иванов');
    await page.getByRole('button', { name: 'Отправить сообщение' }).click();
    // Without what happened: the form comes back with the error and what was typed.
    await page.getByText('Заполните это поле.').first().waitFor();
    expect(await page.getByLabel('Фамилия').inputValue()).toBe('Иванов');
    await check(page, 'new-errors');
    await page.getByLabel('Что случилось').fill('Видел его в подвале в Рыльске, их было пятеро.');
    await page.getByLabel('Когда это было').fill('02.2026');
    await page.getByLabel('Откуда вы это знаете').selectOption('saw_myself');
    await page.getByRole('button', { name: 'Отправить сообщение' }).click();
    await page.getByRole('heading', { name: 'Сообщение отправлено' }).waitFor();
    const code = (await page.locator('code.receipt').textContent()) ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}$/);
    await check(page, 'receipt');
    await page.getByRole('link', { name: 'Я записал(а) код' }).click();
    await page.getByText('Видел его в подвале в Рыльске').waitFor();
    await check(page, 'sender-tip');

    await page.getByRole('button', { name: 'Выйти (сообщение сохранится)' }).click();
    await page.getByText('Вы вышли.').waitFor();
    expect(await page.content()).not.toContain('Видел его в подвале');
    await check(page, 'code');
    await page.getByLabel('Код').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Открыть' }).click();
    await page.getByText('Видел его в подвале в Рыльске').waitFor();
    await page.getByLabel('Что вы узнали ещё').fill('Одного из них звали Сергей.');
    await page.getByRole('button', { name: 'Отправить', exact: true }).click();
    await page.getByText('Дописано.').waitFor();
    await page.getByText('Одного из них звали Сергей.').waitFor();

    await page.getByRole('link', { name: 'Удалить сообщение' }).click();
    await page.getByText('будут удалены сразу и навсегда', { exact: false }).waitFor();
    await check(page, 'delete');
    await page.getByRole('button', { name: 'Да, удалить навсегда' }).click();
    await page.getByText('Сообщение удалено.').waitFor();
    await page.getByLabel('Код').fill(code);
    await page.getByRole('button', { name: 'Открыть' }).click();
    await page.getByText('Сообщение с таким кодом не найдено').waitFor();
    await ctx.close();
  });

  it('a caseworker lists tips, answers one and attaches it to a case', async () => {
    const sender = await noJsContext(browser, phone);
    const s = await sender.newPage();
    await s.goto(`${run.baseUrl}/tips/new`);
    await s.getByLabel('Кому отправить').selectOption({ label: w.orgA.name });
    await s.getByLabel('Фамилия').fill('Иванов');
    await s.getByLabel('Имя', { exact: true }).fill('Пётр');
    await s.getByLabel('Что случилось').fill('Пётр Иванов в плену, видел его на видео.');
    await s.getByLabel('Откуда вы это знаете').selectOption('from_others');
    await s.getByRole('button', { name: 'Отправить сообщение' }).click();
    await s.getByRole('heading', { name: 'Сообщение отправлено' }).waitFor();
    await sender.close();

    const ctx = await contextFor(w.caseworker.cookies);
    const page = await ctx.newPage();
    await page.goto(`${run.baseUrl}/staff`);
    await page.getByRole('link', { name: 'Анонимные сообщения' }).click();
    await page.getByRole('link', { name: 'Иванов Пётр' }).first().waitFor();
    await check(page, 'staff-queue');
    await page.getByRole('link', { name: 'Иванов Пётр' }).first().click();
    await page.getByText('в плену, видел его на видео').first().waitFor();
    await check(page, 'staff-tip');
    await page.getByRole('textbox', { name: /^Ответ/ }).fill('Спасибо. Если узнаете, где он сейчас, напишите.');
    await page.getByRole('button', { name: 'Отправить ответ' }).click();
    await page.getByText('Ответ отправлен.').waitFor();

    await page.getByRole('radio').first().check();
    await page.getByLabel('Что это за событие').selectOption('captured');
    await page.getByLabel('Дата события').fill('03.2026');
    await page.getByLabel('Описание для дела').fill('По сообщению очевидца, в плену.');
    await page.getByRole('button', { name: 'Добавить в дело' }).click();
    await page.getByText('Сведения добавлены в дело.').waitFor();
    await page.getByRole('heading', { name: 'Добавлено в дела' }).waitFor();
    await ctx.close();
  });

  // Last: it moves the clock past the idle time of every session of this world.
  it('an addition or a deletion sent after the visit ended is told so on the code form, in Russian and English', async () => {
    for (const lang of ['ru', 'en'] as const) {
      const ru = lang === 'ru';
      const ctx = await noJsContext(browser, phone);
      const page = await ctx.newPage();
      await page.goto(`${run.baseUrl}/tips/new?lang=${lang}`);
      await page.getByLabel(ru ? 'Кому отправить' : 'Send to').selectOption({ label: w.orgA.name });
      await page
        .getByLabel(ru ? 'Что случилось' : 'What happened')
        .fill(ru ? 'Видел его в Курске.' : 'Saw him in Kursk.');
      await page.getByLabel(ru ? 'Откуда вы это знаете' : 'How you know').selectOption('saw_myself');
      await page.getByRole('button', { name: ru ? 'Отправить сообщение' : 'Send' }).click();
      const code = (await page.locator('code.receipt').textContent()) ?? '';
      await page.goto(`${run.baseUrl}/tip`);
      const added = ru ? 'Позже его перевели в Белгород, с ним был сослуживец.' : 'Later he was moved to Belgorod.';
      await page.getByLabel(ru ? 'Что вы узнали ещё' : 'What else you learned').fill(added);
      (run.clock as ManualClock).advance(31 * MINUTE);
      await page.getByRole('button', { name: ru ? 'Отправить' : 'Send', exact: true }).click();
      await page
        .getByRole('alert')
        .getByText(ru ? 'Ваш визит закончился' : 'Your visit ended')
        .waitFor();
      expect(await page.getByLabel(ru ? 'Что вы написали' : 'What you wrote').inputValue()).toBe(added);
      expect(await page.getByLabel(ru ? 'Код' : 'Code').isVisible()).toBe(true);
      await check(page, `visit-ended-${lang}`);
      // Back in, the sender hesitates on the delete page: told the tip was not deleted.
      await page.getByLabel(ru ? 'Код' : 'Code').fill(code);
      await page.getByRole('button', { name: ru ? 'Открыть' : 'Open' }).click();
      await page.getByRole('link', { name: ru ? 'Удалить сообщение' : 'Delete the tip' }).click();
      (run.clock as ManualClock).advance(31 * MINUTE);
      await page.getByRole('button', { name: ru ? 'Да, удалить навсегда' : 'Yes, delete for good' }).click();
      await page
        .getByRole('alert')
        .getByText(ru ? 'Поэтому сообщение не удалено' : 'So your tip was not deleted')
        .waitFor();
      await check(page, `visit-ended-delete-${lang}`);
      await ctx.close();
    }
  });
});
