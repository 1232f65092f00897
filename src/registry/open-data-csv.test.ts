import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { DIALECTS } from '../../test/helpers/db.ts';
import { createFamily, createOrganisation, createStaff } from '../../test/helpers/factories.ts';
import { toCsv } from './open-data.ts';
import { publishedFromCase } from './registry.fixtures.ts';

// A line break inside a text cell was written without quotes: csv-stringify quotes a cell that
// holds the whole record delimiter (\r\n) but not a lone \n or \r. A spreadsheet (Excel,
// LibreOffice, Google Sheets, Python's csv) starts a new row at either, so the record broke in
// two, every column after it shifted, and the text after the break began a cell of its own —
// where "=HYPERLINK(…)" ran as a formula, past the apostrophe that guards a cell's first
// character. Anyone who opens a request types the unit and the rank; a verifier who publishes
// sees the break as a space on the page.

/** How a spreadsheet reads a CSV: a new row at \r\n, \n or \r outside quotes. */
const asSpreadsheet = (csv: string): string[][] =>
  parse(csv.replace(/^\ufeff/, ''), { record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true });

const HOSTILE_UNIT = '155-я бригада\n=HYPERLINK("http://evil.example","нажми")';
const HOSTILE_RANK = 'рядовой\r@SUM(A1:A9)';

describe('open data CSV', () => {
  it('keeps a cell with a line break in one quoted cell', () => {
    const rows = asSpreadsheet(toCsv(['a', 'b', 'c'], [{ a: HOSTILE_UNIT, b: 5, c: HOSTILE_RANK }]));
    expect(rows).toEqual([
      ['a', 'b', 'c'],
      [HOSTILE_UNIT, '5', HOSTILE_RANK],
    ]);
  });
});

describe.each(DIALECTS)('the persons download with a line break in a family’s text (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
    const db = t.opened.db;
    const org = await createOrganisation(db, { clock: t.clock });
    const verifier = await createStaff(db, org, 'verifier', { clock: t.clock });
    const family = await createFamily(db, { clock: t.clock });
    await publishedFromCase(
      { db, clock: t.clock },
      { organisationId: org.id, family: family.auth, verifier: verifier.auth },
      'Переносов',
      { unit_name: HOSTILE_UNIT, rank: HOSTILE_RANK },
    );
  });
  afterAll(() => t?.close());

  it('is one row per person, every column in its place, and no cell starts a formula', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/registry/data/persons.csv' });
    expect(res.statusCode).toBe(200);
    const [header, ...rows] = asSpreadsheet(res.body);
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries(header.map((h, i) => [h, rows[0][i]]));
    expect(row).toMatchObject({ surname: 'Переносов', unit_name: HOSTILE_UNIT, rank: HOSTILE_RANK, status: 'dead' });
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+@]/);
  });
});
