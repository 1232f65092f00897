import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { eraseCasesOfFamily } from '../cases/case-erasure.service.ts';
import { grantFor, useWorld } from '../cases/cases.fixtures.ts';
import { principalOf } from '../policy/principal.ts';
import { DecryptionFailed, open } from '../shared/crypto/index.ts';
import type { TestUser } from '../../test/helpers/factories.ts';
import { setBoardName } from './board-names.service.ts';
import { openBoardKey, postAad } from './cohort-keys.ts';
import { authoriseBoard, authoriseOptIn, boardView, cohortsOfCase, postOnBoard, setOptIn } from './cohorts.service.ts';

// A family's copy of a board key can go with nobody holding the key at hand: the family deletes
// its account (or retention destroys its closed case, the same destroyCase), and the copy goes
// with the case row. The board counts the copies it handed out; the next holder who opens the key
// replaces it, so the copy kept in an old backup opens nothing written after.

/** Both families of the world's unit on its board, and what the board holds, per dialect. */
const boardWorld = (dialect: (typeof DIALECTS)[number]) => {
  const s = useWorld(dialect);
  const deps = () => ({ db: s.t.opened.db, clock: s.t.clock });
  const db = () => s.t.opened.db;
  let boardId = '';
  const grant = <A extends Parameters<typeof authoriseBoard>[3]>(who: TestUser, action: A) =>
    authoriseBoard(db(), principalOf(who.auth), boardId, action);
  const read = async (who: TestUser) => boardView(deps(), await grant(who, 'read'));
  const board = () => db().selectFrom('cohort_boards').selectAll().where('id', '=', boardId).executeTakeFirstOrThrow();
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

  /** The families on the unit's board, their copies handed over as staff open it. */
  const joinBoard = async (families: [TestUser, string][]) => {
    for (const [user, caseId] of families)
      await setOptIn(deps(), await authoriseOptIn(db(), principalOf(user.auth), caseId), { optIn: true });
    boardId = (await cohortsOfCase(deps(), await grantFor(s.t, s.w.caseworker, s.w.caseId, 'read'))).cohorts[0]
      .boardId!;
    await read(s.w.caseworker);
  };

  /** Both families on the board, each with a post; then the first deletes its account. */
  const copyGoneWithCase = async () => {
    await joinBoard([
      [s.w.family, s.w.caseId],
      [s.w.otherFamily, s.w.otherCaseId],
    ]);
    await postOnBoard(deps(), await grant(s.w.family, 'post'), 'Есть новости из части?');
    await postOnBoard(deps(), await grant(s.w.otherFamily, 'post'), 'Нам тоже не отвечают.');
    await setBoardName(deps(), await grant(s.w.otherFamily, 'name'), 'Мама Серёжи');
    const labelBefore = (await read(s.w.otherFamily)).me;
    // The copy as an old backup keeps it, opened with the family's passphrase-held key.
    const wrap = await db()
      .selectFrom('cohort_key_wraps')
      .select('wrapped')
      .where('board_id', '=', boardId)
      .where('case_id', '=', s.w.caseId)
      .executeTakeFirstOrThrow();
    const backupKey = openBoardKey(boardId, wrap.wrapped, s.w.family.auth.userPrivateKey);
    const keySealed = (await board()).key_sealed;
    await db()
      .transaction()
      .execute((tx) => eraseCasesOfFamily(tx, principalOf(s.w.family.auth), s.t.clock.now().toISOString()));
    expect((await board()).key_copies).toBe(2);
    return { backupKey, keySealed, labelBefore };
  };

  /** The key replaced; the family still on the board and staff read everything, the backup nothing. */
  const expectReplaced = async (before: Awaited<ReturnType<typeof copyGoneWithCase>>) => {
    const now = await board();
    expect(now.key_sealed).not.toBe(before.keySealed);
    expect(now.key_copies).toBe(1);
    const after = await read(s.w.otherFamily);
    expect(after.posts.map((p) => p.body)).toEqual(['Нам тоже не отвечают.', 'Пишу после.']);
    expect(after.me).toEqual(before.labelBefore);
    expect(after.me?.chosen).toBe('Мама Серёжи');
    expect((await read(s.w.verifier)).posts.map((p) => p.body)).toEqual(['Нам тоже не отвечают.', 'Пишу после.']);
    expect(await opensPosts(before.backupKey)).toEqual([null, null]);
  };

  return { s, deps, grant, read, board, joinBoard, copyGoneWithCase, expectReplaced };
};

describe.each(DIALECTS)('a board key whose copy went with its case (%s)', (dialect) => {
  describe('when the other family posts next', () => {
    const { s, deps, grant, copyGoneWithCase, expectReplaced } = boardWorld(dialect);
    it('is replaced before the post is sealed with it', async () => {
      const before = await copyGoneWithCase();
      await postOnBoard(deps(), await grant(s.w.otherFamily, 'post'), 'Пишу после.');
      await expectReplaced(before);
    });
  });

  describe('when staff open the board next', () => {
    const { s, deps, grant, read, board, copyGoneWithCase, expectReplaced } = boardWorld(dialect);
    it('is replaced as they open it', async () => {
      const before = await copyGoneWithCase();
      await read(s.w.caseworker);
      expect((await board()).key_sealed).not.toBe(before.keySealed);
      await postOnBoard(deps(), await grant(s.w.otherFamily, 'post'), 'Пишу после.');
      await expectReplaced(before);
    });
  });

  describe('while every copy handed out is there', () => {
    const { s, deps, grant, read, board, joinBoard } = boardWorld(dialect);
    it('is not replaced', async () => {
      await joinBoard([[s.w.family, s.w.caseId]]);
      const keySealed = (await board()).key_sealed;
      expect((await board()).key_copies).toBe(1);
      await postOnBoard(deps(), await grant(s.w.family, 'post'), 'Есть новости?');
      await read(s.w.family);
      expect((await board()).key_sealed).toBe(keySealed);
    });
  });
});
