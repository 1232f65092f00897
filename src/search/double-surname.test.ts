import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { staffSearch } from './staff-search.test-helper.ts';
import { caseInput, useWorld } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';
import { rekeyRecords } from '../people/person-records.service.ts';

// QA walk 6: the staff search for «Тарасов» did not find «Тарасов-ДЕМО». A double surname
// («Петров-Водкин», «Римская-Корсакова») had one key for the whole, so neither part found it.
// Each part is now a key of its own, in any script the search reads and either gender form.

describe.each(DIALECTS)('a double surname is found by either part (%s)', (dialect) => {
  const s = useWorld(dialect);
  const deps = () => ({ db: s.t.opened.db, clock: s.t.clock });
  const search = staffSearch(s);

  it('finds «Петров-Водкин» by «Петров», «Водкин» and their Latin spellings', async () => {
    await openCase(deps(), s.w.family.auth, caseInput(s.w.orgA.id, { surname: 'Петров-Водкин', given_name: 'Кузьма' }));
    await openCase(
      deps(),
      s.w.family.auth,
      caseInput(s.w.orgA.id, { surname: 'Римская-Корсакова', given_name: 'Надежда' }),
    );
    for (const q of ['Петров', 'Водкин', 'Petrov', 'Vodkin', 'Водкин Кузьма', 'Петров-Водкин']) {
      const res = await search(q);
      expect(res.statusCode, q).toBe(200);
      expect(res.body, q).toContain('Петров-Водкин');
    }
    for (const q of ['Римский', 'Корсаков', 'Korsakova', 'Rimskaya']) {
      expect((await search(q)).body, q).toContain('Римская-Корсакова');
    }
    // A part is a part, not any name that begins like it.
    expect((await search('Водкина Пётр')).body).not.toContain('Петров-Водкин');
  });

  it('keeps the whole surname ranked over a part of another one', async () => {
    await openCase(deps(), s.w.family.auth, caseInput(s.w.orgA.id, { surname: 'Тарасов-Демо', given_name: 'Антон' }));
    await openCase(deps(), s.w.family.auth, caseInput(s.w.orgA.id, { surname: 'Тарасов', given_name: 'Борис' }));
    const body = (await search('Тарасов')).body;
    expect(body).toContain('Тарасов-Демо');
    expect(body.indexOf('Тарасов Борис')).toBeGreaterThan(-1);
    expect(body.indexOf('Тарасов Борис')).toBeLessThan(body.indexOf('Тарасов-Демо'));
  });

  it('gives records stored before the part keys theirs on the rekeying pass', async () => {
    await openCase(deps(), s.w.family.auth, caseInput(s.w.orgA.id, { surname: 'Ушакова-Старая', given_name: 'Вера' }));
    // As a record stored before version 6: no part keys, an older key version.
    await s.t.opened.db
      .updateTable('persons')
      .set({ surname_head_gl: null, surname_tail_gl: null, keys_version: 5 })
      .where('surname', '=', 'Ушакова-Старая')
      .execute();
    expect((await search('Старая')).body).not.toContain('Ушакова-Старая');
    await rekeyRecords(s.t.opened.db);
    expect((await search('Старая')).body).toContain('Ушакова-Старая');
    expect((await search('Ushakov')).body).toContain('Ушакова-Старая');
  });
});
