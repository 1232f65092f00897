import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { grantFor } from '../cases/cases.fixtures.ts';
import { grantBoardsOfOrganisation } from '../policy/cohort.policy.ts';
import { principalOf } from '../policy/principal.ts';
import { NotFound } from '../shared/errors.ts';
import { useBoardWorld } from './board-world.test-helper.ts';
import { leaveBoard } from './board-members.service.ts';
import { authoriseOptIn, cohortsOfCase, letWaitingFamiliesIn, postOnBoard, setOptIn } from './cohorts.service.ts';

// A mother who joins a board its only other family has left holds no copy of its key, and nobody
// opens the board to hand her one. Staff let her in at their next look at their queue (or the
// boards list), without having to find her case or the board.

describe.each(DIALECTS)('a family waiting alone for a board (%s)', (dialect) => {
  const { s, deps, db, grant, read, board, joinBoard } = useBoardWorld(dialect);
  const readyOf = async () =>
    (await cohortsOfCase(deps(), await grantFor(s.t, s.w.otherFamily, s.w.otherCaseId, 'read'))).cohorts[0].ready;

  it('is let in by a caseworker opening the staff queue; boards nobody waits for are left alone', async () => {
    await joinBoard([[s.w.family, s.w.caseId]]);
    await postOnBoard(deps(), await grant(s.w.family, 'post'), 'Кто-нибудь ещё из части?');
    await leaveBoard(deps(), await grant(s.w.family, 'leave'), { hidePosts: false });
    // Nothing waits yet: a look changes nothing.
    const keyBefore = (await board()).key_sealed;
    expect(await letWaitingFamiliesIn(deps(), grantBoardsOfOrganisation(principalOf(s.w.caseworker.auth)))).toBe(0);
    expect((await board()).key_sealed).toBe(keyBefore);

    await setOptIn(deps(), await authoriseOptIn(db(), principalOf(s.w.otherFamily.auth), s.w.otherCaseId), {
      optIn: true,
    });
    expect(await readyOf()).toBe(false);

    const queue = await s.t.app.inject({ method: 'GET', url: '/staff', cookies: s.w.caseworker.cookies });
    expect(queue.statusCode).toBe(200);
    expect(await readyOf()).toBe(true);
    expect((await read(s.w.otherFamily)).posts.map((p) => p.body)).toEqual(['Кто-нибудь ещё из части?']);
    // Handed once: a second look finds nobody waiting.
    expect(await letWaitingFamiliesIn(deps(), grantBoardsOfOrganisation(principalOf(s.w.caseworker.auth)))).toBe(0);
  });

  it('is let in only by the organisation case staff', () => {
    for (const who of [s.w.editor, s.w.family])
      expect(() => grantBoardsOfOrganisation(principalOf(who.auth))).toThrow(NotFound);
    expect(grantBoardsOfOrganisation(principalOf(s.w.otherOrgCaseworker.auth)).organisationId).toBe(
      s.w.otherOrgCaseworker.auth.organisationId,
    );
  });
});
