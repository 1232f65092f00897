import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBrowserWorld } from './browser-world.test-helper.ts';
import { expectAxeClean, hasHorizontalScroll, phoneContext } from '../../test/helpers/browser.ts';
import { jpegWithGps } from '../evidence/evidence.fixtures.ts';

// A mother on a phone, JavaScript off, photographs the notice as the caseworker asked and attaches
// it on her request's page: a file that is not what it says comes back with her words kept and
// the file to choose again; the photo then goes through and is listed with a download link; and
// when it turns out to be the wrong photo, she removes it after a page that asks first.

describe('attaching a photo on the case page, on a phone without JavaScript', () => {
  const world = useBrowserWorld();

  it('keeps her words after a refused file, then lists the photo', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kintrace-case-files-'));
    const photo = path.join(dir, 'IMG_2031.jpg');
    const fake = path.join(dir, 'извещение.pdf');
    fs.writeFileSync(photo, await jpegWithGps());
    fs.writeFileSync(fake, 'not a pdf');
    const ctx = await phoneContext(world.browser, world.run.baseUrl, world.w.family.cookies);
    const page = await ctx.newPage();
    await page.goto(`${world.run.baseUrl}/cases/${world.w.caseId}`);
    await page.getByText('Прикрепить фото или скан документа').click();
    const form = page.locator(`form[action="/cases/${world.w.caseId}/files"]`);
    const words = 'Похоронка из военкомата, пришла 12.03.2026';
    await form.getByLabel('Что это за документ').fill(words);
    await form.getByLabel('Фото или скан').setInputFiles(fake);
    await form.getByRole('button', { name: 'Прикрепить' }).click();
    await page.getByText('Файл назван PDF, но внутри у него не PDF.', { exact: false }).waitFor();
    expect(await form.getByLabel('Что это за документ').inputValue()).toBe(words);
    expect(await page.getByText('выберите его ещё раз', { exact: false }).count()).toBeGreaterThan(0);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectAxeClean(page, 'case files, refused');

    await form.getByLabel('Фото или скан').setInputFiles(photo);
    await form.getByRole('button', { name: 'Прикрепить' }).click();
    await page.getByText('Файл прикреплён.').waitFor();
    const item = page.locator('#files li', { hasText: words });
    expect(await item.count()).toBe(1);
    const href = await item.getByRole('link', { name: /Скачать файл/ }).getAttribute('href');
    expect(href).toMatch(new RegExp(`^/cases/${world.w.caseId}/files/[0-9a-f-]{36}$`));
    const download = await page.request.get(`${world.run.baseUrl}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toMatch(/^attachment/);
    expect(await hasHorizontalScroll(page)).toBe(false);

    // The wrong photo (her face is on it): removed after a page that names it and asks.
    await item.getByRole('link', { name: 'Удалить' }).click();
    await page.getByRole('heading', { name: 'Удалить файл?' }).waitFor();
    expect(await page.getByText(words).count()).toBe(1);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectAxeClean(page, 'case file, remove');
    await page.getByRole('button', { name: 'Удалить файл' }).click();
    await page.getByText('Файл удалён.').waitFor();
    expect(await page.locator('#files li', { hasText: words }).count()).toBe(0);
    expect((await page.request.get(`${world.run.baseUrl}${href}`)).status()).toBe(404);
    await ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
