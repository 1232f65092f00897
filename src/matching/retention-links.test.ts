import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { caseInput, grantFor, useWorld } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';
import { closeCase } from '../cases/case-work.service.ts';
import { runRetention } from '../cases/retention.service.ts';
import { DAY } from '../shared/clock.ts';
import { grantMatching } from '../policy/matching.policy.ts';
import { principalOf, systemPrincipal } from '../policy/principal.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { authoriseBoard, authoriseOptIn, cohortsOfCase, postOnBoard, setOptIn } from '../cohorts/cohorts.service.ts';
import { createIncident, linkPerson } from '../cohorts/incidents.service.ts';
import { forgetIndexes } from './index-registry.ts';
import { authoriseDecision, decide } from './review.service.ts';
import { runMatching } from './scoring.service.ts';

// Retention still destroys a closed case whole when issue 11's rows point at its person or case:
// its merge, its candidates, its incident link, its opt-in, board keys and posts go in the same
// transaction (ON DELETE CASCADE); the other records of its cluster stay.

describe.each(DIALECTS)('retention with matching, cohorts and incidents (%s)', (dialect) => {
  const s = useWorld(dialect);

  it('purges the case and everything of this issue that points at it', async () => {
    forgetIndexes();
    const db = s.t.opened.db;
    const deps = { db, clock: s.t.clock };
    const other = await openCase(
      deps,
      s.w.otherFamily.auth,
      caseInput(s.w.orgA.id, { surname: 'Ivanov', given_name: 'Petr', narrative: 'брат' }),
    );
    await runMatching(deps, systemPrincipal('scheduler'));
    const pair = await db
      .selectFrom('match_candidates')
      .select('id')
      .where('organisation_id', '=', s.w.orgA.id)
      .executeTakeFirstOrThrow();
    const staff = principalOf(s.w.verifier.auth);
    await decide(deps, await authoriseDecision(db, staff, pair.id, 'same'), pair.id, 'same');
    const family = principalOf(s.w.family.auth);
    await setOptIn(deps, await authoriseOptIn(db, family, s.w.caseId), { optIn: true });
    const boardId = (await cohortsOfCase(deps, await grantFor(s.t, s.w.family, s.w.caseId, 'read'))).cohorts[0]
      .boardId!;
    await postOnBoard(deps, await authoriseBoard(db, family, boardId, 'post'), 'пост семьи');
    const person = (
      await db.selectFrom('cases').select('person_id').where('id', '=', s.w.caseId).executeTakeFirstOrThrow()
    ).person_id;
    const incident = await createIncident(deps, grantMatching(staff, 'incident_edit'), {
      title: 'Тест',
      date: parsePartialDate('2026')!,
    });
    await linkPerson(deps, grantMatching(staff, 'incident_edit'), incident, person);

    await closeCase(deps, await grantFor(s.t, s.w.caseworker, s.w.caseId, 'close'), 'other', 'семья просила закрыть');
    s.t.clock.advance(91 * DAY);
    const report = await runRetention(deps, { days: 90 });
    expect(report.failed).toBe(0);
    expect(report.cases).toBeGreaterThanOrEqual(1);
    const count = async (
      table: 'match_candidates' | 'incident_persons' | 'cohort_optins' | 'cohort_key_wraps' | 'cohort_posts',
      column: string,
      value: string,
    ) =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .where(column as never, '=', value as never)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await db.selectFrom('persons').select('id').where('id', '=', person).executeTakeFirst()).toBeUndefined();
    expect(await count('match_candidates', 'left_person_id', person)).toBe(0);
    expect(await count('match_candidates', 'right_person_id', person)).toBe(0);
    expect(await count('incident_persons', 'person_id', person)).toBe(0);
    for (const t of ['cohort_optins', 'cohort_key_wraps', 'cohort_posts'] as const)
      expect(await count(t, 'case_id', s.w.caseId), t).toBe(0);
    // The brother's request is untouched.
    expect(await db.selectFrom('cases').select('id').where('id', '=', other.caseId).executeTakeFirst()).toBeDefined();
  });
});
