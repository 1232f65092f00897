import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { grantFor, useWorld } from '../cases/cases.fixtures.ts';
import { principalOf } from '../policy/principal.ts';
import { DecryptionFailed, open } from '../shared/crypto/index.ts';
import type { TestUser } from '../../test/helpers/factories.ts';
import { leaveBoard, removeFamily } from './board-members.service.ts';
import { setBoardName } from './board-names.service.ts';
import { openBoardKey, postAad } from './cohort-keys.ts';
import { authoriseBoard, authoriseOptIn, boardView, cohortsOfCase, postOnBoard, setOptIn } from './cohorts.service.ts';

// A board's key is replaced whenever a family loses its copy (board-key-rotation.ts): the key an
// informer held, kept in an old backup, must open nothing written after it left. Everyone still on
// the board reads as before — old posts, new posts, chosen names — and no family's label moves.

type World = ReturnType<typeof useWorld>;
type Deps = { db: World['t']['opened']['db']; clock: World['t']['clock'] };
/** How the family loses its copy (the world's first family, through its case). */
type Going = (
  s: World,
  deps: Deps,
  grant: (who: TestUser, action: 'leave' | 'remove_family') => Promise<never>,
) => Promise<unknown>;

const GOINGS: [string, Going][] = [
  [
    'when staff remove a family',
    async (s, deps, grant) =>
      removeFamily(deps, await grant(s.w.caseworker, 'remove_family'), { case: s.w.caseId }, 'informer'),
  ],
  [
    'when a family leaves on its own',
    async (s, deps, grant) => leaveBoard(deps, await grant(s.w.family, 'leave'), { hidePosts: false }),
  ],
  [
    'when a family opts out of cohorts',
    async (s, deps) =>
      setOptIn(deps, await authoriseOptIn(deps.db, principalOf(s.w.family.auth), s.w.caseId), { optIn: false }),
  ],
];

describe.each(DIALECTS)('a board key replaced (%s)', (dialect) => {
  describe.each(GOINGS)('%s', (_name, going) => {
    const s = useWorld(dialect);
    const deps = () => ({ db: s.t.opened.db, clock: s.t.clock });
    const db = () => s.t.opened.db;
    let boardId = '';
    const grant = <A extends Parameters<typeof authoriseBoard>[3]>(who: TestUser, action: A) =>
      authoriseBoard(db(), principalOf(who.auth), boardId, action);
    const read = async (who: TestUser) => boardView(deps(), await grant(who, 'read'));
    const board = () =>
      db().selectFrom('cohort_boards').selectAll().where('id', '=', boardId).executeTakeFirstOrThrow();
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
    /** Which post bodies a key still opens. */
    const opensPosts = async (key: Buffer) => {
      const rows = await db()
        .selectFrom('cohort_posts')
        .select(['id', 'body_sealed'])
        .where('board_id', '=', boardId)
        .execute();
      return rows.map((r) => {
        try {
          return open(key, r.body_sealed, postAad(boardId, r.id)).toString('utf8');
        } catch (err) {
          if (err instanceof DecryptionFailed) return null;
          throw err;
        }
      });
    };

    /** Both families of the world's unit on its board, each with a post; the other family named. */
    const onBoardTogether = async () => {
      for (const [user, caseId] of [
        [s.w.family, s.w.caseId],
        [s.w.otherFamily, s.w.otherCaseId],
      ] as const)
        await setOptIn(deps(), await authoriseOptIn(db(), principalOf(user.auth), caseId), { optIn: true });
      boardId = (await cohortsOfCase(deps(), await grantFor(s.t, s.w.caseworker, s.w.caseId, 'read'))).cohorts[0]
        .boardId!;
      // The other family's copy is handed over when someone holding the key opens the board.
      await read(s.w.caseworker);
      await postOnBoard(deps(), await grant(s.w.family, 'post'), 'Есть новости из части?');
      await postOnBoard(deps(), await grant(s.w.otherFamily, 'post'), 'Нам тоже не отвечают.');
      await setBoardName(deps(), await grant(s.w.otherFamily, 'name'), 'Мама Серёжи');
      const seen = await read(s.w.otherFamily);
      return { key: await keyOf(s.w.family, s.w.caseId), keySealed: (await board()).key_sealed, seen };
    };

    /** What stays, and what the key the family held no longer opens. */
    const expectReplaced = async (before: Awaited<ReturnType<typeof onBoardTogether>>) => {
      const now = await board();
      expect(now.key_sealed).not.toBe(before.keySealed);
      expect(now.label_root_sealed).not.toBeNull();
      // The family still on the board writes on after it, and reads everything.
      await postOnBoard(deps(), await grant(s.w.otherFamily, 'post'), 'Пишу после.');
      const after = await read(s.w.otherFamily);
      // (A removed family's posts are hidden from the others; that is the removal's own rule.)
      const shown = (posts: typeof after.posts) => posts.filter((p) => !p.hidden).map((p) => p.body);
      expect(shown(after.posts)).toEqual([
        ...shown(before.seen.posts.filter((p) => after.posts.find((q) => q.id === p.id)?.hidden === null)),
        'Пишу после.',
      ]);
      // Its own label, and the name it chose, are what they were.
      expect(after.me).toEqual(before.seen.me);
      expect(after.me?.chosen).toBe('Мама Серёжи');
      expect(after.posts.slice(0, 2).map((p) => p.family)).toEqual(before.seen.posts.map((p) => p.family));
      // The key the family that went held opens nothing on the board now, the new post least of all.
      expect(await opensPosts(before.key)).toEqual([null, null, null]);
      expect(await opensPosts(await keyOf(s.w.otherFamily, s.w.otherCaseId))).toEqual([
        'Есть новости из части?',
        'Нам тоже не отвечают.',
        'Пишу после.',
      ]);
      // Staff read on with the organisation's key.
      expect((await read(s.w.verifier)).posts.map((p) => p.body)).toEqual([
        'Есть новости из части?',
        'Нам тоже не отвечают.',
        'Пишу после.',
      ]);
    };

    it('opens nothing new to the key it held; the others read on, their labels unmoved', async () => {
      const before = await onBoardTogether();
      await going(s, deps(), grant as never);
      await expectReplaced(before);
    });
  });
});
