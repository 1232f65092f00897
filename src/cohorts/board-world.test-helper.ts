import { grantFor, useWorld } from '../cases/cases.fixtures.ts';
import { principalOf } from '../policy/principal.ts';
import { DecryptionFailed, open } from '../shared/crypto/index.ts';
import type { DialectName } from '../db/database.ts';
import type { TestUser } from '../../test/helpers/factories.ts';
import { openBoardKey, postAad } from './cohort-keys.ts';
import { setBoardName } from './board-names.service.ts';
import { authoriseBoard, authoriseOptIn, boardView, cohortsOfCase, postOnBoard, setOptIn } from './cohorts.service.ts';

// The world's two families (their cases share the unit в/ч 12345) on that unit's board, and what
// the board holds, for the key-replacement tests.

export const useBoardWorld = (dialect: DialectName) => {
  const s = useWorld(dialect);
  const deps = () => ({ db: s.t.opened.db, clock: s.t.clock });
  const db = () => s.t.opened.db;
  let boardId = '';
  const grant = <A extends Parameters<typeof authoriseBoard>[3]>(who: TestUser, action: A) =>
    authoriseBoard(db(), principalOf(who.auth), boardId, action);
  const read = async (who: TestUser) => boardView(deps(), await grant(who, 'read'));
  const board = () => db().selectFrom('cohort_boards').selectAll().where('id', '=', boardId).executeTakeFirstOrThrow();

  /** The board key as this family's copy opens it. */
  const keyOf = async (who: TestUser, caseId: string) => {
    const wrap = await db()
      .selectFrom('cohort_key_wraps')
      .select('wrapped')
      .where('board_id', '=', boardId)
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    return openBoardKey(boardId, wrap.wrapped, who.auth.userPrivateKey);
  };

  /** Which post bodies a key still opens (null: not this one). */
  const opensPosts = async (key: Buffer) =>
    (await db().selectFrom('cohort_posts').select(['id', 'body_sealed']).where('board_id', '=', boardId).execute()).map(
      (r) => {
        try {
          return open(key, r.body_sealed, postAad(boardId, r.id)).toString('utf8');
        } catch (err) {
          if (err instanceof DecryptionFailed) return null;
          throw err;
        }
      },
    );

  /** The families opt in; their copies are handed over as the caseworker opens the board. */
  const joinBoard = async (families: [TestUser, string][]) => {
    for (const [user, caseId] of families)
      await setOptIn(deps(), await authoriseOptIn(db(), principalOf(user.auth), caseId), { optIn: true });
    boardId = (await cohortsOfCase(deps(), await grantFor(s.t, s.w.caseworker, s.w.caseId, 'read'))).cohorts[0]
      .boardId!;
    await read(s.w.caseworker);
  };

  /**
   * Both families on the board, each with a post, the other family named «Мама Серёжи»: what the
   * other family saw, and the key as the first family's copy opens it (what a backup would keep).
   */
  const onBoardTogether = async () => {
    await joinBoard([
      [s.w.family, s.w.caseId],
      [s.w.otherFamily, s.w.otherCaseId],
    ]);
    await postOnBoard(deps(), await grant(s.w.family, 'post'), 'Есть новости из части?');
    await postOnBoard(deps(), await grant(s.w.otherFamily, 'post'), 'Нам тоже не отвечают.');
    await setBoardName(deps(), await grant(s.w.otherFamily, 'name'), 'Мама Серёжи');
    const seen = await read(s.w.otherFamily);
    return { key: await keyOf(s.w.family, s.w.caseId), keySealed: (await board()).key_sealed, seen };
  };

  return { s, deps, db, grant, read, board, keyOf, opensPosts, joinBoard, onBoardTogether };
};
