import { describe, expect, it } from 'vitest';
import { useBrowserWorld } from '../cases/browser-world.test-helper.ts';
import type { Page } from 'playwright-core';
import { expectAxeClean, hasHorizontalScroll, noJsContext, PHONE, shotsOf } from '../../test/helpers/browser.ts';
import { box, codestreamOf, jp2Gradient, jp2WithMetadata, pdfOfJpx } from '../evidence/jpx.fixtures.ts';

// A witness on a phone with JavaScript off attaches a file that is not what it claims to be. The
// form comes back with what they typed (a long account is not lost), and with every problem at
// once: the refused file and the bad date together, not one per try. The same when adding to a
// tip with its code.

const shot = shotsOf('tip-file-errors');
const NOT_A_PHOTO = { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not really a photo\n') };
const TOO_BIG = { name: 'scan.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(21 * 1024 * 1024, 1) };
const ACCOUNT = 'Видел его живым 25 октября в госпитале в Ростове, ранен в ногу. Потом увезли.';

const check = async (page: Page, label: string) => {
  expect(await hasHorizontalScroll(page), label).toBe(false);
  await expectAxeClean(page, label);
  await shot(page, label);
};

describe('a refused file on the tips forms', () => {
  const world = useBrowserWorld();

  /** The new tip form, opened and filled as the witness of both tests fills it. */
  const fillNewTip = async (page: Page): Promise<void> => {
    await page.goto(`${world.run.baseUrl}/tips/new`);
    await page.getByLabel('Кому отправить').selectOption({ label: world.w.orgA.name });
    await page.getByLabel('Фамилия').fill('Ковалев');
    await page.getByLabel('Что случилось').fill(ACCOUNT);
    await page.getByLabel('Откуда вы это знаете').selectOption('saw_myself');
  };

  it('keeps what the witness typed and names every problem at once', async () => {
    const ctx = await noJsContext(world.browser, PHONE);
    const page = await ctx.newPage();
    await fillNewTip(page);
    await page.getByLabel('Когда это было').fill('32.10.2025');
    await page.getByLabel('Фото или документ').setInputFiles(NOT_A_PHOTO);
    await page.getByRole('button', { name: 'Отправить сообщение' }).click();

    await page.getByText('Файл назван фотографией, но внутри у него не JPEG, PNG или HEIC.').waitFor();
    await page.getByText('Неверная дата.', { exact: false }).waitFor();
    expect(await page.getByLabel('Фамилия').inputValue()).toBe('Ковалев');
    expect(await page.getByLabel('Что случилось').inputValue()).toBe(ACCOUNT);
    expect(await page.getByLabel('Когда это было').inputValue()).toBe('32.10.2025');
    expect(await page.getByLabel('Откуда вы это знаете').inputValue()).toBe('saw_myself');
    await check(page, 'new');

    // Fixed, without the file: sent.
    await page.getByLabel('Когда это было').fill('25.10.2025');
    await page.getByRole('button', { name: 'Отправить сообщение' }).click();
    await page.getByRole('heading', { name: 'Сообщение отправлено' }).waitFor();
    await page.getByRole('link', { name: 'Я записал(а) код' }).click();

    // Adding to the tip: the text survives a refused file too.
    await page.getByLabel('Что вы узнали ещё').fill('Госпиталь на улице Дачной.');
    await page.getByLabel('Фото или документ').setInputFiles(NOT_A_PHOTO);
    await page.getByRole('button', { name: 'Отправить', exact: true }).click();
    await page.getByText('Файл назван фотографией, но внутри у него не JPEG, PNG или HEIC.').waitFor();
    expect(await page.getByLabel('Что вы узнали ещё').inputValue()).toBe('Госпиталь на улице Дачной.');
    await check(page, 'add');
    await ctx.close();
  });

  // Over the size limit the error was raised before the fields were read: all typed was lost.
  it('keeps what the witness typed when the file is over 20 MB, and says to choose it again', async () => {
    const ctx = await noJsContext(world.browser, PHONE);
    const page = await ctx.newPage();
    await fillNewTip(page);
    await page.getByLabel('Фото или документ').setInputFiles({ ...TOO_BIG });
    await page.getByRole('button', { name: 'Отправить сообщение' }).click();

    await page.getByText('Файл больше 20 МБ.', { exact: false }).waitFor();
    await page.getByText('выберите его ещё раз', { exact: false }).waitFor();
    expect(await page.getByLabel('Фамилия').inputValue()).toBe('Ковалев');
    expect(await page.getByLabel('Что случилось').inputValue()).toBe(ACCOUNT);
    expect(await page.getByLabel('Откуда вы это знаете').inputValue()).toBe('saw_myself');
    expect(await page.getByLabel('Фото или документ').getAttribute('aria-invalid')).toBe('true');
    await check(page, 'new-too-big');
    await ctx.close();
  });

  // A scan whose JPEG 2000 picture cannot be reduced to one clean picture (two codestreams) is
  // refused with that reason, in Russian and in English; one whose picture only carries XMP and
  // GPS is sent, cleaned.
  it('refuses a PDF whose JPEG 2000 picture cannot be cleaned, saying why; sends one that can be', async () => {
    const uncleanable = Buffer.concat([jp2Gradient(), box('jp2c', codestreamOf(jp2Gradient()))]);
    for (const lang of ['ru', 'en'] as const) {
      const ru = lang === 'ru';
      const ctx = await noJsContext(world.browser, PHONE);
      const page = await ctx.newPage();
      await page.goto(`${world.run.baseUrl}/tips/new?lang=${lang}`);
      await page.getByLabel(ru ? 'Кому отправить' : 'Send to').selectOption({ label: world.w.orgA.name });
      await page.getByLabel(ru ? 'Что случилось' : 'What happened').fill(ACCOUNT);
      await page.getByLabel(ru ? 'Откуда вы это знаете' : 'How you know').selectOption('documents');
      const file = (buffer: Buffer) => ({ name: 'scan.pdf', mimeType: 'application/pdf', buffer });
      await page
        .getByLabel(ru ? 'Фото или документ' : 'Photo or document')
        .setInputFiles(file(await pdfOfJpx(uncleanable)));
      await page.getByRole('button', { name: ru ? 'Отправить сообщение' : 'Send' }).click();
      await page.getByText(ru ? 'картинка в формате JPEG 2000' : 'JPEG 2000 picture', { exact: false }).waitFor();
      expect(await page.getByLabel(ru ? 'Что случилось' : 'What happened').inputValue()).toBe(ACCOUNT);
      await check(page, `jpx-refused-${lang}`);

      await page
        .getByLabel(ru ? 'Фото или документ' : 'Photo or document')
        .setInputFiles(file(await pdfOfJpx(jp2WithMetadata())));
      await page.getByRole('button', { name: ru ? 'Отправить сообщение' : 'Send' }).click();
      await page.getByRole('heading', { name: ru ? 'Сообщение отправлено' : 'Your tip was sent' }).waitFor();
      await ctx.close();
    }
  });
});
