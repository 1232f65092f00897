import { PERSON_CSV_COLUMNS } from '../../src/linkage/engine/person-config.ts';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { dedupeCommand } from '../../src/linkage/linkage.cli.ts';
import { looksLikeFormula, spreadsheetSafe } from '../../src/shared/csv-safe.ts';
import { testApp } from '../helpers/app.ts';
import { ALL_SPECS } from '../access/specs/index.ts';
import { buildAccessWorld, WHO } from '../access/world.ts';

// CSV-formula injection in every export (issue 14). Every CSV the platform writes — the linkage
// commands' outputs today, and every route that answers text/csv as domains add them (found
// through the access matrix's declarations) — must hold no cell a spreadsheet would compute.

const FORMULAS = [
  '=HYPERLINK("http://evil.example","x")',
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(A1:A9)',
  '\tTAB',
  '\rCR',
  '＝1+1',
];

const cellsOf = (csv: string): string[] => (parse(csv, { relax_column_count: true }) as string[][]).flat();

const dir = mkdtempSync(join(tmpdir(), 'kintrace-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('no export writes a cell a spreadsheet would run', () => {
  it('the rule itself: every formula start is neutralised, numbers and ordinary text are not touched', () => {
    for (const f of FORMULAS) {
      expect(looksLikeFormula(f), f).toBe(true);
      expect(looksLikeFormula(String(spreadsheetSafe(f))), f).toBe(false);
    }
    expect(spreadsheetSafe(-3.5)).toBe(-3.5);
    expect(spreadsheetSafe('Иванов')).toBe('Иванов');
  });

  it('kintrace dedupe: formulas typed into every column of the input stay text in both outputs', async () => {
    const header = [...PERSON_CSV_COLUMNS, 'notes'];
    const rows = FORMULAS.map((f, i) => [i === 0 ? '=1+1' : `r${i}`, f, `${f}Иванов`, f, f, '1990', f, f, f]);
    const input = join(dir, 'in.csv');
    writeFileSync(input, stringify([header, ...rows, ['r9', 'list', 'Иванов', 'Пётр', '', '1990', '', '', '']]));
    const out = join(dir, 'clusters.csv');
    const pairs = join(dir, 'pairs.csv');
    await dedupeCommand(input, { out, pairs });
    const cells = [...cellsOf(readFileSync(out, 'utf8')), ...cellsOf(readFileSync(pairs, 'utf8'))];
    expect(cells.length).toBeGreaterThan(FORMULAS.length);
    // The values did reach the output (not vacuous), as text.
    expect(cells).toContain("'=1+1");
    const bad = cells.filter((c) => looksLikeFormula(c) && Number.isNaN(Number(c)));
    expect(bad).toEqual([]);
  });

  it('every route that answers CSV, for every principal allowed on it', async () => {
    const t = await testApp('sqlite');
    try {
      const w = await buildAccessWorld(t);
      let csvRoutes = 0;
      for (const spec of ALL_SPECS.filter((s) => s.method === 'GET'))
        for (const who of WHO) {
          if (spec.outcome(who) !== 'allow') continue;
          const res = await t.app.inject({
            method: 'GET',
            url: (await spec.request(w, who)).url,
            cookies: w.cookies[who],
          });
          if (!String(res.headers['content-type'] ?? '').startsWith('text/csv')) continue;
          csvRoutes++;
          const bad = cellsOf(res.body).filter((c) => looksLikeFormula(c) && Number.isNaN(Number(c)));
          expect(bad, `${spec.route} as ${who}`).toEqual([]);
        }
      // Today no route exports CSV; the registry and imports add theirs to the matrix and are checked here.
      expect(csvRoutes).toBeGreaterThanOrEqual(0);
    } finally {
      await t.close();
    }
  });
});
