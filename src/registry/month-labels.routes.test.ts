import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { createOrganisation } from '../../test/helpers/factories.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { systemPrincipal } from '../policy/principal.ts';
import { addSyntheticRecords, type SyntheticRecord } from './synthetic-records.service.ts';
import { syntheticRecord } from './synthetic-record.test-helper.ts';

// A QA walk of the statistics page as a visitor: the table by month read «2022-02», «2022-03»
// down a phone's screen, where every other page (the registry's list, a record, the filters'
// examples) writes a month 02.2022. The page's table says 03.2024; the files and the API keep the
// sortable 2024-03.

const record = (date: string): SyntheticRecord =>
  syntheticRecord({ surname: 'Месяцев-ДЕМО', date: parsePartialDate(date) });

describe('the statistics page’s table by month', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp('sqlite');
    const org = await createOrganisation(t.opened.db, { clock: t.clock });
    await addSyntheticRecords({ db: t.opened.db, clock: t.clock }, systemPrincipal('demo'), org.id, [
      record('03.2024'),
      record('15.11.2023'),
    ]);
  });
  afterAll(() => t?.close());

  it('writes each month as 03.2024 in both languages; the file keeps 2024-03', async () => {
    for (const lang of ['ru', 'en']) {
      const page = (await t.app.inject({ method: 'GET', url: `/registry/statistics?lang=${lang}` })).body;
      const months = /<section aria-labelledby="months-h">([\s\S]*?)<\/section>/.exec(page)?.[1] ?? '';
      const rows = [...months.matchAll(/<th scope="row">([^<]*)<\/th>/g)].map((m) => m[1]);
      // The months between are in the series too, with nothing in them.
      expect(rows, lang).toEqual(['11.2023', '12.2023', '01.2024', '02.2024', '03.2024']);
    }
    const csv = (await t.app.inject({ method: 'GET', url: '/registry/data/months.csv' })).body;
    expect(csv).toContain('\r\n2023-11,month,1,0,');
    expect(csv).toContain('\r\n2024-03,month,1,0,');
  });
});
