import { describe, expect, it } from 'vitest';
import { useWorld } from '../cases/cases.fixtures.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { grantMatching } from '../policy/matching.policy.ts';
import { principalOf } from '../policy/principal.ts';
import { addFact, createIncident, linkPerson } from './incidents.service.ts';

// A QA walk of an incident from a linked family's case page: while its only fact was merely
// «сообщено» (not shown to families), the incident's section held an empty list, a blank gap
// under the place. The list is there only when the family has a fact to read in it.

describe("an incident on a linked family's case page", () => {
  const s = useWorld('sqlite');

  it('has no empty list of facts while none is shown to the family', async () => {
    const deps = { db: s.t.opened.db, clock: s.t.clock };
    const caseworker = grantMatching(principalOf(s.w.caseworker.auth), 'incident_edit');
    const id = await createIncident(deps, caseworker, { title: 'Обстрел подвала', date: parsePartialDate('03.2026')! });
    const { person_id } = await s.t.opened.db
      .selectFrom('cases')
      .select('person_id')
      .where('id', '=', s.w.caseId)
      .executeTakeFirstOrThrow();
    await linkPerson(deps, caseworker, id, person_id);
    await addFact(deps, caseworker, id, {
      kind: 'missing',
      date: parsePartialDate('03.2026')!,
      verification: 'reported',
    });

    const section = async (cookies: Record<string, string>) => {
      const page = await s.t.app.inject({ method: 'GET', url: `/cases/${s.w.caseId}`, cookies });
      expect(page.statusCode).toBe(200);
      const at = page.body.indexOf('aria-labelledby="case-incidents-h"');
      return page.body.slice(at, page.body.indexOf('</section>', at));
    };
    const family = await section(s.w.family.cookies);
    expect(family).toContain('Обстрел подвала');
    expect(family).not.toContain('<ul>');
    // staff still read the fact, at its level
    expect(await section(s.w.caseworker.cookies)).toMatch(/<ul><li>[^<]*сообщено/);
  });
});
