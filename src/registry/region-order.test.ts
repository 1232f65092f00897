import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/helpers/app.ts';

// The regions table of /registry/statistics lists the highest rate first; regions with the same
// rate (all of them on a new site, most of them under a narrow filter) were ordered by their ISO
// code, which reads as no order at all in Russian (Адыгея, Алтай, Алтайский край… Бурятия,
// Чечня, Челябинск, Чукотка, Чувашия, Дагестан…). They follow the page's alphabet now. A region
// with no published record is not a card of zeros but a name in one line under the table (a new
// site has only those): the line follows the same alphabet.

const rowNames = (html: string): string[] => {
  const line =
    /<p class="muted">(?:Нет опубликованных записей в|No published records in) \d+ [^:]+: ([^<]+)\.<\/p>/.exec(html);
  return line ? line[1].split(', ') : [];
};

describe('the regions with equal rates (none published: all of them)', () => {
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
