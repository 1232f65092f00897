import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../db/database.ts';
import { orgDay, isoNow, type Clock } from '../shared/clock.ts';
import { Conflict, Invalid, NotFound } from '../shared/errors.ts';
import { DecryptionFailed, openText, openWith, seal, sealTo } from '../shared/crypto/index.ts';
import { organisationName, userPublicKey } from '../accounts/accounts.service.ts';
import type { BoardGrant } from '../policy/cohort.policy.ts';
import { nameAad, resetNameAad } from './cohort-keys.ts';
import { labelRootOf, lockedBoardKey } from './board-key-rotation.ts';
import {
  answerNameResets,
  deleteName,
  findBoard,
  findName,
  findPost,
  insertLabels,
  insertName,
  insertNameReset,
  listLabels,
  listNameResets,
  listNames,
  lockBoardRow,
} from './cohorts.repository.ts';
import { auditCohort } from './cohorts.audit.ts';
import { familyLabel, impersonates, newLabelAttempts, sameName, showsLogin } from './family-names.ts';

// The names families show on a cohort board (family-names.ts says why never the login). Every
// reader of the board (its families and the organisation's staff) holds the board key, so each
// computes the same labels and opens the same chosen names, at the moment the page is made:
// nothing about who wrote what is stored beside the posts. Only which of its candidates a
// family's label is, so that it never moves (cohort_labels).

export interface NamesDeps {
  db: Db;
  clock: Clock;
  /** the calendar that dates what families do and see (orgDay) */
  config?: { timeZone?: string };
}

/** A family on a board: its label's number («Семья 4821»), and the name it chose there, if any. */
export interface FamilyName {
  label: string;
  chosen: string | null;
}

/** A family a board page shows, and the case through which it is there (its label goes with it). */
export interface BoardFamily {
  userId: string;
  caseId: string;
}

/** The names families chose on the board, opened with its key (one that does not open is skipped). */
const chosenNames = async (db: Queryable, boardId: string, key: Buffer): Promise<Map<string, string>> => {
  const out = new Map<string, string>();
  for (const r of await listNames(db, boardId)) {
    try {
      out.set(r.user_id, openText(key, r.name_sealed, nameAad(boardId, r.user_id)));
    } catch (err) {
      if (!(err instanceof DecryptionFailed)) throw err;
    }
  }
  return out;
};

/** Labels for the families the board shows for the first time, kept; with every label held. */
const giveLabels = (db: Db, boardId: string, key: Buffer, families: BoardFamily[]) =>
  db.transaction().execute(async (tx) => {
    // Read what is held under the board's lock: two first pages at once give two labels, not one.
    await lockBoardRow(tx, boardId);
    const held = await listLabels(tx, boardId);
    const given = newLabelAttempts(
      key,
      boardId,
      held,
      families.map((f) => f.userId),
    );
    const caseOf = new Map<string, string>();
    for (const f of families) if (!caseOf.has(f.userId)) caseOf.set(f.userId, f.caseId);
    await insertLabels(
      tx,
      [...given].map(([userId, attempt]) => ({
        board_id: boardId,
        user_id: userId,
        case_id: caseOf.get(userId) as string,
        attempt,
      })),
    );
    return new Map([...held, ...given]);
  });

/**
 * How these families show on the board. A family the board shows for the first time is given its
 * label now, in the order given (first posters first, the reader last), and keeps it.
 */
export const familyNamesOn = async (
  db: Db,
  board: { id: string; label_root_sealed: string | null },
  key: Buffer,
  families: BoardFamily[],
): Promise<Map<string, FamilyName>> => {
  // Labels derive from the board's first key, chosen names are sealed with the current one.
  const root = labelRootOf(board, key);
  let held = await listLabels(db, board.id);
  if (families.some((f) => !held.has(f.userId))) held = await giveLabels(db, board.id, root, families);
  const chosen = await chosenNames(db, board.id, key);
  return new Map(
    families.map((f) => [
      f.userId,
      { label: familyLabel(root, board.id, f.userId, held.get(f.userId) ?? 0), chosen: chosen.get(f.userId) ?? null },
    ]),
  );
};

/**
 * The day staff last reset the family's name on the board, while the family has not saved a name
 * there since: its board page says so (null otherwise).
 */
export const pendingNameReset = async (db: Queryable, boardId: string, userId: string): Promise<string | null> =>
  (await listNameResets(db, boardId, userId)).find((r) => Number(r.answered) === 0)?.reset_on ?? null;

/**
 * A name staff reset, opened with the family's own private key (null if it does not open, or was
 * not kept: a name the board key did not open when staff reset it).
 */
const openResetName = (privateKey: Buffer, boardId: string, userId: string, sealed: string | null): string | null => {
  if (sealed === null) return null;
  try {
    return openWith(privateKey, sealed, resetNameAad(boardId, userId)).toString('utf8');
  } catch (err) {
    if (err instanceof DecryptionFailed) return null;
    throw err;
  }
};

/**
 * A family chooses its name on one board, or (no name) goes back to its label. Refused, on the
 * field: a name that is or holds its login pseudonym, one that passes for a label or for the
 * organisation, one another family of the board already shows, one staff reset for this family
 * on this board before. Either way, saved, the notice of a reset goes.
 */
export const setBoardName = async (
  deps: NamesDeps,
  grant: BoardGrant<'name'>,
  name: string | undefined,
): Promise<'named' | 'unnamed'> => {
  const board = await findBoard(deps.db, grant.boardId);
  if (!board) throw new NotFound('board');
  if (name !== undefined && showsLogin(name, grant.auth.pseudonym))
    throw new Invalid({ field: 'display_name', key: 'cohorts.errors.nameIsLogin' });
  if (name !== undefined) {
    const organisation = await organisationName(deps.db, board.organisation_id);
    if (impersonates(name, organisation ? [organisation] : []))
      throw new Invalid({ field: 'display_name', key: 'cohorts.errors.nameReserved' });
  }
  const userId = grant.auth.userId;
  return deps.db.transaction().execute(async (tx) => {
    // The key as it is under the lock: a family's leaving may have replaced it meanwhile.
    const { key } = await lockedBoardKey(tx, grant, board.id);
    if (!key) throw new Invalid({ field: 'display_name', key: 'cohorts.errors.noKeyYet' });
    if (name !== undefined) {
      const reset = (await listNameResets(tx, board.id, userId)).map((r) =>
        openResetName(grant.auth.userPrivateKey, board.id, userId, r.name_sealed),
      );
      if (reset.some((before) => before !== null && sameName(before, name)))
        throw new Invalid({ field: 'display_name', key: 'cohorts.errors.nameWasReset' });
      const others = [...(await chosenNames(tx, board.id, key))].filter(([id]) => id !== userId);
      if (others.some(([, other]) => sameName(other, name)))
        throw new Invalid({ field: 'display_name', key: 'cohorts.errors.nameTaken' });
    }
    await answerNameResets(tx, board.id, userId);
    const had = await deleteName(tx, board.id, userId);
    if (name !== undefined)
      await insertName(tx, {
        board_id: board.id,
        user_id: userId,
        case_id: grant.caseId,
        name_sealed: seal(key, name, nameAad(board.id, userId)),
        set_on: orgDay(deps),
      });
    if (had || name !== undefined)
      await auditCohort(
        tx,
        { userId, role: 'family', organisationId: board.organisation_id },
        'cohort.named',
        isoNow(deps.clock),
        null,
      );
    return name === undefined ? 'unnamed' : 'named';
  });
};

/**
 * Moderation: staff give the family that wrote a post its label back on the board, for a name
 * that should not stand there (a real name, a provocation). Its posts show the label at once.
 * The name is deleted from the board; so that the family, told on its board page that its name
 * was reset, may choose another but not this one again, the name is kept sealed to the family's
 * own public key: only the family's session opens it (setBoardName). Not a fingerprint under the
 * board key: every family of the board holds that key, an informer too, and with a copy of the
 * database could test guesses of a short name offline until one matched.
 */
export const resetBoardName = async (
  deps: NamesDeps,
  grant: BoardGrant<'reset_name'>,
  postId: string,
): Promise<void> => {
  const board = await findBoard(deps.db, grant.boardId);
  if (!board) throw new NotFound('board');
  await deps.db.transaction().execute(async (tx) => {
    const { key } = await lockedBoardKey(tx, grant, board.id);
    const post = await findPost(tx, postId);
    if (!post || post.board_id !== grant.boardId || post.from_family !== 1) throw new NotFound('post');
    const userId = post.author_user_id;
    const named = await findName(tx, board.id, userId);
    if (!named || !(await deleteName(tx, board.id, userId))) throw new Conflict('cohorts.errors.notNamed');
    let sealed: string | null = null;
    if (key) {
      try {
        const before = openText(key, named.name_sealed, nameAad(board.id, userId));
        sealed = sealTo(await userPublicKey(tx, userId), Buffer.from(before, 'utf8'), resetNameAad(board.id, userId));
      } catch (err) {
        if (!(err instanceof DecryptionFailed)) throw err;
      }
    }
    await insertNameReset(tx, {
      id: randomUUID(),
      board_id: board.id,
      user_id: userId,
      case_id: named.case_id,
      name_sealed: sealed,
      // The family's side of it: to the day, as its own activity is kept.
      reset_on: orgDay(deps),
    });
    await auditCohort(
      tx,
      { userId: grant.auth.userId, role: grant.auth.role, organisationId: grant.organisationId },
      'cohort.name_reset',
      isoNow(deps.clock),
      null,
    );
  });
};
