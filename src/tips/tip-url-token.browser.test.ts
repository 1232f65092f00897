import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserWorld } from '../cases/browser-world.test-helper.ts';
import { CSRF_COOKIE } from '../web/security.ts';
import { expectAxeClean, hasHorizontalScroll, noJsContext, PHONE, shotsOf } from '../../test/helpers/browser.ts';

// The tip form takes a file, so its CSRF token rode in its action (`/tips/new?_csrf=…`): after a
// refused upload the anonymous witness's address bar and history held it. Now the token is the
// form's first field; the page after a refused upload, a lost cookie or a sent addition is at
// the form's plain address. On a phone with JavaScript off, in Russian and in English.

const shot = shotsOf('tip-url-token', { firstScreen: true });
const TOO_BIG = { name: 'scan.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(21 * 1024 * 1024, 1) };
const ACCOUNT = 'Видел его живым 25 октября в госпитале в Ростове, ранен в ногу. Потом увезли.';

const WORDS = {
  ru: {
    to: 'Кому отправить',
    surname: 'Фамилия',
    what: 'Что случилось',
    how: 'Откуда вы это знаете',
    file: 'Фото или документ',
    send: 'Отправить сообщение',
    tooBig: 'Файл больше 20 МБ.',
    notSent: 'Форма не отправлена',
    sent: 'Сообщение отправлено',
    code: 'Я записал(а) код',
    more: 'Что вы узнали ещё',
    add: 'Отправить',
  },
  en: {
    to: 'Send to',
    surname: 'Surname',
    what: 'What happened',
    how: 'How you know',
    file: 'Photo or document',
    send: 'Send',
    tooBig: 'The file is larger than 20 MB.',
    notSent: 'The form was not sent',
    sent: 'Your tip was sent',
    code: 'I have written the code down — open my tip',
    more: 'What else you learned',
    add: 'Send',
  },
} as const;

describe('the tip form’s token is never in an address', () => {
  const world = useBrowserWorld();

  const check = async (page: Page, label: string) => {
    // what the address bar shows, and what the history keeps
    expect(page.url(), label).not.toContain('_csrf');
    expect(await hasHorizontalScroll(page), label).toBe(false);
    await expectAxeClean(page, label);
    await shot(page, label);
  };

  /** The multipart form of the page: its action, and its first field the token. */
  const expectTokenInBody = async (page: Page, action: string) => {
    const form = page.locator('form[enctype="multipart/form-data"]');
    expect(await form.getAttribute('action')).toBe(action);
    expect(await form.locator('> :first-child').getAttribute('name')).toBe('_csrf');
  };

  for (const lang of ['ru', 'en'] as const) {
    it(`a refused upload, a lost cookie and an addition: at plain addresses (${lang})`, async () => {
      const w = WORDS[lang];
      const base = world.run.baseUrl;
      const ctx = await noJsContext(world.browser, PHONE);
      const page = await ctx.newPage();
      await page.goto(`${base}/tips/new?lang=${lang}`);
      await expectTokenInBody(page, '/tips/new');
      await check(page, `new-${lang}`);

      const fill = async () => {
        await page.getByLabel(w.to).selectOption({ label: world.w.orgA.name });
        await page.getByLabel(w.surname).fill('Ковалев');
        await page.getByLabel(w.what).fill(ACCOUNT);
        await page.getByLabel(w.how).selectOption('saw_myself');
      };
      await fill();
      await page.getByLabel(w.file).setInputFiles(TOO_BIG);
      await page.getByRole('button', { name: w.send }).click();
      await page.getByText(w.tooBig, { exact: false }).waitFor();
      expect(page.url()).toBe(`${base}/tips/new`);
      expect(await page.getByLabel(w.what).inputValue()).toBe(ACCOUNT);
      await expectTokenInBody(page, '/tips/new');
      await check(page, `too-big-${lang}`);

      // The browser lost the cookie its token was made for: refused at the same plain address.
      await ctx.clearCookies({ name: CSRF_COOKIE });
      await page.getByRole('button', { name: w.send }).click();
      await page.getByText(w.notSent, { exact: false }).first().waitFor();
      expect(page.url()).toBe(`${base}/tips/new`);
      expect(await page.getByLabel(w.what).inputValue()).toBe(ACCOUNT);
      await check(page, `lost-cookie-${lang}`);

      await page.getByRole('button', { name: w.send }).click();
      await page.getByRole('heading', { name: w.sent }).waitFor();
      await page.getByRole('link', { name: w.code }).click();
      await expectTokenInBody(page, '/tip/add');
      await page.getByLabel(w.more).fill('Госпиталь на улице Дачной.');
      await page.getByLabel(w.file).setInputFiles(TOO_BIG);
      await page.getByRole('button', { name: w.add, exact: true }).click();
      await page.getByText(w.tooBig, { exact: false }).waitFor();
      expect(page.url()).toBe(`${base}/tip/add`);
      expect(await page.getByLabel(w.more).inputValue()).toBe('Госпиталь на улице Дачной.');
      await check(page, `add-too-big-${lang}`);
      await ctx.close();
    });
  }
});
