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
import {
  createFamily,
  createOrganisation,
  createStaff,
  type Cookies,
  type TestUser,
} from '../../test/helpers/factories.ts';
import type { ManualClock } from '../shared/clock.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { principalOf, systemPrincipal } from '../policy/principal.ts';
import { authoriseCase } from '../cases/case-access.service.ts';
import { caseInput } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';
import { addEvent } from '../cases/events.service.ts';
import { addSyntheticRecords } from './synthetic-records.service.ts';
import { syntheticRecords } from '../demo/demo-registry.data.ts';
import { confirmDeath, publishedFromCase } from './registry.fixtures.ts';

// The registry in a real Chromium with JavaScript off, on a 360 px phone: the public pages (the
// map and charts are inline SVG), a relative's request, the verifier publishing from a case with
// the page's own forms, and the family's choice. Nothing scrolls sideways; axe finds nothing
// serious. KT_SHOTS=1 keeps screenshots in the temp directory for a person to look at.

const shot = shotsOf('registry', { firstScreen: true });

describe('the registry in a browser, JavaScript off, 360 px', () => {
  let run: RunningApp;
  let browser: Browser;
  let verifier: TestUser;
  let family: TestUser;
  let recordId: string;
  let publishedCase: string;
  let caseToPublish: string;
  let mothersCase: string;
  let organisation: Awaited<ReturnType<typeof createOrganisation>>;
  const contextFor = async (cookies: Cookies = {}): Promise<BrowserContext> => {
    const ctx = await noJsContext(browser, { viewport: { width: 360, height: 740 } });
    await ctx.addCookies(Object.entries(cookies).map(([name, value]) => ({ name, value, url: run.baseUrl })));
    return ctx;
  };
  const look = async (page: Page, name: string) => {
    await shot(page, name);
    if (await hasHorizontalScroll(page)) {
      const wide = await page.locator('body *').evaluateAll((els) =>
        els
          .filter((e) => e.getBoundingClientRect().right > 361)
          .map((e) => `${e.tagName}.${e.className}`)
          .slice(0, 5),
      );
      expect(wide, `${name}: wider than the screen`).toEqual([]);
    }
    await expectAxeClean(page, name);
  };

  beforeAll(async () => {
    run = await startApp();
    browser = await launchBrowser();
    const deps = { db: run.db, clock: run.clock };
    const org = await createOrganisation(run.db, { clock: run.clock });
    organisation = org;
    verifier = await createStaff(run.db, org, 'verifier', { clock: run.clock });
    family = await createFamily(run.db, { clock: run.clock });
    ({ recordId, caseId: publishedCase } = await publishedFromCase(deps, {
      organisationId: org.id,
      family: family.auth,
      verifier: verifier.auth,
    }));
    await addSyntheticRecords(deps, systemPrincipal('demo'), org.id, syntheticRecords(400));
    // March 1999, no other record then: one death in each of six regions whose rate rounds to 0.04
    // and one whose rate rounds to 0.05 — the ties a small registry is full of.
    await addSyntheticRecords(
      deps,
      systemPrincipal('demo'),
      org.id,
      ['RU-IRK', 'RU-KEM', 'RU-KYA', 'RU-NVS', 'RU-PER', 'RU-SAR', 'RU-ALT'].map((region_code, i) => ({
        surname: `Равнов-${i}`,
        given_name: 'Тест',
        patronymic: null,
        birth_year: 1975,
        region_code,
        unit_number: null,
        unit_name: null,
        rank: null,
        category: 'pmc',
        status: 'dead' as const,
        date: parsePartialDate('03.1999'),
        place: null,
        basis: 'official' as const,
        sources: [{ title: 'Некролог', date: null, url: null }],
      })),
    );
    // Two requests about one man (a mother's and a wife's, as a linkage merge leaves them).
    const wife = await createFamily(run.db, { clock: run.clock });
    mothersCase = (await openCase(deps, family.auth, caseInput(org.id, { surname: 'Двоев' }))).caseId;
    const wifesCase = (await openCase(deps, wife.auth, caseInput(org.id, { surname: 'Двоев' }))).caseId;
    const { person_id } = await run.db
      .selectFrom('cases')
      .select('person_id')
      .where('id', '=', mothersCase)
      .executeTakeFirstOrThrow();
    await run.db.updateTable('cases').set({ person_id }).where('id', '=', wifesCase).execute();
    await run.db.updateTable('events').set({ person_id }).where('case_id', '=', wifesCase).execute();
    await addEvent(
      deps,
      await authoriseCase(run.db, principalOf(verifier.auth), mothersCase, 'add_event'),
      {
        kind: 'death_confirmed',
        date: parsePartialDate('2026-01-22') ?? undefined,
        source: 'official',
        place: 'Курская область',
        description: undefined,
        verification: 'confirmed',
      },
      { reason: 'Извещение военкомата' },
    );
    // A case whose death is confirmed but not yet published: the verifier will do it in the browser.
    caseToPublish = (await openCase(deps, family.auth, caseInput(org.id, { surname: 'Публикуемов' }))).caseId;
    await addEvent(
      deps,
      await authoriseCase(run.db, principalOf(verifier.auth), caseToPublish, 'add_event'),
      {
        kind: 'death_confirmed',
        date: parsePartialDate('2026-01-25') ?? undefined,
        source: 'news',
        place: 'Курская область',
        description: undefined,
        verification: 'confirmed',
      },
      { reason: 'Извещение военкомата' },
    );
  });
  afterAll(async () => {
    await browser?.close();
    await run?.close();
  });

  it('a visitor searches the registry, reads a record, the statistics, the methodology, and writes a request', async () => {
    const ctx = await contextFor();
    const page = await ctx.newPage();
    await page.goto(`${run.baseUrl}/registry`);
    await page.getByRole('heading', { name: 'Открытый реестр' }).waitFor();
    await look(page, 'list');
    await page.getByText('Поиск и отбор').click();
    await page.getByLabel('Фамилия, имя или отчество').fill('Опубликованный');
    await page.getByLabel('Что произошло').selectOption('dead');
    await page.getByRole('button', { name: 'Показать' }).click();
    await page.getByText('Найдена 1 запись.').waitFor();
    expect(page.url()).toContain('q=');
    // The first screen after «Показать» is the results, not the open form again (QA walk 5).
    const onScreen = (top: number) => top >= 0 && top < 740;
    const found = page.getByRole('heading', { name: 'Найдена 1 запись.' });
    expect(onScreen(await found.evaluate((h) => h.getBoundingClientRect().top))).toBe(true);
    // the next page of a long list opens at its records too
    await page.goto(`${run.baseUrl}/registry?status=dead`);
    await page.getByRole('link', { name: 'Следующая страница' }).click();
    await page.waitForURL(/page=2#results-h$/);
    const results = page.locator('#results-h');
    expect(onScreen(await results.evaluate((h) => h.getBoundingClientRect().top))).toBe(true);
    await page.goBack();
    await page.goBack();
    await page.getByRole('link', { name: 'Опубликованный Пётр Сергеевич' }).click();
    await page.getByText('Извещение военного комиссариата').waitFor();
    await page.getByText('официальный документ').waitFor();
    await look(page, 'person');

    await page.getByRole('link', { name: 'Напишите организации, которая её опубликовала' }).click();
    await look(page, 'request');
    await page.getByLabel('Что нужно сделать').selectOption('correct');
    await page.getByLabel('Ваше сообщение', { exact: false }).fill('Неверный год рождения');
    await page.getByRole('button', { name: 'Отправить' }).click();
    await page.getByRole('heading', { name: 'Просьба отправлена' }).waitFor();

    await page.goto(`${run.baseUrl}/registry/statistics`);
    await page.getByRole('heading', { name: 'Погибшие на 100 000 жителей по регионам' }).waitFor();
    expect(await page.locator('svg path').count()).toBeGreaterThan(80);
    // Every region is there: a row each with records, the others named in one line under them.
    const rows = await page.locator('table').first().locator('tbody tr').count();
    const line = page.getByText(/^Нет опубликованных записей в \d+ регион/);
    const without = (await line.count()) > 0 ? ((await line.textContent()) ?? '') : '';
    const named = without ? without.slice(without.indexOf(':') + 1).split(',').length : 0;
    expect(rows).toBeGreaterThan(0);
    expect(rows + named).toBe(85);
    // A row is the region's name over one line of its four figures, not a card of five lines:
    // the cards ran a page with records in most regions to 26,000 px at 360 px (QA walk 4).
    const shapes = await page.locator('#regions tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        lines: new Set([...tr.querySelectorAll('td')].map((td) => Math.round(td.getBoundingClientRect().top))).size,
        height: tr.getBoundingClientRect().height,
      })),
    );
    expect(shapes).toHaveLength(rows);
    expect(shapes.filter((s) => s.lines !== 1)).toEqual([]);
    expect(Math.max(...shapes.map((s) => s.height))).toBeLessThan(100);
    // Its headings stay in sight under the quick-exit bar while the rows scroll.
    await page
      .locator('#regions tbody tr')
      .nth(Math.floor(rows / 2))
      .scrollIntoViewIfNeeded();
    const head = await page.locator('#regions thead').boundingBox();
    expect(head && head.y >= 0 && head.y < 100).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await look(page, 'statistics');
    if (process.env.KT_SHOTS) {
      await page.locator('#map-h').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(os.tmpdir(), 'kt-shot-registry-statistics-map.png') });
      await page.locator('figcaption').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(os.tmpdir(), 'kt-shot-registry-statistics-legend.png') });
      await page.locator('#cat-h').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(os.tmpdir(), 'kt-shot-registry-statistics-bars.png') });
      await page.locator('#months-h').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(os.tmpdir(), 'kt-shot-registry-statistics-months.png') });
    }
    await page.getByText('Отбор', { exact: true }).click();
    await page.getByLabel('Вид службы').selectOption('mobilised');
    // A month as the rest of the site writes it (the filter wanted 2023-05 before).
    await page.getByLabel('С (год или месяц.год)').fill('05.2023');
    await page.getByRole('button', { name: 'Показать' }).click();
    await page.getByRole('heading', { name: 'По месяцам' }).waitFor();
    expect(page.url()).toContain('category=mobilised');
    // the chosen figures are the first screen, the filters' form above them
    expect(onScreen(await page.locator('#figures').evaluate((p) => p.getBoundingClientRect().top))).toBe(true);
    expect(await page.getByLabel('С (год или месяц.год)').inputValue()).toBe('05.2023');
    await shot(page, 'statistics-filtered');
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'statistics-print');
    await page.emulateMedia({ media: 'screen' });

    await page.goto(`${run.baseUrl}/registry/methodology`);
    await page.getByText('Малые числа').waitFor();
    await look(page, 'methodology');
    await page.goto(`${run.baseUrl}/registry/data`);
    await look(page, 'data');
    await ctx.close();
  }, 240_000);

  it('the map’s legend lists only classes that hold a region, under a narrow filter too, in Russian and English', async () => {
    const ctx = await contextFor();
    const page = await ctx.newPage();
    for (const lang of ['ru', 'en'] as const) {
      for (const filter of ['', '&from=1999-01&to=1999-12']) {
        await page.goto(`${run.baseUrl}/registry/statistics?lang=${lang}${filter}`);
        const legend = await page.locator('ul.legend li').allInnerTexts();
        // With few deaths many regions share a rate (two decimals): no class may read «0,04 — 0,04».
        const ranges = legend.map((l) => l.trim()).filter((l) => l.includes(' — '));
        for (const r of ranges) {
          const [from, to] = r.split(' — ');
          expect(from, `${lang}${filter}: ${legend.join(' | ')}`).not.toBe(to);
        }
        // every colour in the legend is on the map
        const fills = new Set(
          await page.locator('#map-h ~ figure svg [fill]').evaluateAll((els) => els.map((e) => e.getAttribute('fill'))),
        );
        const swatches = await page
          .locator('ul.legend li svg rect')
          .evaluateAll((els) => els.map((e) => e.getAttribute('fill')));
        for (const colour of swatches.slice(1)) expect(fills.has(colour), `${lang}${filter}: ${colour}`).toBe(true);
      }
      await look(page, `statistics-narrow-${lang}`);
    }
    await ctx.close();
  });

  // The "by month" download took only the category: a visitor who chose a period downloaded every
  // month there is. She chooses a period on the page and downloads exactly the page's series.
  it('the by-month download holds the period chosen on the statistics page, in Russian and English', async () => {
    const ctx = await contextFor();
    const page = await ctx.newPage();
    for (const lang of ['ru', 'en'] as const) {
      const ru = lang === 'ru';
      await page.goto(`${run.baseUrl}/registry/statistics?lang=${lang}`);
      await page.getByText(ru ? 'Отбор' : 'Filter', { exact: true }).click();
      await page.getByLabel(ru ? 'С (год или месяц.год)' : 'From (year or month.year)').fill('05.2023');
      await page.getByLabel(ru ? 'По (год или месяц.год)' : 'To (year or month.year)').fill('12.2023');
      await page.getByRole('button', { name: ru ? 'Показать' : 'Show' }).click();
      const section = page.locator('section', {
        has: page.getByRole('heading', { name: ru ? 'По месяцам' : 'By month' }),
      });
      await section.waitFor();
      // The months the page shows for the period (its table under the chart).
      const shown = (await section.locator('table tbody th').allInnerTexts()).map((m) => m.trim());
      expect(shown.length).toBeGreaterThan(0);
      // The first screen shot shows the links under the table.
      await section.getByRole('link', { name: 'CSV' }).scrollIntoViewIfNeeded();
      await look(page, `statistics-period-${lang}`);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        section.getByRole('link', { name: 'CSV' }).click(),
      ]);
      expect(download.url()).toContain('from=2023-05&to=2023-12');
      const file = await download.path();
      const lines = fs.readFileSync(file, 'utf8').trim().split('\r\n').slice(1);
      const months = lines
        .map((l) => l.split(','))
        .filter((r) => r[1] === 'month')
        .map((r) => r[0]);
      // Exactly the page's months (written 05.2023 on the page, 2023-05 in the file), none outside the period.
      expect(months.map((m) => `${m.slice(5)}.${m.slice(0, 4)}`)).toEqual(shown);
      for (const m of months) expect(m >= '2023-05' && m <= '2023-12', m).toBe(true);
    }
    await ctx.close();
  });

  it('the verifier publishes from a case with the page’s own forms; the family can refuse', async () => {
    const ctx = await contextFor(verifier.cookies);
    const page = await ctx.newPage();
    await page.goto(`${run.baseUrl}/staff/registry`);
    await look(page, 'desk');
    await page.getByRole('link', { name: 'Публикуемов Пётр Сергеевич' }).click();
    await page
      .getByText('опубликованный источник, который методика принимает отдельно', { exact: false })
      .first()
      .waitFor();
    await look(page, 'publication');
    await page.getByLabel('Почему').selectOption('family_asked');
    await page.getByRole('button', { name: 'Записать причину' }).click();
    await page.getByText('Причина записана.').waitFor();
    await page.getByLabel('Источник 1: название').fill('Некролог в районной газете');
    await page.getByLabel('Дата').first().fill('02.2026');
    await page.getByRole('button', { name: 'Опубликовать' }).click();
    await page.getByText('Запись опубликована.').waitFor();
    await shot(page, 'published');
    await page.getByRole('link', { name: 'Открыть публичную страницу' }).click();
    await page.getByText('Некролог в районной газете').waitFor();
    const publicUrl = page.url();
    await ctx.close();

    const fam = await contextFor(family.cookies);
    const fpage = await fam.newPage();
    await fpage.goto(`${run.baseUrl}/cases/${caseToPublish}`);
    await fpage.getByText('Сведения о человеке опубликованы в открытом реестре.').waitFor();
    await fpage.getByRole('link', { name: 'Публикация в открытом реестре' }).click();
    await look(fpage, 'family-choice');
    await fpage.getByLabel('Не публиковать').check();
    await fpage.getByRole('button', { name: 'Сохранить' }).click();
    await fpage.getByText('Ваш выбор сохранён.').waitFor();
    // Her choice took the record off the registry at once; the family's other person stays.
    expect((await fpage.goto(publicUrl))?.status()).toBe(404);
    expect((await fpage.goto(`${run.baseUrl}/registry/persons/${recordId}`))?.status()).toBe(200);
    await fam.close();
  }, 240_000);

  it('a withdrawn record is offered to the verifier only for a new notice, not for publishing at once, in Russian and English', async () => {
    const ctx = await contextFor(verifier.cookies);
    const page = await ctx.newPage();
    await page.goto(`${run.baseUrl}/staff/registry/records/${recordId}`);
    await page.getByLabel('Причина').selectOption('error');
    await page.getByRole('button', { name: 'Убрать из реестра' }).click();
    await page.getByText('Запись убрана из реестра.').waitFor();
    for (const [lang, words] of [
      ['ru', { announce: 'Сообщить семье о подготовке публикации', notTold: 'Семье ещё не сообщали.' }],
      [
        'en',
        { announce: 'Tell the family a publication is being prepared', notTold: 'The family has not been told yet.' },
      ],
    ] as const) {
      await page.goto(`${run.baseUrl}/staff/registry/cases/${publishedCase}?lang=${lang}`);
      // Its first notice (and the waiver of its first publication) are spent: tell the family again.
      await page.getByText(words.notTold).waitFor();
      await page.getByRole('button', { name: words.announce }).waitFor();
      expect(await page.locator('form[action$="/publish"]').count()).toBe(0);
      await look(page, `withdrawn-publication-${lang}`);
    }
    await ctx.close();
  });

  it('the mother asking for publication does not take the wife’s notice days away, in Russian and English', async () => {
    const ctx = await contextFor(verifier.cookies);
    const page = await ctx.newPage();
    await page.goto(`${run.baseUrl}/staff/registry/cases/${mothersCase}`);
    await page.getByLabel('Почему').selectOption('family_asked');
    await page.getByRole('button', { name: 'Записать причину' }).click();
    await page.getByText('Причина записана.').waitFor();
    for (const [lang, words] of [
      ['ru', { waived: 'семья сама просит опубликовать', told: 'публикация возможна с 09.03.2026' }],
      ['en', { waived: 'the family itself asks for publication', told: 'publication possible from 09.03.2026' }],
    ] as const) {
      await page.goto(`${run.baseUrl}/staff/registry/cases/${mothersCase}?lang=${lang}`);
      await page.getByText(words.waived, { exact: false }).first().waitFor();
      await page.getByText(words.told, { exact: false }).waitFor();
      expect(await page.locator('form[action$="/publish"]').count()).toBe(0);
      await look(page, `two-families-notice-${lang}`);
    }
    await ctx.close();
  });

  // Last in the file: it moves the clock a week on. The family's notice is counted in Moscow days:
  // told at 00:30 in Moscow (21:30 UTC the day before), she has seven Moscow days, and the verifier
  // may publish from Moscow midnight — not at 21:00 UTC on her sixth day, as with UTC days.
  it('the family’s notice is counted in Moscow days around midnight, in Russian and English', async () => {
    const clock = run.clock as ManualClock;
    const deps = { db: run.db, clock };
    clock.set('2026-03-02T21:30:00.000Z');
    const { caseId } = await openCase(deps, family.auth, caseInput(organisation.id, { surname: 'Полуночный' }));
    await confirmDeath(deps, verifier.auth, caseId);
    const pageAt = async (at: string) => {
      clock.set(at);
      // A staff session a week old has ended: the verifier logs in afresh.
      const staff = await createStaff(run.db, organisation, 'verifier', { clock });
      const ctx = await contextFor(staff.cookies);
      return ctx.newPage();
    };
    let page = await pageAt('2026-03-02T21:30:00.000Z');
    await page.goto(`${run.baseUrl}/staff/registry/cases/${caseId}`);
    await page.getByRole('button', { name: 'Сообщить семье о подготовке публикации' }).click();
    await page.getByText('Семье сообщено 03.03.2026; публикация возможна с 10.03.2026.').waitFor();
    await look(page, 'notice-told-after-midnight');
    await page.context().close();
    // 23:59 on 9 March in Moscow: her seventh day, nothing to publish yet.
    page = await pageAt('2026-03-09T20:59:00.000Z');
    for (const [lang, told] of [
      ['ru', 'Семье сообщено 03.03.2026; публикация возможна с 10.03.2026.'],
      ['en', 'Family told 03.03.2026; publication possible from 10.03.2026.'],
    ] as const) {
      await page.goto(`${run.baseUrl}/staff/registry/cases/${caseId}?lang=${lang}`);
      await page.getByText(told).waitFor();
      expect(await page.locator('form[action$="/publish"]').count(), lang).toBe(0);
      await look(page, `notice-last-evening-${lang}`);
    }
    await page.context().close();
    // Midnight in Moscow (21:00 UTC on the 9th): the form to publish is there.
    page = await pageAt('2026-03-09T21:00:00.000Z');
    for (const [lang, publish] of [
      ['ru', 'Опубликовать'],
      ['en', 'Publish'],
    ] as const) {
      await page.goto(`${run.baseUrl}/staff/registry/cases/${caseId}?lang=${lang}`);
      await page.getByRole('button', { name: publish, exact: true }).waitFor();
      await look(page, `notice-over-at-midnight-${lang}`);
    }
    await page.context().close();
  });
});
