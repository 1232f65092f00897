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
const csv = (rows: string[]) => new TextEncoder().encode(`${HEADER}\n${rows.join('\n')}\n`);

describe.each(DIALECTS)('the words of a refused list (%s)', (dialect) => {
  const s = useWorld(dialect);
  const failed = async (rows: string[]) => {
    const grant = grantMatching(principalOf(s.w.caseworker.auth), 'import');
    const up = await uploadList(
      { db: s.t.opened.db, clock: s.t.clock },
      grant,
      { sourceName: 'Сводка с ошибками', sourceKind: 'news', verification: 'reported' },
      csv(rows),
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
});
