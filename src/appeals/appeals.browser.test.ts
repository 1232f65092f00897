import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
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
import type { ManualClock } from '../shared/clock.ts';
import { buildWorld, type World } from '../cases/cases.fixtures.ts';
import { GPS_MARK, jpegWithGps } from '../evidence/evidence.fixtures.ts';
import { OWN_TEXT } from './appeals.fixtures.ts';
import { OWN_WORDS } from './template-rules.ts';

// The appeals, the guides and the editors' pages in a real Chromium with JavaScript off, on a
// 360 px wide phone: a mother writes, sends, records an answer with a photo and prints her letter,
// all with plain forms; nothing scrolls sideways; axe finds nothing serious.

const shot = shotsOf('appeals');

/** She writes her own words in place of the hint, as she must before the letter is printed or sent. */
const ownWords = async (page: Page) => {
  const body = page.locator('textarea[name="body"]');
  await body.fill((await body.inputValue()).replace(OWN_WORDS, OWN_TEXT));
};

describe('appeals and guides in a browser', () => {
  let run: RunningApp;
  let browser: Browser;
  let w: World;
  const contextFor = async (cookies: Cookies): Promise<BrowserContext> => {
    const ctx = await noJsContext(browser, { viewport: { width: 360, height: 740 }, acceptDownloads: true });
    await ctx.addCookies(Object.entries(cookies).map(([name, value]) => ({ name, value, url: run.baseUrl })));
    return ctx;
  };
  const check = async (page: Page, label: string) => {
    await expectAxeClean(page, label);
    expect(await hasHorizontalScroll(page), label).toBe(false);
    await shot(page, label);
  };

  beforeAll(async () => {
    run = await startApp();
    browser = await launchBrowser();
    w = await buildWorld({ opened: { db: run.db }, clock: run.clock as ManualClock } as unknown as TestApp);
  });
  afterAll(async () => {
    await browser?.close();
    await run?.close();
  });

  it('a mother writes, sends, records the answer with a photo and prints her letter, with JavaScript off', async () => {
    const ctx = await contextFor(w.family.cookies);
    const page = await ctx.newPage();
    await page.goto(`${run.baseUrl}/cases/${w.caseId}`);
    await page.getByRole('link', { name: 'Написать письмо' }).click();
    await check(page, 'new appeal');
    await page.getByLabel('Запрос о местонахождении и положении военнослужащего').check();
    await page
      .getByLabel('Кому (из справочника)')
      .selectOption({ label: 'Министерство обороны: Министерство обороны Российской Федерации' });
    await page.getByRole('button', { name: 'Дальше' }).click();
    expect(await page.getByLabel('Текст письма').inputValue()).toContain('Иванов Пётр Сергеевич');
    await check(page, 'draft');
    await ownWords(page);
    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    await page.getByText('Черновик сохранён.').waitFor();
    await check(page, 'appeal draft');

    await page.getByLabel('Как отправлено').selectOption('online');
    // Typed day first, as every date on the site: a browser date picker would follow the
    // browser's language (mm/dd/yyyy in an English Tor Browser), not the page's.
    expect(await page.getByLabel('Дата отправки').getAttribute('type')).toBe('text');
    await page.getByLabel('Дата отправки').fill('10.03.2026');
    await page.getByRole('button', { name: 'Отметить отправку' }).click();
    await page.getByText('Эта дата ещё не наступила.').waitFor();
    await page.getByLabel('Дата отправки').fill('27.02.2026');
    await page.getByRole('button', { name: 'Отметить отправку' }).click();
    await page.getByText('Отправка отмечена, срок ответа посчитан.').waitFor();
    await page.getByText('осталось 30 дней').waitFor();
    await check(page, 'appeal sent');

    const photo = path.join(os.tmpdir(), `kt-answer-${process.pid}.jpg`);
    fs.writeFileSync(photo, await jpegWithGps());
    await page.getByLabel('ответ', { exact: true }).check();
    await page.locator('input[name="on"]').fill('01.03.2026');
    await page.getByLabel('Коротко: что в документе').fill('Сведениями не располагаем.');
    // A scan over 20 MB first: what she typed comes back beside the size error (it was lost).
    await page
      .getByLabel('Скан или фото документа (необязательно)')
      .setInputFiles({ name: 'scan.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(21 * 1024 * 1024, 1) });
    await page.getByRole('button', { name: 'Записать' }).click();
    await page.getByText('выберите его ещё раз', { exact: false }).waitFor();
    expect(await page.getByLabel('Коротко: что в документе').inputValue()).toBe('Сведениями не располагаем.');
    expect(await page.locator('input[name="on"]').inputValue()).toBe('01.03.2026');
    expect(await page.getByLabel('ответ', { exact: true }).isChecked()).toBe(true);
    await check(page, 'appeal step file too big');
    await page.getByLabel('Скан или фото документа (необязательно)').setInputFiles(photo);
    await page.getByRole('button', { name: 'Записать' }).click();
    await page.getByText('Записано.').waitFor();
    await page.getByText('Если ответ пустой или неверный').waitFor();
    await check(page, 'appeal answered');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /Скачать файл/ }).click();
    const file = await (await download).path();
    const bytes = fs.readFileSync(file);
    expect(bytes.includes(Buffer.from(GPS_MARK))).toBe(false);
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();
    fs.rmSync(photo);

    await page.getByLabel('Фамилия, имя, отчество').fill('Иванова Мария Петровна');
    await page.getByLabel('Почтовый адрес для ответа').fill('346000, г. Шахты, ул. Садовая, д. 5');
    const pdf = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Скачать PDF' }).click();
    expect(
      fs
        .readFileSync(await (await pdf).path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await page.getByRole('button', { name: 'Страница для печати' }).click();
    await page.getByText('Иванова Мария Петровна').first().waitFor();
    await check(page, 'print');
    // On paper only the letter: the menu, the quick exit and the hint are hidden by the print stylesheet.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('body > header').isVisible()).toBe(false);
    expect(await page.locator('.quick-exit').isVisible()).toBe(false);
    expect(await page.locator('.letter').isVisible()).toBe(true);
    await shot(page, 'print-media');
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${run.baseUrl}/cases/${w.caseId}`);
    await page.getByText('ответ получен 01.03.2026').waitFor();
    await check(page, 'case with appeals');
    await ctx.close();
  });

  it('after midnight in Moscow (still yesterday in UTC) today’s date is taken and the days count from it, in Russian and English', async () => {
    const clock = run.clock as ManualClock;
    const before = clock.now();
    clock.set('2026-03-01T21:30:00.000Z'); // 00:30 on 2 March in Moscow
    try {
      const ctx = await contextFor(w.family.cookies);
      const page = await ctx.newPage();
      for (const [lang, words] of [
        [
          'ru',
          {
            to: 'Адресат: орган или должностное лицо',
            save: 'Сохранить черновик',
            sentOn: 'Дата отправки',
            submit: 'Отметить отправку',
          },
        ],
        [
          'en',
          { to: 'Addressee: body or official', save: 'Save the draft', sentOn: 'Date sent', submit: 'Mark as sent' },
        ],
      ] as const) {
        await page.goto(`${run.baseUrl}/cases/${w.caseId}/appeals/new?template=inquiry&lang=${lang}`);
        await page.getByLabel(words.to).fill('Командир войсковой части 12345');
        await ownWords(page);
        await page.getByRole('button', { name: words.save }).click();
        await page.locator('select[name="channel"]').selectOption('online');
        await page.getByLabel(words.sentOn).fill('2026-03-02');
        await page.getByRole('button', { name: words.submit }).click();
        // Online on 2 March: registered by 5 March at the latest, answered by 4 April — 33 days.
        await page
          .getByText(lang === 'ru' ? 'осталось 33 дня' : '33 days left')
          .first()
          .waitFor();
        expect(
          await page.getByText(lang === 'ru' ? 'Эта дата ещё не наступила.' : 'This date has not come yet.').count(),
        ).toBe(0);
        await check(page, `sent after moscow midnight ${lang}`);
      }
      await ctx.close();
    } finally {
      clock.set(before);
    }
  });

  it('anyone reads and searches the guides; an editor edits templates; staff see deadlines and collective appeals', async () => {
    const anon = await noJsContext(browser, { viewport: { width: 360, height: 740 } });
    const page = await anon.newPage();
    await page.goto(`${run.baseUrl}/guides`);
    await check(page, 'guides');
    await page.getByLabel('Поиск по справке').fill('срок ответа');
    await page.getByRole('button', { name: 'Найти' }).click();
    await page.getByRole('link', { name: 'Что делать, если ответа нет' }).click();
    await page.getByRole('heading', { name: 'Содержание' }).waitFor();
    await check(page, 'guide');
    await anon.close();

    const ed = await contextFor(w.editor.cookies);
    const edPage = await ed.newPage();
    for (const url of ['/editor', '/editor/templates/inquiry', '/editor/authorities', '/editor/guides']) {
      await edPage.goto(`${run.baseUrl}${url}`);
      await check(edPage, url);
    }
    await edPage.goto(`${run.baseUrl}/editor/templates/inquiry`);
    await edPage.getByLabel('Текст письма (Markdown)').fill('Прошу сообщить о {{person.fulname}}.');
    await edPage.getByRole('button', { name: 'Сохранить новую версию' }).click();
    await edPage.getByText('Нет такого имени для подстановки: {{person.fulname}}').first().waitFor();
    // Two editors on one template: the second save, made on the version both opened, is refused
    // in her language with her text kept; the first editor's version stays.
    const other = await (await contextFor(w.editor.cookies)).newPage();
    for (const [lang, words] of [
      [
        'ru',
        { body: 'Текст письма (Markdown)', save: 'Сохранить новую версию', changed: 'шаблон сохранил кто-то другой' },
      ],
      [
        'en',
        {
          body: 'Text of the letter (Markdown)',
          save: 'Save a new version',
          changed: 'Someone else saved this template',
        },
      ],
    ] as const) {
      await edPage.goto(`${run.baseUrl}/editor/templates/prosecutor?lang=${lang}`);
      await other.goto(`${run.baseUrl}/editor/templates/prosecutor?lang=${lang}`);
      await edPage.getByLabel(words.body).fill(`Первый редактор (${lang}): {{person.full_name}}`);
      await edPage.getByRole('button', { name: words.save }).click();
      await edPage.getByRole('status').waitFor();
      await other.getByLabel(words.body).fill(`Второй редактор (${lang}): {{person.full_name}}`);
      await other.getByRole('button', { name: words.save }).click();
      await other.getByText(words.changed, { exact: false }).first().waitFor();
      expect(await other.getByLabel(words.body).inputValue()).toBe(`Второй редактор (${lang}): {{person.full_name}}`);
      await check(other, `template saved by another editor ${lang}`);
    }
    await ed.close();

    const cw = await contextFor(w.caseworker.cookies);
    const cwPage = await cw.newPage();
    for (const url of ['/staff/appeals', '/staff/collective', '/staff/collective/new']) {
      await cwPage.goto(`${run.baseUrl}${url}`);
      await check(cwPage, url);
    }
    await cw.close();
  });
});
