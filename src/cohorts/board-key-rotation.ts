import type { Queryable, Tx } from '../db/database.ts';
import { lockOrganisation, userPublicKey } from '../accounts/accounts.service.ts';
import { DecryptionFailed, open, seal } from '../shared/crypto/index.ts';
import type { BoardGrant } from '../policy/cohort.policy.ts';
import { boardKeyFor, nameAad, newBoardKey, openBoardKey, postAad, wrapBoardKey } from './cohort-keys.ts';
import {
  findBoard,
  keyCopyLost,
  listNames,
  listPostBodies,
  listWraps,
  lockBoardRow,
  setBoardKeys,
  setNameSealed,
  setPostBody,
  setWrap,
} from './cohorts.repository.ts';

// A board's key is replaced whenever a family loses its copy: it leaves, opts out, or staff
// remove it. The threat model's state plants informers in family groups; one removed from a
// board had its copy deleted, but a backup taken before still holds it, and with the informer's
// passphrase it opens the board key. Replaced at once, that key opens only what was written
// before the informer left (which it had read anyway), never what the families write after.
// Everything under the old key is sealed again under the new one in the same transaction —
// posts, chosen names, every remaining family's copy — so nobody else notices. The families'
// labels derive from the board's first key, kept sealed under the current one (labelRootOf), so
// no «Семья 4821» moves.
// A copy can also go with nobody holding the key at hand: retention destroys a closed case, or a
// family deletes its account, and the copy goes with the case row. The board counts the copies
// it handed out (key_copies); the first holder who opens the board's key after one went replaces
// it (lockedBoardKey, and the board page), before anything new is sealed with it.

type Board = { id: string; organisation_id: string; label_root_sealed: string | null };

const labelRootAad = (boardId: string): string => `cohort:${boardId}:label-root`;

/** The key the board's family labels derive from (family-names.ts): its first key. */
export const labelRootOf = (board: Pick<Board, 'id' | 'label_root_sealed'>, key: Buffer): Buffer =>
  board.label_root_sealed ? open(key, board.label_root_sealed, labelRootAad(board.id)) : key;

/** What `key` opens, or null (a row that did not open before stays as it was: nothing to save). */
const opened = (key: Buffer, sealed: string, aad: string): Buffer | null => {
  try {
    return open(key, sealed, aad);
  } catch (err) {
    if (err instanceof DecryptionFailed) return null;
    throw err;
  }
};

/**
 * The board key from a family's own copy, or null when the copy does not open (nothing can be
 * sealed again without it; the family's leaving must not fail for that).
 */
export const keyFromWrap = (boardId: string, wrapped: string, privateKey: Buffer): Buffer | null => {
  try {
    return openBoardKey(boardId, wrapped, privateKey);
  } catch (err) {
    if (err instanceof DecryptionFailed) return null;
    throw err;
  }
};

/**
 * Replaces the board's key, under its lock: called in the transaction that took a family's
 * copies away, after they are gone, with the key as it was (`oldKey`).
 */
export const rotateBoardKey = async (tx: Tx, board: Board, oldKey: Buffer): Promise<Buffer> => {
  // Sealed to the organisation's key as it is now: an organisation key rotation waits for this.
  const made = newBoardKey(board.id, await lockOrganisation(tx, board.organisation_id, 'share'));
  for (const post of await listPostBodies(tx, board.id)) {
    const aad = postAad(board.id, post.id);
    const body = opened(oldKey, post.body_sealed, aad);
    if (body) await setPostBody(tx, post.id, seal(made.key, body, aad));
  }
  for (const name of await listNames(tx, board.id)) {
    const aad = nameAad(board.id, name.user_id);
    const text = opened(oldKey, name.name_sealed, aad);
    if (text) await setNameSealed(tx, board.id, name.user_id, seal(made.key, text, aad));
  }
  const wraps = await listWraps(tx, board.id);
  for (const w of wraps)
    await setWrap(tx, board.id, w.case_id, wrapBoardKey(board.id, made.key, await userPublicKey(tx, w.user_id)));
  await setBoardKeys(tx, board.id, {
    key_sealed: made.sealed,
    label_root_sealed: seal(made.key, labelRootOf(board, oldKey), labelRootAad(board.id)),
    key_copies: wraps.length,
  });
  return made.key;
};

/**
 * The board and its key as they are once a copy that went with its destroyed case is replaced:
 * called under the board's lock by whoever holds the key (`key`, opened from `board`).
 */
export const keyWithoutLostCopies = async <B extends Board>(
  tx: Tx,
  board: B,
  key: Buffer,
): Promise<{ board: B; key: Buffer }> => {
  if (!(await keyCopyLost(tx, board.id))) return { board, key };
  const fresh = await rotateBoardKey(tx, board, key);
  return { board: ((await findBoard(tx, board.id)) as B | undefined) ?? board, key: fresh };
};

/**
 * The board and its key for the grant's holder, read under the board's lock: whatever is sealed
 * or handed over with the key is then sealed with the current one, never with a key a family's
 * leaving replaced a moment before.
 */
export const lockedBoardKey = async (tx: Tx, grant: BoardGrant, boardId: string) => {
  await lockBoardRow(tx, boardId);
  const board = await findBoard(tx, boardId);
  const key = board ? await boardKeyFor(tx, grant, board) : null;
  if (!board || !key) return { board, key };
  return keyWithoutLostCopies(tx, board, key);
};

/** Whether the board's key is still the one sealed as `keySealed` (read before the lock). */
export const keyUnchanged = async (db: Queryable, boardId: string, keySealed: string): Promise<boolean> =>
  (await findBoard(db, boardId))?.key_sealed === keySealed;
