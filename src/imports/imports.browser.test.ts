import { describe, expect, it } from 'vitest';
import { useBrowserWorld } from '../cases/browser-world.test-helper.ts';
import type { Page } from 'playwright-core';
import { expectAxeClean, hasHorizontalScroll, phoneContext, shotsOf } from '../../test/helpers/browser.ts';
import { cp1251 } from '../../test/helpers/cp1251.ts';

// A caseworker on a phone with JavaScript off imports a rights group's spreadsheet, saved by Excel
// as Windows-1251 with semicolons. The form comes back from a mistake with every field but the
// file (which no browser keeps) and says plainly to choose the file again; a date column chosen
// as the date of event with no status is refused, naming it; the list's bad lines 3, 4 and 6 are
// all said at once; the failed attempt is marked in the list and its corrected file, uploaded from
// its page with the form and the columns as before, takes its place; a region the platform does
// not know is imported without a code and said with its line.

const shot = shotsOf('imports');

const check = async (page: Page, label: string) => {
  expect(await hasHorizontalScroll(page), label).toBe(false);
  await expectAxeClean(page, label);
  await shot(page, label);
};

const HEADER = 'Фамилия;Имя;Дата рождения;Регион;Статус;Дата гибели;Часть №';
const GOOD = ['Громов;Артём;12.03.1995;Бурятия;;12.01.2026;в/ч 11111', 'Лебедев;Юрий;1988;ЛНР;;03.02.2026;'];
const list = (rows: string[]) => ({
  name: 'spisok.csv',
  mimeType: 'text/csv',
  buffer: cp1251(`${[HEADER, ...rows].join('\r\n')}\r\n`),
});
// Lines 3, 4 and 6 are wrong; 5 has a region no list of regions knows.
const WITH_ERRORS = list([
  GOOD[0],
  'Петров2;Иван;31.02.1990;;;;',
  ';Олег;1990;;;;',
  GOOD[1],
  'Сидоров;Пётр;1991;;улетел;;',
]);
const CORRECTED = list([
  GOOD[0],
  'Петров;Иван;1990;;;;',
  'Орлов;Олег;1990;;;;',
  GOOD[1],
  'Сидоров;Пётр;1991;;пропал;;',
]);

describe('importing a list on a phone without JavaScript', () => {
  const world = useBrowserWorld();

  it('keeps the form, says every bad line at once, and takes the corrected file in place of the failed one', async () => {
    const ctx = await phoneContext(world.browser, world.run.baseUrl, world.w.verifier.cookies);
    const page = await ctx.newPage();
    const upload = () => page.getByRole('button', { name: 'Загрузить' }).click();
    const field = (label: string) => page.getByLabel(label);
    // A select's accessible name holds its options (every column of the file): found by its field.
    const column = (name: string) => page.locator(`select[name="${name}"]`);

    // A mistake in the form: everything but the file comes back, and the page says to choose it again.
    await page.goto(`${world.run.baseUrl}/staff/imports/new`);
    await field('Название списка').fill('Список погибших, группа «Север»');
    await field('Дата списка').fill('32.03.2026');
    await field('Откуда список').fill('таблица группы');
    await field('Вид источника').selectOption('rights_group');
    await field('Уровень проверки событий из списка').selectOption('corroborated');
    await page.getByLabel(/^Файл CSV/).setInputFiles(WITH_ERRORS);
    await upload();
    await page.locator('#file-again').getByText('Выберите файл снова.').waitFor();
    expect(await field('Название списка').inputValue()).toBe('Список погибших, группа «Север»');
    expect(await field('Дата списка').inputValue()).toBe('32.03.2026');
    expect(await field('Откуда список').inputValue()).toBe('таблица группы');
    expect(await field('Вид источника').inputValue()).toBe('rights_group');
    expect(await field('Уровень проверки событий из списка').inputValue()).toBe('corroborated');
    expect(await page.getByLabel(/^Файл CSV/).inputValue()).toBe('');
    await expect(page.locator('#file-again-here').textContent()).resolves.toBe('Выберите файл снова.');
    await check(page, 'form-kept');

    await field('Дата списка').fill('03.2026');
    await page.getByLabel(/^Файл CSV/).setInputFiles(WITH_ERRORS);
    await upload();
    await page.getByRole('heading', { name: 'Какой столбец что содержит' }).waitFor();
    expect(await column('death_date').inputValue()).toBe('Дата гибели');
    // The date of death chosen as a date of event, with no status: refused, naming the column.
    await column('death_date').selectOption('');
    await column('status').selectOption('');
    await column('event_date').selectOption('Дата гибели');
    await column('unit').selectOption('Часть №');
    await page.getByRole('button', { name: 'Импортировать' }).click();
    await page.getByText('столбец «Дата гибели» выбран как дата события, но столбец статуса не выбран').waitFor();
    expect(await column('unit').inputValue()).toBe('Часть №');
    await check(page, 'map-refused');
    await column('event_date').selectOption('');
    await column('death_date').selectOption('Дата гибели');
    await column('status').selectOption('Статус');
    await page.getByRole('button', { name: 'Импортировать' }).click();

    // Every bad line at once, with its columns; nothing written.
    await page.getByText('Ошибки в 3 строках.').waitFor({ timeout: 30_000 });
    const lines = await page.getByRole('list', { name: 'Строки с ошибками' }).getByRole('listitem').allTextContents();
    expect(lines).toEqual([
      'Строка 3: в столбце «Фамилия» не только буквы; в столбце «Дата рождения» не дата или такого дня нет (например, 31.02)',
      'Строка 4: пустой столбец «Фамилия»',
      'Строка 6: в столбце «Статус» неизвестный статус',
    ]);
    await page.getByText('Из файла ничего не записано.').waitFor();
    await check(page, 'failed');
    const failedUrl = page.url();

    // In the list, the failed attempt is marked as such.
    await page.getByRole('link', { name: 'Ко всем спискам' }).click();
    await page.getByText('не импортирован: ошибки в 3 строках').waitFor();
    await check(page, 'list-failed');

    // Its corrected file, from its page: the form and the columns as before.
    await page.goto(failedUrl);
    await page.getByRole('link', { name: 'Загрузить исправленный файл' }).click();
    await page.getByRole('heading', { name: 'Исправленный файл' }).waitFor();
    expect(await field('Название списка').inputValue()).toBe('Список погибших, группа «Север»');
    expect(await field('Дата списка').inputValue()).toBe('03.2026');
    expect(await field('Откуда список').inputValue()).toBe('таблица группы');
    expect(await field('Уровень проверки событий из списка').inputValue()).toBe('corroborated');
    await check(page, 'again-form');
    await page.getByLabel(/^Файл CSV/).setInputFiles(CORRECTED);
    await upload();
    await page.getByRole('heading', { name: 'Какой столбец что содержит' }).waitFor();
    expect(await column('unit').inputValue()).toBe('Часть №');
    expect(await column('death_date').inputValue()).toBe('Дата гибели');
    await page.getByRole('button', { name: 'Импортировать' }).click();
    await page.getByText('импорт завершён').waitFor({ timeout: 30_000 });
    // Two deaths from «Дата гибели» and one missing from the status at the list's date.
    await page.getByText('Добавлено записей: 5. Уже были в базе (пропущены): 0. Событий из списка: 3.').waitFor();
    await page
      .getByRole('list', { name: 'Предупреждения' })
      .getByText('Регион в столбце «Регион» не распознан', { exact: false })
      .waitFor();
    await page.getByText('Строка 5.').waitFor();
    await check(page, 'done-warnings');
    const dead = await world.run.db
      .selectFrom('persons')
      .select(['surname', 'status', 'region_code'])
      .where('surname', 'in', ['Громов', 'Лебедев'])
      .orderBy('surname')
      .execute();
    expect(dead).toEqual([
      { surname: 'Громов', status: 'reported_dead', region_code: 'RU-BU' },
      { surname: 'Лебедев', status: 'reported_dead', region_code: null },
    ]);

    // One line for the list: the failed attempt left with its correction.
    await page.getByRole('link', { name: 'Ко всем спискам' }).click();
    await expect(page.getByRole('link', { name: 'Список погибших, группа «Север»' }).count()).resolves.toBe(1);
    await page.goto(failedUrl);
    await page.getByRole('heading', { name: 'Не найдено' }).waitFor();
    await ctx.close();
  });

  it('in English: the first hundred bad lines, the rest counted, and what a quote left open kept unread', async () => {
    const ctx = await phoneContext(world.browser, world.run.baseUrl, { ...world.w.verifier.cookies, lang: 'en' });
    const page = await ctx.newPage();
    const bad = Array.from({ length: 150 }, (_, i) => `Ivanov${i},Ivan,1990`);
    const text = ['surname,given_name,birth_date', ...bad, '"Petrov,Petr,1991', 'Orlov,Oleg,1992', 'Belov,Yuri,1993'];
    await page.goto(`${world.run.baseUrl}/staff/imports/new`);
    await page.getByLabel('Name of the list').fill('A long bad list');
    await page.getByLabel('Kind of source').selectOption('news');
    await page
      .getByLabel(/^CSV file/)
      .setInputFiles({ name: 'long.csv', mimeType: 'text/csv', buffer: Buffer.from(`${text.join('\n')}\n`) });
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByText('Errors on 151 lines.').waitFor({ timeout: 30_000 });
    const items = page.getByRole('list', { name: 'Lines with errors' }).getByRole('listitem');
    await expect(items.count()).resolves.toBe(100);
    await expect(items.first().textContent()).resolves.toBe('Line 2: column "surname" holds more than letters');
    await page.getByText('And 51 more lines with errors.').waitFor();
    await page.getByText('Nothing after line 152 was read', { exact: false }).waitFor();
    await check(page, 'failed-long-en');
    await ctx.close();
  });
});
