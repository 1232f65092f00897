import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { eraseCasesOfFamily } from '../cases/case-erasure.service.ts';
import type { DialectName } from '../db/database.ts';
import { principalOf } from '../policy/principal.ts';
import { useBoardWorld } from './board-world.test-helper.ts';
import { postOnBoard } from './cohorts.service.ts';

// A family's copy of a board key can go with nobody holding the key at hand: the family deletes
// its account (or retention destroys its closed case, the same destroyCase), and the copy goes
// with the case row. The board counts the copies it handed out; the next holder who opens the key
// replaces it, so the copy kept in an old backup opens nothing written after.

/** The board with the copy-gone scenario and what to expect after it. */
const boardWorld = (dialect: DialectName) => {
  const { s, deps, db, grant, read, board, opensPosts, joinBoard, onBoardTogether } = useBoardWorld(dialect);

  /** Both families on the board, each with a post; then the first deletes its account. */
  const copyGoneWithCase = async () => {
    const { key: backupKey, keySealed, seen } = await onBoardTogether();
    await db()
      .transaction()
      .execute((tx) => eraseCasesOfFamily(tx, principalOf(s.w.family.auth), s.t.clock.now().toISOString()));
    expect((await board()).key_copies).toBe(2);
    return { backupKey, keySealed, labelBefore: seen.me };
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
