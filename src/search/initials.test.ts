import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { staffSearch } from './staff-search.test-helper.ts';
import { caseInput, useWorld } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';

// Official letters and published lists name a man by his surname and initials («Иванов П.С.»). A
// lawyer copying the name from such a letter into the person search found nothing: every word
// had to be a whole name, and «П.С.» is none. Initials now narrow the surname's matches by the
// first letter of the given name and of the patronymic, in Cyrillic or Latin.

describe.each(DIALECTS)('searching by surname and initials (%s)', (dialect) => {
  const s = useWorld(dialect);
  const deps = () => ({ db: s.t.opened.db, clock: s.t.clock });
  const search = staffSearch(s);

  it('finds «Инициалов П.С.» and not his namesakes with other initials', async () => {
    const a = caseInput(s.w.orgA.id, { surname: 'Инициалов', given_name: 'Пётр', patronymic: 'Сергеевич' });
    const b = caseInput(s.w.orgA.id, { surname: 'Инициалов', given_name: 'Павел', patronymic: 'Андреевич' });
    const c = caseInput(s.w.orgA.id, { surname: 'Инициалов', given_name: 'Олег', patronymic: 'Сергеевич' });
    for (const input of [a, b, c]) await openCase(deps(), s.w.family.auth, input);

    for (const q of ['Инициалов П.С.', 'Инициалов П. С.', 'П.С. Инициалов', 'Initsialov P.S.', 'инициалов п с']) {
      const res = await search(q);
      expect(res.statusCode, q).toBe(200);
      expect(res.body, q).toContain('Инициалов Пётр Сергеевич');
      expect(res.body, q).not.toContain('Инициалов Павел');
      expect(res.body, q).not.toContain('Инициалов Олег');
    }
    const p = await search('Инициалов П.');
    expect(p.body).toContain('Инициалов Пётр Сергеевич');
    expect(p.body).toContain('Инициалов Павел Андреевич');
    expect(p.body).not.toContain('Инициалов Олег');
    // A whole given name and the patronymic's initial.
    const full = await search('Инициалов Олег С.');
    expect(full.body).toContain('Инициалов Олег Сергеевич');
    expect(full.body).not.toContain('Инициалов Пётр');
  });
});
