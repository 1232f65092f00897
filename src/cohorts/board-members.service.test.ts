import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { caseInput, grantFor, useWorld } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';
import { destroyCase } from '../cases/retention.service.ts';
import { principalOf } from '../policy/principal.ts';
import { Conflict, NotFound } from '../shared/errors.ts';
import type { TestUser } from '../../test/helpers/factories.ts';
import {
  leaveBoard,
  leavePage,
  readmitFamily,
  rejoinBoard,
  removalPage,
  removeFamily,
} from './board-members.service.ts';
import {
  authoriseBoard,
  authoriseOptIn,
  boardsOf,
  boardView,
  cohortsOfCase,
  postOnBoard,
  setOptIn,
} from './cohorts.service.ts';

// One family off one board while its case stays open, on both databases. There was no way to
// take a single family off a board but closing its case: not a suspected provocateur, not a mother
// who asked by phone to leave, and a family could only leave every board at once. Now a family
// leaves one board and comes back on its own; staff remove a family (its keys go, its posts are
// hidden from the others and kept for staff, audited without a name or a text), and it cannot come
// back on its own — not by opting in again, not through another case — until staff let it back.

describe.each(DIALECTS)('families off one cohort board (%s)', (dialect) => {
  const s = useWorld(dialect);
  const deps = () => ({ db: s.t.opened.db, clock: s.t.clock });
  const db = () => s.t.opened.db;
  const ids = {} as { board: string; familyPost: string; otherPost: string };
  const read = async (who: TestUser) =>
    boardView(deps(), await authoriseBoard(db(), principalOf(who.auth), ids.board, 'read'));
  const refused = (who: TestUser, action: Parameters<typeof authoriseBoard>[3]) =>
    authoriseBoard(db(), principalOf(who.auth), ids.board, action).then(
      () => 'allowed',
      (err: unknown) => (err instanceof NotFound ? 'not found' : err),
    );
  const today = () => s.t.clock.now().toISOString().slice(0, 10);
  const auditSince = async (before: number) =>
    (
      await db()
        .selectFrom('audit_log')
        .select(['actor_user_id', 'actor_role', 'action', 'case_id', 'subject_id', 'at'])
        .orderBy('at')
        .execute()
    ).slice(before);
  const auditCount = async () => (await db().selectFrom('audit_log').select('id').execute()).length;
  const wrapsOf = async (caseId: string) =>
    db().selectFrom('cohort_key_wraps').select('board_id').where('case_id', '=', caseId).execute();

  it('lets a family leave one board, its posts hidden if it asks, and come back on its own', async () => {
    // The world's two cases share the unit в/ч 12345: both families join its board and post.
    for (const [user, caseId] of [
      [s.w.family, s.w.caseId],
      [s.w.otherFamily, s.w.otherCaseId],
    ] as const)
      await setOptIn(deps(), await authoriseOptIn(db(), principalOf(user.auth), caseId), { optIn: true });
    ids.board = (await cohortsOfCase(deps(), await grantFor(s.t, s.w.caseworker, s.w.caseId, 'read'))).cohorts[0]
      .boardId!;
    for (const [user, text] of [
      [s.w.family, 'Есть новости из части?'],
      [s.w.otherFamily, 'Нам тоже не отвечают.'],
    ] as const)
      await postOnBoard(deps(), await authoriseBoard(db(), principalOf(user.auth), ids.board, 'post'), text);
    const posts = (await read(s.w.caseworker)).posts;
    ids.familyPost = posts[0].id;
    ids.otherPost = posts[1].id;
    expect((await read(s.w.otherFamily)).families).toBe(2);

    // Only a family on the board may leave it; staff do not leave a family's place for it.
    expect(await refused(s.w.caseworker, 'leave')).toBe('not found');
    expect(await refused(s.w.family, 'rejoin')).toBe('not found');
    const grant = await authoriseBoard(db(), principalOf(s.w.family.auth), ids.board, 'leave');
    expect(await leavePage(db(), grant)).toMatchObject({ boardId: ids.board, posts: 1 });
    const before = await auditCount();
    expect(await leaveBoard(deps(), grant, { hidePosts: true })).toBe(s.w.caseId);

    // Off the board: nothing there but the way back; its key to the board is gone.
    for (const action of ['read', 'post', 'name', 'leave'] as const)
      expect(await refused(s.w.family, action)).toBe('not found');
    expect(await refused(s.w.family, 'rejoin')).toBe('allowed');
    expect(await wrapsOf(s.w.caseId)).toEqual([]);
    // The other family no longer counts it, and reads that its author hid the post.
    const other = await read(s.w.otherFamily);
    expect(other.families).toBe(1);
    expect(other.posts[0]).toMatchObject({ body: null, hidden: { reason: 'left' } });
    expect(other.posts[1].body).toBe('Нам тоже не отвечают.');
    // Staff still read it (kept for moderation until the case is purged).
    expect((await read(s.w.verifier)).posts[0]).toMatchObject({
      body: 'Есть новости из части?',
      hidden: { reason: 'left', at: today() },
    });
    // Its case stays open, and its page says it left, with the day.
    const mine = await cohortsOfCase(deps(), await grantFor(s.t, s.w.family, s.w.caseId, 'read'));
    expect(mine.optedIn).toBe(true);
    expect(mine.cohorts[0]).toMatchObject({ boardId: ids.board, off: { side: 'family', on: today() }, ready: false });
    const status = await db()
      .selectFrom('cases')
      .select('state')
      .where('id', '=', s.w.caseId)
      .executeTakeFirstOrThrow();
    expect(status.state).not.toMatch(/closed|withdrawn/);
    expect((await boardsOf(deps(), s.w.orgA.id))[0].families).toBe(1);
    // Audited to the day, with its case and the board, never a text.
    expect(await auditSince(before)).toEqual([
      {
        actor_user_id: s.w.family.id,
        actor_role: 'family',
        action: 'cohort.left',
        case_id: s.w.caseId,
        subject_id: ids.board,
        at: today(),
      },
    ]);

    // Opting out of every cohort and in again does not put it back on the board it left.
    for (const optIn of [false, true])
      await setOptIn(deps(), await authoriseOptIn(db(), principalOf(s.w.family.auth), s.w.caseId), { optIn });
    expect(await refused(s.w.family, 'read')).toBe('not found');

    // It comes back on its own: counted, its posts shown again, its key handed over by the next
    // holder who opens the board.
    await rejoinBoard(deps(), await authoriseBoard(db(), principalOf(s.w.family.auth), ids.board, 'rejoin'));
    expect(await refused(s.w.family, 'rejoin')).toBe('not found');
    const back = await read(s.w.otherFamily);
    expect(back.families).toBe(2);
    expect(back.posts[0]).toMatchObject({ body: 'Есть новости из части?', hidden: null });
    expect((await read(s.w.family)).locked).toBe(false);
  });

  it('lets staff remove a family, hidden from the others and kept for staff, audited; it cannot come back on its own', async () => {
    // Families and other organisations' staff may not remove anyone; an editor either.
    for (const who of [s.w.family, s.w.otherFamily, s.w.editor, s.w.otherOrgCaseworker, s.w.otherOrgAdmin])
      expect(await refused(who, 'remove_family')).toBe('not found');
    const grant = await authoriseBoard(db(), principalOf(s.w.caseworker.auth), ids.board, 'remove_family');
    const label = (await read(s.w.caseworker)).posts[0].family!.label;
    // The confirmation page names the family as the board does, never its login.
    const page = await removalPage(deps(), grant, { post: ids.familyPost });
    expect(page).toMatchObject({ family: { label, chosen: null }, posts: 1, leftAlready: false });
    expect(JSON.stringify(page)).not.toContain(s.w.family.pseudonym);
    // A post of another board, a staff post, a case of another cohort: not a family of this board.
    await expect(removalPage(deps(), grant, { post: 'no-such-post' })).rejects.toBeInstanceOf(NotFound);
    const elsewhere = await openCase(
      deps(),
      s.w.otherFamily.auth,
      caseInput(s.w.orgA.id, { surname: 'Громов', unit_number: 'в/ч 99999', narrative: 'другая часть' }),
    );
    await expect(removalPage(deps(), grant, { case: elsewhere.caseId })).rejects.toBeInstanceOf(NotFound);

    const before = await auditCount();
    await removeFamily(deps(), grant, { post: ids.familyPost }, 'informer');
    // The family is off the board, and may not come back on its own.
    for (const action of ['read', 'post', 'name', 'leave', 'rejoin'] as const)
      expect(await refused(s.w.family, action)).toBe('not found');
    expect(await wrapsOf(s.w.caseId)).toEqual([]);
    // The other family reads that the post was hidden, and counts one family.
    const other = await read(s.w.otherFamily);
    expect(other).toMatchObject({ families: 1, removed: [] });
    expect(other.posts[0]).toMatchObject({ body: null, hidden: { reason: 'removed' } });
    // Staff read it, and see the family among those removed, to let it back.
    const staff = await read(s.w.verifier);
    expect(staff.posts[0]).toMatchObject({ body: 'Есть новости из части?', removable: false });
    expect(staff.posts[1].removable).toBe(true);
    expect(staff.removed).toEqual([
      { exitId: expect.any(String), family: { label, chosen: null }, on: today(), reason: 'informer' },
    ]);
    // Its case page says so, with the day; its case stays open.
    const mine = await cohortsOfCase(deps(), await grantFor(s.t, s.w.family, s.w.caseId, 'read'));
    expect(mine.cohorts[0].off).toEqual({ side: 'staff', on: today() });
    // Kept: which side, a reason code and the day — no name, no text.
    const rows = await db().selectFrom('cohort_exits').selectAll().execute();
    expect(rows).toEqual([
      {
        id: expect.any(String),
        board_id: ids.board,
        user_id: s.w.family.id,
        case_id: s.w.caseId,
        side: 'staff',
        reason: 'informer',
        left_on: today(),
      },
    ]);
    expect(await auditSince(before)).toEqual([
      {
        actor_user_id: s.w.caseworker.id,
        actor_role: 'caseworker',
        action: 'cohort.family_removed',
        case_id: s.w.caseId,
        subject_id: ids.board,
        at: s.t.clock.now().toISOString(),
      },
    ]);
    // Removed once: a colleague's second click changes and writes nothing.
    await expect(removeFamily(deps(), grant, { case: s.w.caseId }, 'other')).rejects.toBeInstanceOf(Conflict);
    await expect(removalPage(deps(), grant, { post: ids.familyPost })).rejects.toBeInstanceOf(Conflict);
    expect(await auditCount()).toBe(before + 1);

    // No silent way back: opting out and in again, or a new case about another soldier of the unit.
    for (const optIn of [false, true])
      await setOptIn(deps(), await authoriseOptIn(db(), principalOf(s.w.family.auth), s.w.caseId), { optIn });
    const second = await openCase(
      deps(),
      s.w.family.auth,
      caseInput(s.w.orgA.id, { surname: 'Сидоров', given_name: 'Иван', narrative: 'второй сын' }),
    );
    await setOptIn(deps(), await authoriseOptIn(db(), principalOf(s.w.family.auth), second.caseId), { optIn: true });
    await cohortsOfCase(deps(), await grantFor(s.t, s.w.caseworker, second.caseId, 'read'));
    expect(await refused(s.w.family, 'read')).toBe('not found');
    expect(await wrapsOf(second.caseId)).toEqual([]);
    // The new case carries the removal too: purging the first would not bring the family back.
    expect(
      (await db().selectFrom('cohort_exits').select(['case_id', 'side']).orderBy('case_id').execute()).map(
        (r) => r.side,
      ),
    ).toEqual(['staff', 'staff']);
    expect((await read(s.w.otherFamily)).families).toBe(1);

    // Staff let it back: its posts show again, it is counted and handed its key.
    await readmitFamily(deps(), grant, staff.removed[0].exitId);
    expect(await db().selectFrom('cohort_exits').select('id').execute()).toEqual([]);
    const again = await read(s.w.otherFamily);
    expect(again.posts[0]).toMatchObject({ body: 'Есть новости из части?', hidden: null });
    await read(s.w.caseworker);
    expect((await read(s.w.family)).locked).toBe(false);
    await expect(readmitFamily(deps(), grant, staff.removed[0].exitId)).rejects.toBeInstanceOf(Conflict);
  });

  it('removes a family from its case page, one that had left already too, and forgets it with its case', async () => {
    const grant = await authoriseBoard(db(), principalOf(s.w.verifier.auth), ids.board, 'remove_family');
    // The other family leaves on its own, keeping its posts; staff then remove it from its case.
    await leaveBoard(deps(), await authoriseBoard(db(), principalOf(s.w.otherFamily.auth), ids.board, 'leave'), {
      hidePosts: false,
    });
    expect((await read(s.w.family)).posts[1]).toMatchObject({ body: 'Нам тоже не отвечают.', hidden: null });
    expect(await removalPage(deps(), grant, { case: s.w.otherCaseId })).toMatchObject({ leftAlready: true });
    await removeFamily(deps(), grant, { case: s.w.otherCaseId }, 'family_asked');
    expect(await refused(s.w.otherFamily, 'rejoin')).toBe('not found');
    expect((await read(s.w.family)).posts[1]).toMatchObject({ body: null, hidden: { reason: 'removed' } });
    expect(
      await db().selectFrom('cohort_exits').select(['side', 'reason']).where('case_id', '=', s.w.otherCaseId).execute(),
    ).toEqual([{ side: 'staff', reason: 'family_asked' }]);
    // Purging the case deletes what is kept of it (retention).
    const purged = await db()
      .selectFrom('cases')
      .select(['id', 'person_id'])
      .where('id', '=', s.w.otherCaseId)
      .executeTakeFirstOrThrow();
    await db()
      .transaction()
      .execute((tx) => destroyCase(tx, purged));
    expect(await db().selectFrom('cohort_exits').select('case_id').execute()).toEqual([]);
  });
});
