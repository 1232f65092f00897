import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useBrowserWorld } from '../cases/browser-world.test-helper.ts';
import { jpegWithGps } from '../evidence/evidence.fixtures.ts';
import { CSRF_COOKIE } from '../web/security.ts';
import { expectAxeClean, hasHorizontalScroll, noJsContext, PHONE, shotsOf } from '../../test/helpers/browser.ts';

// A witness on a phone with JavaScript off writes a long account; meanwhile the browser loses the
// site's CSRF cookie (Tor Browser restarted, "new identity", cookies cleared). The form comes back
// filled in, says nothing was saved and that the file must be chosen again, and sending it again
// works. In Russian on the new tip form, in English on the form that adds to a tip.

const shot = shotsOf('tip-csrf', { firstScreen: true });
const ACCOUNT = 'Видел его живым 25 октября в госпитале в Ростове, ранен в ногу. Потом увезли.';

const check = async (page: Page, label: string) => {
  expect(await hasHorizontalScroll(page), label).toBe(false);
  await expectAxeClean(page, label);
  await shot(page, label);
};

/** What Tor Browser does to the cookie when it is restarted or given a new identity. */
const loseCsrfCookie = (ctx: BrowserContext) => ctx.clearCookies({ name: CSRF_COOKIE });

describe('a tip form sent after the CSRF cookie was lost', () => {
  const world = useBrowserWorld();

  it('the new tip comes back filled in, the file to be chosen again; sent again, it arrives', async () => {
    const ctx = await noJsContext(world.browser, PHONE);
    const page = await ctx.newPage();
    const photo = { name: 'IMG_2231.jpg', mimeType: 'image/jpeg', buffer: await jpegWithGps() };
    await page.goto(`${world.run.baseUrl}/tips/new`);
    await page.getByLabel('Кому отправить').selectOption({ label: world.w.orgA.name });
    await page.getByLabel('Фамилия').fill('Ковалев');
    await page.getByLabel('Что случилось').fill(ACCOUNT);
    await page.getByLabel('Когда это было').fill('25.10.2025');
    await page.getByLabel('Откуда вы это знаете').selectOption('served_with');
    await page.getByLabel('Фото или документ').setInputFiles(photo);
    await loseCsrfCookie(ctx);
    await page.getByRole('button', { name: 'Отправить сообщение' }).click();

    await page.getByText('Форма не отправлена', { exact: false }).waitFor();
    await page.getByText('а файл выберите заново', { exact: false }).waitFor();
    expect(await page.getByLabel('Кому отправить').inputValue()).toBe(world.w.orgA.id);
    expect(await page.getByLabel('Фамилия').inputValue()).toBe('Ковалев');
    expect(await page.getByLabel('Что случилось').inputValue()).toBe(ACCOUNT);
    expect(await page.getByLabel('Когда это было').inputValue()).toBe('25.10.2025');
    expect(await page.getByLabel('Откуда вы это знаете').inputValue()).toBe('served_with');
    expect(await page.getByLabel('Фото или документ').getAttribute('aria-invalid')).toBe('true');
    await check(page, 'new-ru');

    await page.getByLabel('Фото или документ').setInputFiles(photo);
    await page.getByRole('button', { name: 'Отправить сообщение' }).click();
    await page.getByRole('heading', { name: 'Сообщение отправлено' }).waitFor();
    await page.getByRole('link', { name: 'Я записал(а) код' }).click();
    await page.getByText(ACCOUNT).waitFor();
    await page.getByText('Файлы').waitFor();
    await ctx.close();
  });

  it('an addition comes back on the tip page in English; sent again, it is added', async () => {
    const ctx = await noJsContext(world.browser, PHONE);
    const page = await ctx.newPage();
    await page.goto(`${world.run.baseUrl}/tips/new?lang=en`);
    await page.getByLabel('Send to').selectOption({ label: world.w.orgA.name });
    await page.getByLabel('What happened').fill('Saw him in Kursk.');
    await page.getByLabel('How you know').selectOption('saw_myself');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('link', { name: 'I have written the code down — open my tip' }).click();
    const added = 'Later he was moved to Belgorod, with one comrade.';
    await page.getByLabel('What else you learned').fill(added);
    await loseCsrfCookie(ctx);
    await page.getByRole('button', { name: 'Send', exact: true }).click();

    await page.getByText('The form was not sent', { exact: false }).first().waitFor();
    expect(await page.getByLabel('What else you learned').inputValue()).toBe(added);
    await check(page, 'add-en');

    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('Added.').waitFor();
    await page.getByText(added).waitFor();
    await ctx.close();
  });
});
