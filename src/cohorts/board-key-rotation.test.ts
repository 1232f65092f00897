import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import type { useWorld } from '../cases/cases.fixtures.ts';
import { principalOf } from '../policy/principal.ts';
import type { TestUser } from '../../test/helpers/factories.ts';
import { leaveBoard, removeFamily } from './board-members.service.ts';
import { useBoardWorld } from './board-world.test-helper.ts';
import { authoriseOptIn, postOnBoard, setOptIn } from './cohorts.service.ts';

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
    const { s, deps, grant, read, board, keyOf, opensPosts, onBoardTogether } = useBoardWorld(dialect);

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
