import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { createFamily, type TestUser } from '../../test/helpers/factories.ts';
import { caseInput, useWorld } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';
import { destroyCase } from '../cases/retention.service.ts';
import { userPublicKey } from '../accounts/accounts.service.ts';
import { principalOf } from '../policy/principal.ts';
import { authoriseBoard, authoriseOptIn, boardView, postOnBoard, setOptIn } from './cohorts.service.ts';
import { wrapBoardKey } from './cohort-keys.ts';
import { setBoardKey } from './cohorts.repository.ts';
import { familyLabel } from './family-names.ts';

// A family's label on a board («Семья 4821») never moves. Labels were handed out again at every
// page in the order families first posted: when the case of an earlier poster was purged, a
// family whose first candidate had collided with that poster's label took it over, and its posts
// changed name under the readers' eyes (and took the name of a family gone). Both databases.

describe.each(DIALECTS)('labels of families on a board (%s)', (dialect) => {
  const s = useWorld(dialect);
  const deps = () => ({ db: s.t.opened.db, clock: s.t.clock });
  let third: TestUser;
  let thirdCase: string;
  let boardId: string;
  let key: Buffer;

  const view = async (who: TestUser) =>
    boardView(deps(), await authoriseBoard(s.t.opened.db, principalOf(who.auth), boardId, 'read'));
  const post = async (who: TestUser, text: string) =>
    postOnBoard(deps(), await authoriseBoard(s.t.opened.db, principalOf(who.auth), boardId, 'post'), text);

  beforeAll(async () => {
    const db = s.t.opened.db;
    third = await createFamily(db, { clock: s.t.clock });
    thirdCase = (await openCase(deps(), third.auth, caseInput(s.w.orgA.id, { surname: 'Орлов', narrative: 'третья' })))
      .caseId;
    const cases: Array<[TestUser, string]> = [
      [s.w.family, s.w.caseId],
      [s.w.otherFamily, s.w.otherCaseId],
      [third, thirdCase],
    ];
    for (const [user, caseId] of cases)
      await setOptIn(deps(), await authoriseOptIn(db, principalOf(user.auth), caseId), { optIn: true });
    boardId = (await db.selectFrom('cohort_boards').select('id').executeTakeFirstOrThrow()).id;
    // A board key under which the first family's label and the third's first candidate are one
    // number (about one key in 9,000), sealed to the organisation and to every family.
    do key = randomBytes(32);
    while (familyLabel(key, boardId, s.w.family.id, 0) !== familyLabel(key, boardId, third.id, 0));
    await setBoardKey(db, boardId, wrapBoardKey(boardId, key, s.w.orgA.publicKey));
    await db.deleteFrom('cohort_key_wraps').where('board_id', '=', boardId).execute();
    for (const [user, caseId] of cases)
      await db
        .insertInto('cohort_key_wraps')
        .values({
          board_id: boardId,
          case_id: caseId,
          user_id: user.id,
          wrapped: wrapBoardKey(boardId, key, await userPublicKey(db, user.id)),
        })
        .execute();
  });

  it("keeps a family's label when the family it collided with is purged", async () => {
    await post(s.w.family, 'Первое сообщение');
    await post(third, 'Второе сообщение');
    const before = await view(s.w.otherFamily);
    const [first, second] = before.posts.map((p) => p.family!.label);
    expect(first).toBe(familyLabel(key, boardId, s.w.family.id, 0));
    // The third family's first candidate was taken: it holds its second.
    expect(second).toBe(familyLabel(key, boardId, third.id, 1));
    expect(second).not.toBe(first);
    const reader = before.me!.label;

    const purged = await s.t.opened.db
      .selectFrom('cases')
      .select(['id', 'person_id'])
      .where('id', '=', s.w.caseId)
      .executeTakeFirstOrThrow();
    await s.t.opened.db.transaction().execute((tx) => destroyCase(tx, purged));

    const after = await view(s.w.otherFamily);
    expect(after.posts.map((p) => [p.body, p.family?.label])).toEqual([['Второе сообщение', second]]);
    expect(after.me!.label).toBe(reader);
    expect((await view(third)).me!.label).toBe(second);
    // Only which candidate each holds is kept, never a label; the purged family's went with its case.
    const rows = await s.t.opened.db
      .selectFrom('cohort_labels')
      .select(['user_id', 'attempt'])
      .where('board_id', '=', boardId)
      .execute();
    expect(rows.map((r) => [r.user_id, Number(r.attempt)]).sort()).toEqual(
      [
        [third.id, 1],
        [s.w.otherFamily.id, 0],
      ].sort(),
    );
    expect(JSON.stringify(rows)).not.toContain(second);
  });

  it('keeps the label of a family that left while its posts show it; one only the family saw goes', async () => {
    for (const [user, caseId] of [
      [third, thirdCase],
      [s.w.otherFamily, s.w.otherCaseId],
    ] as const)
      await setOptIn(deps(), await authoriseOptIn(s.t.opened.db, principalOf(user.auth), caseId), { optIn: false });
    const rows = await s.t.opened.db
      .selectFrom('cohort_labels')
      .select(['user_id', 'attempt'])
      .where('board_id', '=', boardId)
      .execute();
    expect(rows.map((r) => [r.user_id, Number(r.attempt)])).toEqual([[third.id, 1]]);
  });
});
