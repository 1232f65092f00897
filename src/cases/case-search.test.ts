import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { postStaffSearch } from './staff-search-form.test-helper.ts';
import { caseInput, useWorld } from './cases.fixtures.ts';
import { openCase } from './cases.service.ts';
import { searchCases } from './queue.service.ts';
import { grantQueue } from '../policy/organisation.policy.ts';
import { principalOf } from '../policy/principal.ts';

// The staff case search found a case only by a piece of the name as typed: «Dorzhiev» did not find
// «Доржиев», a mother's surname «Кузнецова» not her son «Кузнецов», «Андрюша» not «Андрей», and a
// letter wrong nothing. It now reads names as the person search does (their keys), and still finds
// what the piece-of-text search found (part of a name, the unit), inside the organisation only.

describe.each(DIALECTS)('the staff case search by name (%s)', (dialect) => {
  const s = useWorld(dialect);
  const deps = () => ({ db: s.t.opened.db, clock: s.t.clock });
  const found = async (query: string, who = s.w.caseworker) =>
    (await searchCases(deps(), grantQueue(principalOf(who.auth)), query)).rows.map((r) => r.name);

  it('finds a case by the name in any script, gender form, diminutive, or with one letter wrong', async () => {
    const open = (surname: string, given_name: string, patronymic: string, unit_number?: string) =>
      openCase(deps(), s.w.family.auth, caseInput(s.w.orgA.id, { surname, given_name, patronymic, unit_number }));
    await open('Доржиев', 'Андрей', 'Баирович', 'в/ч 54321');
    await open('Кузнецов', 'Алексей', 'Иванович');
    const dorzhiev = 'Доржиев Андрей Баирович';
    const kuznetsov = 'Кузнецов Алексей Иванович';
    for (const q of ['Dorzhiev', 'Dorjiev', 'доржиев андрюша', 'Доржиев Андерй', 'Доржиев А.Б.', 'Доржеев'])
      expect(await found(q), q).toEqual([dorzhiev]);
    for (const q of ['Кузнецова', 'Kuznetsov Aleksei', 'Кузнецв', 'Кузнецов Алексей Иванович'])
      expect(await found(q), q).toEqual([kuznetsov]);
    // What the piece-of-text search found, it still finds: part of a name, a unit number.
    expect(await found('доржи')).toEqual([dorzhiev]);
    expect(await found('54321')).toEqual([dorzhiev]);
    expect(await found('54321 Dorzhiev')).toEqual([dorzhiev]);
    // Every word must find something: another man's given name narrows to nothing.
    expect(await found('Кузнецв Андрей')).toEqual([]);
    expect(await found('Кузнцв')).toEqual([]);
    // Another organisation's staff see none of it.
    expect(await found('Dorzhiev', s.w.otherOrgCaseworker)).toEqual([]);
    expect(await found('Кузнецв', s.w.otherOrgCaseworker)).toEqual([]);
  });

  it('answers the search form (a plain POST) with the case found by a typo', async () => {
    const res = await postStaffSearch(s.t.app, s.w.caseworker.cookies, 'Dorzhev');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Доржиев Андрей Баирович');
  });
});
