import { describe, expect, it } from 'vitest';
import { checkList } from './list-check.ts';
import { readList } from './list-format.ts';
import { MAX_LINES_SHOWN, MAX_PER_LINE, ProblemLog } from './list-problems.ts';
import { guessMapping, type ListContext } from './row-rules.ts';

// A list is checked whole before anything is written: every bad line is reported at once (a file
// with errors on lines 3, 4 and 6 took three uploads when only the first was said), with its
// columns and reasons, up to a hundred lines in full and a count of the rest.

const ctx: ListContext = { today: '2026-03-02', sourceDate: null, verification: 'reported' };
const HEADER = 'Фамилия;Имя;Дата рождения;Регион';
const check = (text: string) => {
  const { header } = readList(text);
  return checkList(text, guessMapping(header), ctx, { hash: (v) => v.join('|') });
};

describe('checking a whole list', () => {
  it('reports every bad line, with every column at fault, and keeps no row to write', async () => {
    const text = [
      HEADER,
      'Иванов;Иван;01.02.1990;Бурятия',
      ';Пётр;32.01.1990;',
      'Сидоров;Сидор;1990;RU-ROS;лишний',
      'Козлов;Олег;1985;',
      'Петров5;=1+1;;',
    ].join('\n');
    const out = await check(text);
    expect(out.total).toBe(5);
    expect(out.rows).toEqual([]);
    expect(out.problems).toEqual({
      lines: 3,
      unreadAfter: null,
      shown: [
        {
          line: 3,
          more: 0,
          problems: [
            { key: 'imports.errors.required', params: { column: 'Фамилия' } },
            { key: 'imports.errors.date', params: { column: 'Дата рождения' } },
          ],
        },
        {
          line: 4,
          more: 0,
          problems: [{ key: 'imports.errors.columnCount', params: { count: 5, expected: 4 } }],
        },
        {
          line: 6,
          more: 0,
          problems: [
            { key: 'imports.errors.formula', params: { column: 'Имя' } },
            { key: 'imports.errors.nameChars', params: { column: 'Фамилия' } },
          ],
        },
      ],
    });
  });

  it('shows the first hundred bad lines and counts the rest', async () => {
    const rows = Array.from({ length: 250 }, (_, i) => (i % 2 ? `Ок${'а'.repeat(i % 7)};Иван;1990;` : `;Иван;1990;`));
    const out = await check([HEADER, ...rows].join('\n'));
    expect(out.problems.lines).toBe(125);
    expect(out.problems.shown).toHaveLength(MAX_LINES_SHOWN);
    expect(out.problems.shown[0].line).toBe(2);
    expect(out.problems.shown.at(-1)?.line).toBe(2 + 2 * (MAX_LINES_SHOWN - 1));
  });

  it('keeps the rows of a good list, with its warnings and their lines', async () => {
    const out = await check(
      [HEADER, 'Иванов;Иван;1990;ЛНР', 'Петров;Пётр;1991;Бурятия', 'Сидоров;С;1992;ДНР'].join('\n'),
    );
    expect(out.problems.lines).toBe(0);
    expect(out.rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(out.warnings).toEqual([
      { key: 'imports.warnings.region', params: { column: 'Регион' }, count: 2, lines: [2, 4] },
    ]);
  });
});

describe('reading a list as CSV', () => {
  it('reads on past a row with a wrong number of columns or a stray quote', () => {
    const list = readList('a,b,c\n1,2,3\n1,2\n1,2"x",3\n4,5,6\n7,8,9,10\n');
    expect(list.rows.map((r) => r.line)).toEqual([2, 5]);
    expect(list.broken).toEqual([
      { line: 3, key: 'imports.errors.columnCount', params: { count: 2, expected: 3 } },
      { line: 4, key: 'imports.errors.quote', params: {} },
      { line: 6, key: 'imports.errors.columnCount', params: { count: 4, expected: 3 } },
    ]);
    expect(list.unreadAfter).toBeNull();
  });

  it('skips rows of empty cells as a spreadsheet saves blank rows, and keeps the lines of the others', () => {
    const list = readList('a,b,c\n1,2,3\n,,\n , ,\n4,5,6\n,\n7,8\n,,\n');
    expect(list.rows.map((r) => r.line)).toEqual([2, 5]);
    expect(list.broken).toEqual([{ line: 7, key: 'imports.errors.columnCount', params: { count: 2, expected: 3 } }]);
  });

  it('numbers rows as a spreadsheet does when a cell holds a line break (Excel saves it as \\r\\n)', () => {
    // Row 3 is one row in Excel and LibreOffice but three lines of text; row 5 comes after an
    // empty row. The parser's own line count said 7 and 8 (a \r\n inside quotes counted twice).
    const crlf = 'a,b,c\r\n1,2,3\r\n4,"первая\r\nвторая\r\nтретья",6\r\n\r\n7,8,9\r\n1,2\r\n';
    const list = readList(crlf);
    expect(list.rows.map((r) => r.line)).toEqual([2, 3, 5]);
    expect(list.broken).toEqual([{ line: 6, key: 'imports.errors.columnCount', params: { count: 2, expected: 3 } }]);
    const lf = readList('a,b,c\n"x\ny",2,3\n1,2"x",3\n4,5,6\n');
    expect(lf.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(lf.broken).toEqual([{ line: 3, key: 'imports.errors.quote', params: {} }]);
  });

  it('says that nothing after a quote left open was read', () => {
    const list = readList('a,b,c\n1,2,3\n1,"2,3\n4,5,6\n7,8,9\n');
    expect(list.broken).toEqual([{ line: 3, key: 'imports.errors.quote', params: {} }]);
    expect(list.unreadAfter).toBe(3);
    // On the last line, there is nothing after it to speak of.
    expect(readList('a,b,c\n1,2,3\n1,"2,3\n').unreadAfter).toBeNull();
  });
});

describe('the log of bad lines', () => {
  it('keeps the lowest lines whatever order they come in, and a few problems per line', () => {
    const log = new ProblemLog();
    const p = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, params: {} }));
    for (let line = 300; line > 0; line -= 2) log.add(line, p(1));
    log.add(7, p(MAX_PER_LINE + 3));
    log.add(9, []);
    const r = log.report();
    expect(r.lines).toBe(151);
    expect(r.shown).toHaveLength(MAX_LINES_SHOWN);
    expect(r.shown.slice(0, 4).map((l) => l.line)).toEqual([2, 4, 6, 7]);
    expect(r.shown[3]).toMatchObject({ more: 3 });
    expect(r.shown[3].problems).toHaveLength(MAX_PER_LINE);
  });
});
