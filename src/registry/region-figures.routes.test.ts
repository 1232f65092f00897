import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { createOrganisation } from '../../test/helpers/factories.ts';
import { systemPrincipal } from '../policy/principal.ts';
import { addSyntheticRecords } from './synthetic-records.service.ts';
import { syntheticRecords } from '../demo/demo-registry.data.ts';
import { numberFormat } from './charts.views.tsx';
import type { RegionFigures } from './statistics.service.ts';

// The regions of /registry/statistics, most of them with records: a card each ran the page to
// 26,000 px at 360 px (QA walk 4). Each region is now one row of a compact table (its name over
// one line of its figures on a phone, table.figures.stacked), and a visitor may order the rows
// by links that need no JavaScript. Every figure is the one the API publishes, in every order.

/** A region as the API publishes it (GET /api/v1/statistics/regions). */
type Region = RegionFigures;

/** The regions table's rows as the page writes them: the name and its four figures. */
const rowsOf = (html: string): string[][] => {
  const table = /<table class="figures stacked" id="regions">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  return [...table.matchAll(/<tr><th scope="row">([^<]*)<\/th>((?:<td>[^<]*<\/td>)+)<\/tr>/g)].map((m) => [
    m[1],
    ...[...m[2].matchAll(/<td>([^<]*)<\/td>/g)].map((c) => c[1]),
  ]);
};

describe('the regions of the statistics page, most of them with records', () => {
  let t: TestApp;
  let regions: Region[];
  beforeAll(async () => {
    t = await testApp('sqlite');
    const org = await createOrganisation(t.opened.db, { clock: t.clock });
    await addSyntheticRecords(
      { db: t.opened.db, clock: t.clock },
      systemPrincipal('demo'),
      org.id,
      syntheticRecords(1500),
    );
    regions = (await t.app.inject({ method: 'GET', url: '/api/v1/statistics/regions' })).json().regions;
  });
  afterAll(async () => {
    await t?.close();
  });
  const page = (q = '') => t.app.inject({ method: 'GET', url: `/registry/statistics${q}` });

  it('draws a row, not a card, for each region with records, with every figure the API publishes', async () => {
    for (const lang of ['ru', 'en'] as const) {
      const res = await page(`?lang=${lang}`);
      expect(res.statusCode).toBe(200);
      const rows = rowsOf(res.body);
      const withRecords = regions.filter((r) => r.deaths > 0 || r.missing > 0);
      expect(withRecords.length).toBeGreaterThan(60);
      expect(rows).toHaveLength(withRecords.length);
      const n = numberFormat(lang);
      const rate = numberFormat(lang, 2);
      const expected = withRecords.map((r) => [
        lang === 'ru' ? r.name_ru : r.name_en,
        n.format(r.deaths),
        n.format(r.missing),
        r.population === null ? '—' : n.format(r.population),
        r.deaths_per_100k === null ? '—' : rate.format(r.deaths_per_100k),
      ]);
      expect([...rows].sort()).toEqual([...expected].sort());
      // the highest rate first, as before
      const rates = rows.map((r) => Number(r[4].replace(',', '.')));
      expect(rates).toEqual([...rates].sort((a, b) => b - a));
      // no region of the regions' table is a card any more (its cells carry no card labels)
      const table = res.body.slice(
        res.body.indexOf('id="regions"'),
        res.body.indexOf('</table>', res.body.indexOf('id="regions"')),
      );
      expect(table).not.toContain('data-label');
    }
  });

  it('orders the rows by name, deaths or missing through links that keep the filter', async () => {
    const ru = await page('?category=mobilised');
    expect(ru.body).toContain('<strong aria-current="true">на 100\u00a0000 жителей</strong>');
    expect(ru.body).toContain('href="/registry/statistics?category=mobilised&amp;sort=name#regions"');
    expect(ru.body).toContain('href="/registry/statistics?category=mobilised&amp;sort=deaths#regions"');

    const byName = rowsOf((await page('?sort=name')).body).map((r) => r[0]);
    expect(byName).toEqual([...byName].sort(new Intl.Collator('ru').compare));
    const byNameEn = rowsOf((await page('?sort=name&lang=en')).body).map((r) => r[0]);
    expect(byNameEn).toEqual([...byNameEn].sort(new Intl.Collator('en').compare));
    const byDeaths = rowsOf((await page('?sort=deaths')).body).map((r) => Number(r[1].replace(/\s/g, '')));
    expect(byDeaths).toEqual([...byDeaths].sort((a, b) => b - a));
    const byMissing = rowsOf((await page('?sort=missing')).body).map((r) => Number(r[2].replace(/\s/g, '')));
    expect(byMissing).toEqual([...byMissing].sort((a, b) => b - a));

    // the same rows and figures in every order
    const all = rowsOf((await page()).body);
    expect([...rowsOf((await page('?sort=name')).body)].sort()).toEqual([...all].sort());

    // the filter form keeps the order; an order the page does not know is the usual one
    const named = await page('?sort=name&category=mobilised');
    expect(named.body).toContain('<input type="hidden" name="sort" value="name"');
    expect(named.body).toContain('Регионы (по алфавиту)');
    const odd = await page('?sort=nonsense');
    expect(odd.statusCode).toBe(200);
    expect(rowsOf(odd.body)).toEqual(all);
  });
});
