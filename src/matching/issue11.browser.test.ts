import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
import type { ManualClock } from '../shared/clock.ts';
import { buildWorld, caseInput, type World } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';
import { importForOrganisation } from '../imports/imports.service.ts';
import { systemPrincipal } from '../policy/principal.ts';
import { forgetIndexes } from './index-registry.ts';
import { runMatching } from './scoring.service.ts';
import { scoreTipPrivately } from './tip-matches.service.ts';

// Issue 11's pages in a real Chromium with JavaScript off, on a 360 px wide phone: staff search,
// a record, the review queue and a decision, an upload followed on its self-refreshing page, a
// mapped list, an incident, the boards; a family joining the families of her son's unit and
// writing on their board. Nothing scrolls sideways; axe finds nothing serious.

const shot = shotsOf('11');

const check = async (page: Page, name: string) => {
  await shot(page, name);
  await expectAxeClean(page, name);
  expect(await hasHorizontalScroll(page), name).toBe(false);
};

describe('issue 11 pages in a browser', () => {
  let run: RunningApp;
  let browser: Browser;
  let w: World;
  const files: string[] = [];
  const contextFor = async (cookies: Cookies): Promise<BrowserContext> => {
    const ctx = await noJsContext(browser, { viewport: { width: 360, height: 740 } });
    await ctx.addCookies(Object.entries(cookies).map(([name, value]) => ({ name, value, url: run.baseUrl })));
    return ctx;
  };
  const csvFile = (name: string, text: string): string => {
    const file = path.join(os.tmpdir(), `kt-11-${process.pid}-${name}`);
    fs.writeFileSync(file, text);
    files.push(file);
    return file;
  };

  beforeAll(async () => {
    forgetIndexes();
    run = await startApp();
    browser = await launchBrowser();
    const t = { opened: { db: run.db }, clock: run.clock as ManualClock } as unknown as TestApp;
    w = await buildWorld(t);
    const deps = { db: run.db, clock: run.clock };
    await openCase(
      deps,
      w.otherFamily.auth,
      caseInput(w.orgA.id, { surname: 'Ivanov', given_name: 'Petya', narrative: 'брат' }),
    );
    await importForOrganisation(
      deps,
      systemPrincipal('import'),
      { id: w.orgA.id, publicKey: w.orgA.publicKey },
      { sourceName: 'Сводка некрологов, февраль 2026', sourceKind: 'news', verification: 'corroborated' },
      new TextEncoder().encode(
        'record_id,source,surname,given_name,patronymic,birth_date,region,unit,status,event_date\n' +
          '1,ОВД,Иванов,Петр,Сергеевич,12.05.1998,RU-ROS,в/ч 12345,погиб,02.2026\n' +
          '2,ОВД,Доржиев,Баир,,1991,RU-BU,,,\n',
      ),
    );
    await runMatching(deps, systemPrincipal('scheduler'));
    // A tip about «Доржиев Баир» as a sender spelled him: scored, sealed, in the tips' queue.
    await scoreTipPrivately(deps, {
      tipId: '00000000-0000-4000-8000-00000000d0e1',
      organisationId: w.orgA.id,
      person: { surname: 'Dorjiev', given_name: 'Bair', birth_date: { value: '1991', precision: 'year' } },
    });
  });
  afterAll(async () => {
    await browser?.close();
    await run?.close();
    for (const f of files) fs.rmSync(f, { force: true });
  });

  it('staff: search in Latin, a record, the queue, a pair decided', async () => {
    const ctx = await contextFor(w.caseworker.cookies);
    const page = await ctx.newPage();
    await page.goto(`${run.baseUrl}/staff/people`);
    await check(page, 'search-empty');
    await page.getByLabel('Имя, фамилия, отчество').fill('Dorjiev');
    await page.getByRole('button', { name: 'Найти' }).click();
    await page.getByRole('link', { name: 'Доржиев Баир' }).waitFor();
    expect(page.url()).toContain('q=Dorjiev');
    await page.getByLabel('Имя, фамилия, отчество').fill('Ivanov Petr');
    await page.getByRole('button', { name: 'Найти' }).click();
    await page.getByRole('link', { name: 'Иванов Петр Сергеевич' }).waitFor();
    await check(page, 'search-results');
    await page.getByRole('link', { name: 'Иванов Петр Сергеевич' }).click();
    await page.getByRole('heading', { name: 'Запись о человеке' }).waitFor();
    await page.getByText('список «Сводка некрологов, февраль 2026», строка 2').first().waitFor();
    await check(page, 'record');

    await page.goto(`${run.baseUrl}/staff/matches`);
    await check(page, 'queue');
    await page.locator('a[href^="/staff/matches/"]').filter({ hasText: 'Иванов Петр Сергеевич' }).first().click();
    await page.getByRole('heading', { name: 'Почему система так считает' }).waitFor();
    await check(page, 'pair');
    await page.getByRole('button', { name: 'Один и тот же человек' }).click();
    await page.getByText('Записи объединены').waitFor();
    await check(page, 'pair-merged');
    await ctx.close();
  });

  it('staff: a tip resembling a known record, beside it, decided', async () => {
    const ctx = await contextFor(w.caseworker.cookies);
    const page = await ctx.newPage();
    await page.goto(`${run.baseUrl}/staff/matches`);
    await page.getByRole('link', { name: /Сообщения свидетелей, похожие на известные записи: 1/ }).click();
    await page.getByRole('heading', { name: 'Сообщения свидетелей, похожие на известные записи' }).waitFor();
    await check(page, 'tips');
    await page.getByRole('link', { name: 'Dorjiev Bair' }).click();
    await page.getByRole('heading', { name: 'О ком это сообщение?' }).waitFor();
    await page.getByRole('heading', { name: /Доржиев Баир — [<>]?\d+%/ }).waitFor();
    await check(page, 'tip-match');
    await page.getByRole('button', { name: 'Один и тот же человек' }).click();
    await page.getByText('Отмечено: это тот же человек.').waitFor();
    await page.getByText('решено: один и тот же человек').waitFor();
    await check(page, 'tip-match-decided');
    await ctx.close();
  });

  it('staff: an upload followed on its page, a list whose columns are matched by hand', async () => {
    const ctx = await contextFor(w.verifier.cookies);
    const page = await ctx.newPage();
    await page.goto(`${run.baseUrl}/staff/imports`);
    await check(page, 'imports');
    await page.getByRole('link', { name: 'Импортировать список' }).click();
    await check(page, 'upload');
    await page.getByLabel('Название списка').fill('Список вернувшихся из плена');
    await page.getByLabel('Дата списка').fill('03.2026');
    await page.getByLabel('Вид источника').selectOption('rights_group');
    await page
      .getByLabel('Файл CSV')
      .setInputFiles(
        csvFile(
          'returned.csv',
          'record_id,source,surname,given_name,patronymic,birth_date,region,unit,status\n7,ОВД,Семенов,Олег,Олегович,1985,RU-TA,,освобожден\n',
        ),
      );
    await page.getByRole('button', { name: 'Загрузить' }).click();
    // The page refreshes itself (a meta refresh, no script) until the import is done.
    await page.getByText('импорт завершён').waitFor({ timeout: 30_000 });
    await page.getByText('Добавлено записей: 1').waitFor();
    await check(page, 'import-done');

    await page.goto(`${run.baseUrl}/staff/imports/new`);
    await page.getByLabel('Название списка').fill('Таблица группы');
    await page.getByLabel('Вид источника').selectOption('rights_group');
    await page
      .getByLabel('Файл CSV')
      .setInputFiles(csvFile('group.csv', 'ФИО;Имя;Год;Часть\nЛебедев;Игорь;1979;в/ч 11111\n'));
    await page.getByRole('button', { name: 'Загрузить' }).click();
    await page.getByRole('heading', { name: 'Какой столбец что содержит' }).waitFor();
    await check(page, 'map');
    // «ФИО» is found as the full-name column; without it and without a surname there is nothing to import.
    await page.getByLabel(/ФИО в одном столбце/).selectOption('');
    await page.getByRole('button', { name: 'Импортировать' }).click();
    await page.getByText('укажите столбец с фамилией или с ФИО').first().waitFor();
    await page.getByLabel('Фамилия').selectOption('ФИО');
    await page.getByRole('button', { name: 'Импортировать' }).click();
    await page.getByText('импорт завершён').waitFor({ timeout: 30_000 });
    await ctx.close();
  });

  it('staff: an obituary roundup that gives ages, and one with an age no soldier has', async () => {
    const ctx = await contextFor(w.verifier.cookies);
    const page = await ctx.newPage();
    const upload = async (name: string, text: string) => {
      await page.goto(`${run.baseUrl}/staff/imports/new`);
      await page.getByLabel('Название списка').fill(name);
      await page.getByLabel('Дата списка').fill('05.2024');
      await page.getByLabel('Вид источника').selectOption('rights_group');
      await page.getByLabel('Файл CSV').setInputFiles(csvFile(`${name.length}.csv`, text));
      await page.getByRole('button', { name: 'Загрузить' }).click();
      await page.getByRole('heading', { name: 'Какой столбец что содержит' }).waitFor();
    };
    await upload('Некрологи мая', 'Фамилия;Имя;Возраст\nЖуравлёв;Тимур;35\n');
    // «Возраст» is found as the age column without being asked.
    expect(await page.getByLabel(/Возраст \(лет\)/).inputValue()).toBe('Возраст');
    await check(page, 'map-age');
    await page.getByRole('button', { name: 'Импортировать' }).click();
    await page.getByText('импорт завершён').waitFor({ timeout: 30_000 });
    const born = await run.db
      .selectFrom('persons')
      .select(['birth_date', 'birth_precision'])
      .where('surname', '=', 'Журавлёв')
      .executeTakeFirstOrThrow();
    expect(born).toEqual({ birth_date: '1989', birth_precision: 'year' });

    await upload('Некрологи июня', 'Фамилия;Имя;Возраст\nЖуравлёв;Ян;35\nЖуравлёв;Лев;7\n');
    await page.getByRole('button', { name: 'Импортировать' }).click();
    await page.getByText('в столбце «Возраст» не возраст: нужно число лет от 16 до 75').waitFor({ timeout: 30_000 });
    await check(page, 'import-age-error');
    await ctx.close();
  });

  it('staff: an incident; a family joins the families of the unit and writes on their board', async () => {
    const staff = await contextFor(w.verifier.cookies);
    const page = await staff.newPage();
    await page.goto(`${run.baseUrl}/staff/incidents`);
    await page.getByLabel('Короткое название').fill('Штурм у Клещеевки');
    await page.getByLabel('Когда').fill('02.2026');
    await page.getByLabel('Что известно').fill('По словам сослуживца, группа попала под обстрел.');
    await page.getByRole('button', { name: 'Создать' }).click();
    await page.getByText('Происшествие создано.').waitFor();
    await check(page, 'incident');
    await page.getByText('Добавить сведения').click();
    await page.getByLabel('Что произошло').selectOption('missing');
    await page.getByLabel('Когда').fill('02.2026');
    await page.getByLabel('Уровень проверки').selectOption('confirmed');
    await page.getByRole('button', { name: 'Добавить' }).first().click();
    await page.getByText('Сведения добавлены.').waitFor();
    // From the case, to its person's record, linked to the incident there.
    await page.goto(`${run.baseUrl}/cases/${w.caseId}`);
    await page.getByRole('link', { name: /Запись о человеке: возможные совпадения/ }).click();
    await page.getByRole('heading', { name: 'Запись о человеке' }).waitFor();
    await page.getByLabel('Связать с происшествием').selectOption({ label: 'Штурм у Клещеевки' });
    await page.getByRole('button', { name: 'Связать' }).click();
    await page.getByRole('link', { name: 'Штурм у Клещеевки' }).waitFor();
    await check(page, 'record-linked');

    const family = await contextFor(w.family.cookies);
    const fp = await family.newPage();
    await fp.goto(`${run.baseUrl}/cases/${w.caseId}`);
    // The confirmed fact about the incident reached the family's case, marked as new.
    await fp.getByRole('heading', { name: 'Происшествие, которое касается вашего близкого' }).waitFor();
    await fp.getByText('Штурм у Клещеевки').first().waitFor();
    await fp.getByText('Появились подтверждённые сведения о событии').first().waitFor();
    await check(fp, 'case-incident');
    await fp.getByRole('heading', { name: 'Семьи, чьи близкие служили вместе' }).waitFor();
    await fp.getByRole('button', { name: 'Да, я хочу видеть' }).click();
    // Not without ticking that the warning was read.
    await fp.getByText('Отметьте, что вы прочитали предупреждение.').first().waitFor();
    await fp.getByLabel('Я прочитал(а) предупреждение выше').check();
    await fp.getByRole('button', { name: 'Да, я хочу видеть' }).click();
    await fp.getByText('Вы участвуете в общении семей.').waitFor();
    await check(fp, 'case-cohorts');
    await fp.getByRole('link', { name: 'открыть доску' }).first().click();
    await fp.getByRole('heading', { name: /Доска семей/ }).waitFor();
    await fp.getByLabel('Ваше сообщение').fill('Кто-нибудь знает, где сейчас рота связи?');
    await fp.getByRole('button', { name: 'Отправить' }).click();
    await fp.getByText('Сообщение отправлено.').waitFor();
    await fp.getByText('Кто-нибудь знает, где сейчас рота связи?').waitFor();
    await check(fp, 'board-family');
    await family.close();

    await page.goto(`${run.baseUrl}/staff/cohorts`);
    await check(page, 'boards');
    await page.getByRole('link', { name: /Воинская часть 12345/ }).click();
    await page.getByRole('button', { name: 'Скрыть' }).click();
    await page.getByText('Сообщение скрыто.').waitFor();
    await check(page, 'board-staff');
    await staff.close();
  });
});
