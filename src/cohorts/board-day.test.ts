import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { caseInput, grantFor, useWorld } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';
import { principalOf } from '../policy/principal.ts';
import { authoriseBoard, authoriseOptIn, cohortsOfCase, postOnBoard, setOptIn } from './cohorts.service.ts';

// A cohort board read at night: at 22:30 UTC on 1 March it is 01:30 on 2 March in Moscow. A
// family's post (kept to the day) was dated 1 March, the UTC day, and a staff post (kept to the
// second) was shown by its UTC day too; both are the 2nd where the families live.

describe.each(DIALECTS)('a board’s days are the organisation’s days (%s)', (dialect) => {
  const s = useWorld(dialect);

  it('dates the family’s post and shows the staff post by the Moscow day', async () => {
    const deps = s.t.app.deps;
    const db = s.t.opened.db;
    // Back in time rather than forward, so the world's sessions stay fresh.
    s.t.clock.set('2026-03-01T22:30:00.000Z');
    try {
      const third = await openCase(deps, s.w.otherFamily.auth, caseInput(s.w.orgA.id, { surname: 'Орлов' }));
      await setOptIn(deps, await authoriseOptIn(db, principalOf(s.w.family.auth), s.w.caseId), { optIn: true });
      await setOptIn(deps, await authoriseOptIn(db, principalOf(s.w.otherFamily.auth), third.caseId), { optIn: true });
      await cohortsOfCase(deps, await grantFor(s.t, s.w.caseworker, s.w.caseId, 'read'));
      const board = (await cohortsOfCase(deps, await grantFor(s.t, s.w.family, s.w.caseId, 'read'))).cohorts[0].boardId;
      if (!board) throw new Error('no board');
      await postOnBoard(deps, await authoriseBoard(db, principalOf(s.w.family.auth), board, 'post'), 'Ночью пишу.');
      await postOnBoard(
        deps,
        await authoriseBoard(db, principalOf(s.w.caseworker.auth), board, 'post'),
        'Ответ ночью.',
      );

      const family = await db.selectFrom('cohort_posts').select('created_on').where('from_family', '=', 1).execute();
      expect(family.map((p) => p.created_on)).toEqual(['2026-03-02']);
      const page = await s.t.app.inject({ method: 'GET', url: `/cohorts/${board}`, cookies: s.w.family.cookies });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Ответ ночью.');
      expect(page.body.match(/<small>02\.03\.2026<\/small>/g)).toHaveLength(2);
      expect(page.body).not.toContain('01.03.2026');
    } finally {
      s.t.clock.set('2026-03-02T09:00:00.000Z');
    }
  });
});
