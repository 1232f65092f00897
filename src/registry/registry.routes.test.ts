import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { DIALECTS } from '../../test/helpers/db.ts';
import {
  createFamily,
  createOrganisation,
  createStaff,
  submitForm,
  type TestUser,
} from '../../test/helpers/factories.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { principalOf, systemPrincipal } from '../policy/principal.ts';
import { grantRegistry } from '../policy/registry.policy.ts';
import { addSyntheticRecords, type SyntheticRecord } from './synthetic-records.service.ts';
import { syntheticRecords } from '../demo/demo-registry.data.ts';
import { publishedFromCase } from './registry.fixtures.ts';
import { requestsOfOrganisation } from './requests.service.ts';
import { refreshRequestStatistics } from './request-stats.service.ts';
import { replaceRequestStats } from './registry.repository.ts';
import { forgetVersion } from './registry-version.ts';
import { rotateOrganisationKey } from '../accounts/org-key-rotation.service.ts';

// The registry over HTTP on both databases: the API's shape and its 400s, caching and CORS, the
// downloads (and their safety in a spreadsheet), the public pages for visitors with and without a
// session, a relative's sealed request, and the suppressed table of open requests.

const HOSTILE: SyntheticRecord = {
  surname: 'Формулов-ДЕМО',
  given_name: 'Тест',
  patronymic: null,
  birth_year: 1990,
  region_code: 'RU-TY',
  unit_number: null,
  unit_name: '=HYPERLINK("http://evil.example","нажми")',
  rank: null,
  category: 'mobilised',
  status: 'dead',
  date: parsePartialDate('03.2024'),
  place: '+7 999 000',
  basis: 'official',
  sources: [{ title: '@SUM(A1:A9)', date: null, url: 'https://example.org/obituary' }],
};

describe.each(DIALECTS)('registry over HTTP (%s)', (dialect) => {
  let t: TestApp;
  let verifier: TestUser;
  let admin: TestUser;
  let recordId: string;
  let orgId: string;
  beforeAll(async () => {
    t = await testApp(dialect);
    const db = t.opened.db;
    const org = await createOrganisation(db, { clock: t.clock });
    orgId = org.id;
    verifier = await createStaff(db, org, 'verifier', { clock: t.clock });
    admin = await createStaff(db, org, 'org_admin', { clock: t.clock });
    const family = await createFamily(db, { clock: t.clock });
    recordId = (
      await publishedFromCase(
        { db, clock: t.clock },
        { organisationId: org.id, family: family.auth, verifier: verifier.auth },
      )
    ).recordId;
    await addSyntheticRecords({ db, clock: t.clock }, systemPrincipal('demo'), org.id, [
      HOSTILE,
      ...syntheticRecords(118),
    ]);
  });
  afterAll(() => t?.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  it('answers /api/v1/statistics/regions with exactly the listed fields, an ETag, caching and CORS', async () => {
    const res = await get('/api/v1/statistics/regions');
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['cache-control']).toMatch(/^public, max-age=60/);
    // What names a person is asked for again each time (answered 304 while nothing changed): a
    // withdrawn record is never shown from a copy.
    for (const url of ['/registry', '/api/v1/persons', '/registry/data/persons.csv'])
      expect((await get(url)).headers['cache-control'], url).toBe('public, no-cache');
    const body = res.json();
    expect(body.regions).toHaveLength(85);
    for (const r of body.regions)
      expect(Object.keys(r).sort()).toEqual(
        [
          'deaths',
          'deaths_per_100k',
          'missing',
          'name_en',
          'name_ru',
          'population',
          'population_year',
          'region',
        ].sort(),
      );
    expect(body.regions.reduce((a: number, r: { population: number }) => a + r.population, 0)).toBe(147_182_123);
    const tuva = body.regions.find((r: { region: string }) => r.region === 'RU-TY');
    expect(tuva.deaths_per_100k).toBe(Math.round((tuva.deaths / tuva.population) * 100_000 * 100) / 100);
    expect(body.totals.deaths + body.totals.missing).toBe(120);
    expect(body.as_of).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const again = await get('/api/v1/statistics/regions', { 'if-none-match': String(res.headers.etag) });
    expect(again.statusCode).toBe(304);
    const months = (await get('/api/v1/statistics/months?region=RU-TY')).json();
    expect(months.months.length).toBeGreaterThan(0);
  });

  it('pages /api/v1/persons in a stable order and gives one person by id', async () => {
    const p1 = (await get('/api/v1/persons?per_page=50')).json();
    const p2 = (await get('/api/v1/persons?per_page=50&page=2')).json();
    expect(p1).toMatchObject({ total: 120, pages: 3, page: 1 });
    const ids = [...p1.persons, ...p2.persons].map((p: { id: string }) => p.id);
    expect(new Set(ids).size).toBe(100);
    expect(p1.persons[0].id).toBe(recordId);
    const one = (await get(`/api/v1/persons/${recordId}`)).json();
    expect(one.person).toMatchObject({
      surname: 'Опубликованный',
      status: 'dead',
      date: '2026-01-20',
      basis: 'official',
    });
    expect(JSON.stringify(one)).not.toMatch(/МАРКЕР|mother|requester/);
    expect((await get('/api/v1/persons?q=formulov')).json().total).toBe(1);
  });

  it('refuses bad requests with 400 and a message naming the problem, never 500', async () => {
    const bad = async (url: string, pattern: RegExp) => {
      const res = await get(url, { 'accept-language': 'en' });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().message, url).toMatch(pattern);
    };
    await bad('/api/v1/persons?colour=red', /Unknown parameters: colour/);
    await bad('/api/v1/persons?page=99', /no such page.*3 pages/);
    await bad('/api/v1/persons?page=0', /page/);
    // per_page's own words, not the page number's (QA walk 5)
    await bad('/api/v1/persons?per_page=501', /per_page: Records per page is a whole number from 1 to 500\./);
    await bad('/api/v1/persons?per_page=0', /per_page: Records per page/);
    await bad('/api/v1/persons?page=1&page=2', /page/);
    // Two problems read as two sentences, not «region.; per_page» (QA walk 5), in both languages.
    const both = '/api/v1/persons?region=RU-XX&per_page=501';
    expect((await get(both, { 'accept-language': 'en' })).json().message).toBe(
      'region: Unknown region code. per_page: Records per page is a whole number from 1 to 500.',
    );
    expect((await get(both, { 'accept-language': 'ru' })).json().message).toBe(
      'region: Неизвестный код региона. per_page: Записей на странице — целое число от 1 до 500.',
    );
    await bad('/api/v1/persons?region=RU-XX', /region/i);
    await bad('/api/v1/persons?from=2024-13', /from/);
    await bad('/api/v1/statistics/regions?from=2024&to=2023', /end of the period/);
    await bad('/api/v1/statistics/months?status=dead', /Unknown parameters: status/);
    await bad('/api/v1/statistics/months?from=2024&to=2023', /end of the period/);
    await bad('/api/v1/persons/12345', /UUID/);
    expect((await get('/api/v1/persons/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('downloads every table as CSV and JSON, with no cell a spreadsheet would execute', async () => {
    const csv = await get('/registry/data/persons.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines).toHaveLength(121);
    const hostile = lines.find((l) => l.includes('Формулов'))!;
    expect(hostile).toContain(`"'=HYPERLINK(""http://evil.example"",""нажми"")"`);
    expect(hostile).toContain("'+7 999 000");
    expect(hostile).toContain("'@SUM(A1:A9)");
    expect(csv.body).not.toMatch(/(^|,)[=+@]/m);
    const json = (await get('/registry/data/persons.json')).json();
    expect(json.persons).toHaveLength(120);
    const regions = await get('/registry/data/regions.csv?category=mobilised');
    expect(regions.body.split('\r\n')[0]).toBe(
      '\ufeffregion,name_ru,name_en,deaths,missing,population,population_year,deaths_per_100k,as_of',
    );
    for (const file of ['months.json', 'categories.csv', 'requests.json'])
      expect((await get(`/registry/data/${file}`)).statusCode, file).toBe(200);
    expect((await get('/registry/data/secrets.csv')).statusCode).toBe(404);
  });

  // The page's "by month" download took only the category: a visitor who chose a period on the
  // statistics page downloaded every month there is. It takes the page's period, as the others do.
  it('downloads the series by month for the period chosen on the statistics page, as the other tables', async () => {
    const page = (await get('/registry/statistics?from=03.2024&to=2024-08')).body;
    const link = (file: string) =>
      new RegExp(`href="(/registry/data/${file.replace('.', '\\.')}[^"]*)"`).exec(page)?.[1].replaceAll('&amp;', '&');
    expect(link('months.csv')).toBe('/registry/data/months.csv?from=2024-03&to=2024-08');
    expect(link('months.json')).toBe('/registry/data/months.json?from=2024-03&to=2024-08');
    expect(link('regions.csv')).toBe('/registry/data/regions.csv?from=2024-03&to=2024-08');
    const rows = async (url: string) =>
      (await get(url)).body
        .trim()
        .split('\r\n')
        .slice(1)
        .map((l) => l.split(','));
    const inPeriod = await rows(link('months.csv')!);
    const months = inPeriod.filter((r) => r[1] === 'month').map((r) => [r[0], Number(r[2]), Number(r[3])]);
    // Exactly the page's own series for that period: the same months, the same numbers.
    const api = (await get('/api/v1/statistics/regions?from=2024-03&to=2024-08')).json();
    expect(months.length).toBeGreaterThan(0);
    for (const [month] of months) expect(month >= '2024-03' && month <= '2024-08', String(month)).toBe(true);
    const total = months.reduce((sum, [, deaths, missing]) => sum + Number(deaths) + Number(missing), 0);
    expect(total).toBe(api.totals.deaths + api.totals.missing);
    // Nothing dated only to a year or not at all lies wholly inside a period of months.
    expect(inPeriod.filter((r) => r[1] !== 'month').map((r) => [r[1], r[2], r[3]])).toEqual([['none', '0', '0']]);
    // Not the whole series: without the period there are months outside it.
    const all = (await rows('/registry/data/months.csv')).filter((r) => r[1] === 'month').map((r) => r[0]);
    expect(all.some((m) => m < '2024-03' || m > '2024-08')).toBe(true);
    // The JSON download and the API say which period they hold, and count the same.
    const json = (await get(link('months.json')!)).json();
    expect(json.filters).toMatchObject({ from: '2024-03', to: '2024-08' });
    expect(
      json.rows.filter((r: { precision: string }) => r.precision === 'month').map((r: { period: string }) => r.period),
    ).toEqual(months.map(([m]) => m));
    const byApi = (await get('/api/v1/statistics/months?from=03.2024&to=2024-08')).json();
    expect(byApi.filters).toEqual({ category: null, region: null, from: '2024-03', to: '2024-08' });
    expect(
      byApi.months.map((m: { month: string; deaths: number; missing: number }) => [m.month, m.deaths, m.missing]),
    ).toEqual(months);
    // With a category too, the three filters travel together.
    const both = (await get('/registry/statistics?category=mobilised&from=2024-03&to=2024-08')).body;
    expect(both).toContain('href="/registry/data/months.csv?category=mobilised&amp;from=2024-03&amp;to=2024-08"');
    // A reversed period is refused, as for the other downloads.
    expect((await get('/registry/data/months.csv?from=2024-08&to=2024-03')).statusCode).toBe(400);
  });

  it('serves public pages from the cache to visitors without a session, private ones to the logged in', async () => {
    const anon = await get('/registry/statistics', { 'accept-encoding': 'br' });
    expect(anon.statusCode).toBe(200);
    expect(anon.headers['content-encoding']).toBe('br');
    expect(anon.headers['cache-control']).toMatch(/^public/);
    expect(anon.headers['set-cookie']).toBeUndefined();
    const html = (await get('/registry/statistics')).body;
    expect(html).toContain('<svg');
    expect(html).toContain('Республика Тыва');
    expect(html).not.toContain('<img');
    const logged = await t.app.inject({ method: 'GET', url: '/registry/statistics', cookies: verifier.cookies });
    expect(logged.headers['cache-control']).toBe('no-store');
    expect(logged.body).toContain('/staff/registry');
    expect((await get('/registry?page=99')).statusCode).toBe(400);
    expect((await get('/registry?region=nowhere')).statusCode).toBe(400);
    expect((await get('/registry?utm_source=x&q=formulov')).body).toContain('Формулов-ДЕМО');
    const person = (await get(`/registry/persons/${recordId}`)).body;
    expect(person).toContain('Извещение военного комиссариата');
    // A whole date needs no note that it is whole («02.05.2024 (известна дата)», QA walk 9).
    expect(person).toMatch(/\d\d\.\d\d\.\d{4}/);
    expect(person).not.toContain('известна дата');
    // Published at 09:00 UTC: read in Moscow's time, naming the zone, as every other page of the site.
    expect(person).toContain('Опубликовано 02.03.2026 12:00 (Москва, UTC+3)');
    expect((await get('/registry/persons/not-an-id')).statusCode).toBe(404);
    expect((await get('/registry/methodology')).body).toContain('147');
  });

  // The site writes a month as 05.2023 everywhere but the registry's period filters wanted 2023-05:
  // both are read, links and the API stay ISO, and the form shows the month as the site writes it.
  it('reads a period typed as 05.2023 as well as 2023-05', async () => {
    const dotted = await get('/registry?from=01.2024&to=6.2026');
    expect(dotted.statusCode).toBe(200);
    expect(dotted.body).toContain('value="01.2024"');
    expect(dotted.body).toContain('value="06.2026"');
    const total = (url: string) => get(url).then((r) => r.json().total as number);
    expect(await total('/api/v1/persons?from=01.2024&to=6.2026')).toBe(
      await total('/api/v1/persons?from=2024-01&to=2026-06'),
    );
    expect(await total('/api/v1/persons?from=03.2024&to=03.2024')).toBeGreaterThanOrEqual(1);
    const stats = await get('/registry/statistics?from=05.2023');
    expect(stats.statusCode).toBe(200);
    expect(stats.body).toContain('value="05.2023"');
    expect((await get('/registry?from=13.2023')).statusCode).toBe(400);
    expect((await get('/registry?from=13.2023')).body).toContain('месяц и год (05.2023)');
  });

  it('seals a relative’s request to the publishing organisation, and only its verifiers read it', async () => {
    const { res } = await submitForm(t.app, `/registry/persons/${recordId}/request`, {
      kind: 'correct',
      message: 'Год рождения неверный: ЗАПРОС-МАРКЕР-5521',
      contact: 'signal: маркер',
    });
    expect(res.statusCode).toBe(303);
    const rows = await t.opened.db.selectFrom('registry_requests').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain('ЗАПРОС-МАРКЕР');
    const grant = grantRegistry(principalOf(verifier.auth), orgId, 'read_requests');
    const seen = await requestsOfOrganisation({ db: t.opened.db, clock: t.clock }, grant, 'new');
    expect(seen.map((r) => r.message)).toContain('Год рождения неверный: ЗАПРОС-МАРКЕР-5521');
    // Replacing the organisation key re-seals the requests too: they still open afterwards.
    await rotateOrganisationKey({ db: t.opened.db, clock: t.clock, config: t.config }, admin.auth, orgId);
    const after = await requestsOfOrganisation({ db: t.opened.db, clock: t.clock }, grant, 'new');
    expect(after.map((r) => r.contact)).toContain('signal: маркер');
  });

  it('refuses a too-long request with its limit and hands the whole message back', async () => {
    const message = `${'Год рождения в записи неверный. '.repeat(950)}КОНЕЦ-ЗАПРОСА-3108`;
    const { res } = await submitForm(t.app, `/registry/persons/${recordId}/request`, { kind: 'correct', message });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('не больше 3\u00a0000');
    expect(res.body).toContain(message);
    expect(res.body).not.toMatch(/<textarea[^>]*maxlength/i);
  });

  it('speaks to journalists and families, not developers, on the methodology and open data pages', async () => {
    const textOf = (html: string) => html.replace(/<[^>]*>/g, ' ');
    for (const lang of ['ru', 'en']) {
      const page = (await get(`/registry/methodology?lang=${lang}`)).body;
      expect(page).not.toContain('<!--dev');
      const methodology = textOf(page);
      for (const word of ['.md', 'README', 'openapi.yaml', 'src/', 'REGISTRY_', 'kintrace export'])
        expect(methodology, `${lang}: ${word}`).not.toContain(word);
      // the settings are said as numbers (threshold 5, notice 7 days by default)
      expect(methodology).toMatch(
        lang === 'ru' ? /каждая ячейка меньше 5,\s+включая ноль/ : /every cell below 5, zero\s+included/,
      );
      const data = textOf((await get(`/registry/data?lang=${lang}`)).body);
      for (const word of ['ETag', 'Cache-Control', 'CORS']) expect(data, `${lang}: ${word}`).not.toContain(word);
    }
    // the API description is still linked for programmers
    expect((await get('/registry/methodology')).body).toContain('href="/api/v1/openapi.yaml"');
  });

  it('lists only regions with a published number of open requests; the rest are said together', async () => {
    // As the daily job stores a table: Moscow 12, the Nenets okrug hidden (under the threshold).
    await replaceRequestStats(
      t.opened.db,
      [
        { region_code: 'RU-MOW', open_cases: 12 },
        { region_code: 'RU-NEN', open_cases: null },
        { region_code: 'RU-SPE', open_cases: null },
      ],
      { at: t.clock.now().toISOString(), total: 15, threshold: 5 },
    );
    forgetVersion(t.opened.db);
    const ru = (await get('/registry/statistics')).body;
    const section = (page: string) => page.slice(page.indexOf('id="requests-h"')).split('</section>')[0];
    const requests = section(ru);
    expect(requests).toContain('Москва');
    expect(requests).not.toContain('Ненецкий');
    expect(requests).not.toContain('скрыто</td>');
    expect(requests).toContain('В остальных регионах открытых запросов меньше 5 (может быть, ни одного)');
    const en = (await get('/registry/statistics?lang=en')).body;
    expect(section(en)).toContain('fewer than 5 open requests (perhaps none)');
  });

  it('publishes open requests per region only after suppression', async () => {
    const r = await refreshRequestStatistics(
      { db: t.opened.db, clock: t.clock, threshold: 5 },
      systemPrincipal('scheduler'),
    );
    // One open case (RU-ROS): the total is under the threshold, so everything is hidden.
    expect(r.total).toBeNull();
    const json = (await get('/registry/data/requests.json')).json();
    expect(json.total).toBeNull();
    expect(json.rows.every((x: { open_requests: number | null }) => x.open_requests === null)).toBe(true);
    await expect(
      refreshRequestStatistics({ db: t.opened.db, clock: t.clock, threshold: 5 }, principalOf(verifier.auth)),
    ).rejects.toMatchObject({ kind: 'not_found' });
  });
});
