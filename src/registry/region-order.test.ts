import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/helpers/app.ts';

// The regions table of /registry/statistics lists the highest rate first; regions with the same
// rate (all of them on a new site, most of them under a narrow filter) were ordered by their ISO
// code, which reads as no order at all in Russian (Адыгея, Алтай, Алтайский край… Бурятия,
// Чечня, Челябинск, Чукотка, Чувашия, Дагестан…). They follow the page's alphabet now.

const rowNames = (html: string): string[] => {
  const table = html.slice(html.indexOf('<table class="cards">'), html.indexOf('</table>'));
  return [...table.matchAll(/<th scope="row">([^<]+)<\/th>/g)].map((m) => m[1]);
};

describe('the regions table with equal rates', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp('sqlite');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists them alphabetically in the page’s language', async () => {
    for (const lang of ['ru', 'en'] as const) {
      const res = await t.app.inject({ method: 'GET', url: `/registry/statistics?lang=${lang}` });
      expect(res.statusCode).toBe(200);
      const names = rowNames(res.body);
      expect(names.length).toBeGreaterThan(80);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, lang)));
    }
    const ru = rowNames((await t.app.inject({ method: 'GET', url: '/registry/statistics?lang=ru' })).body);
    expect(ru.slice(0, 3)).toEqual(['Алтайский край', 'Амурская область', 'Архангельская область']);
  });
});
