import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { grantMatching } from '../policy/matching.policy.ts';
import { principalOf } from '../policy/principal.ts';
import { runningImport, uploadList } from './imports.service.ts';

// A refused list's page says "every line with errors is below, all at once" — untrue of a file
// whose reader stopped at a quote left open: the lines after it were never checked. Then it says
// up to which line the errors are, in both languages; a file read to its end keeps "all at once".

const HEADER = 'record_id,source,surname,given_name,patronymic,birth_date,region,unit,status,event_date';
const csv = (rows: string[], eol = '\n') => new TextEncoder().encode(`${HEADER}${eol}${rows.join(eol)}${eol}`);

describe.each(DIALECTS)('the words of a refused list (%s)', (dialect) => {
  const s = useWorld(dialect);
  const failed = async (rows: string[], eol?: string) => {
    const grant = grantMatching(principalOf(s.w.caseworker.auth), 'import');
    const up = await uploadList(
      { db: s.t.opened.db, clock: s.t.clock },
      grant,
      { sourceName: 'Сводка с ошибками', sourceKind: 'news', verification: 'reported' },
      csv(rows, eol),
    );
    expect((await runningImport(up.importId))?.state).toBe('failed');
    return up.importId;
  };
  const page = (id: string, lang = '') =>
    s.t.app.inject({ method: 'GET', url: `/staff/imports/${id}${lang}`, cookies: s.w.caseworker.cookies });

  it('a file read to its end: every bad line, all at once', async () => {
    const id = await failed(['1,ОВД,,Баир,,,,,,', '2,ОВД,Смирнова,Ольга,,,,,,']);
    const res = await page(id);
    expect(res.body).toContain('Ниже — все строки с ошибками сразу.');
  });

  it('a file the reader stopped in: the errors up to that line, not "all"', async () => {
    const id = await failed(['1,ОВД,,Баир,,,,,,', '2,ОВД,"Смирнова,Ольга,,,,,,', '3,ОВД,Орлов,Олег,,,,,,']);
    const ru = await page(id);
    expect(ru.body).toContain('Ниже — строки с ошибками до строки 3: дальше файл не прочитан.');
    expect(ru.body).not.toContain('все строки с ошибками сразу');
    const en = await page(id, '?lang=en');
    expect(en.body).toContain('Below are the lines with errors up to line 3: the file was not read past it.');
    expect(en.body).not.toContain('all at once');
  });

  it('numbers a bad line as the spreadsheet row it is, after a cell with line breaks in it', async () => {
    // Excel saves a note typed over three lines of a cell as three lines of text, \r\n each:
    // the row after it is row 4 of the sheet (line 6 of the text), which the parser counted as 8.
    const note = '"Позвонил 12.03.\r\nПотом пропал.\r\nСослуживец сказал, что в плену"';
    const id = await failed(
      ['1,ОВД,Смирнов,Иван,,,,,,', `2,ОВД,Петров,Пётр,,,,,${note},`, '3,ОВД,,Олег,,,,,,'],
      '\r\n',
    );
    const ru = await page(id);
    // The cell with the note is row 3 (a status the platform does not know), the empty surname row 4.
    expect(ru.body).toContain('<li>Строка 3: в столбце «status» неизвестный статус</li>');
    expect(ru.body).toContain('<li>Строка 4: пустой столбец «surname»</li>');
    // «ячейка с переносом строки — одна строка» read as a riddle to a volunteer (QA walk 12).
    expect(ru.body).toContain(
      'Номера строк — как в Excel или LibreOffice: заголовок — строка 1. Если в ячейке текст в несколько строк, это всё равно одна строка таблицы.',
    );
    const en = await page(id, '?lang=en');
    expect(en.body).toMatch(/<li>Line 4: /);
    expect(en.body).toContain('Line numbers are the rows Excel or LibreOffice shows');
  });
});
