import { randomUUID } from 'node:crypto';
import type { Db, Queryable, Tx } from '../db/database.ts';
import { orgDay, isoNow, type Clock } from '../shared/clock.ts';
import { Conflict, NotFound } from '../shared/errors.ts';
import type { AuditAction } from '../audit/audit.service.ts';
import type { BoardGrant } from '../policy/cohort.policy.ts';
import { boardKeyFor } from './cohort-keys.ts';
import { keyFromWrap, rotateBoardKey } from './board-key-rotation.ts';
import {
  countPostsOf,
  deleteExits,
  deleteWrapsOf,
  findBoard,
  findExit,
  findPost,
  findWrap,
  hidePostsOf,
  insertExits,
  lockBoardRow,
  restorePostsOf,
  setExitsRemoved,
} from './cohorts.repository.ts';
import { caseOfCohort, cohortOfKey, exitOf, familyCasesInCohort, type Cohort } from './cohorts.service.ts';
import { familyNamesOn, type FamilyName } from './board-names.service.ts';
import { auditCohort } from './cohorts.audit.ts';
import { isUuid } from '../shared/ids.ts';

// One family off one board while its case stays open (migration 0061). A family leaves a board on
// its own (from the board, confirmed) and may come back from its case page; its posts stay, or are
// hidden from the other families if it asks. Staff remove a family from a board (a suspected
// provocateur, a family that asked by phone), confirmed, with a reason code: its copies of the
// board key go at once and the key is replaced (board-key-rotation.ts; as when a family leaves), its posts are hidden from the other families (staff still read them, until
// its case is purged), its case page says it was removed, and it cannot come back on its own —
// neither by opting in again nor through another case — until staff let it back. Off the board,
// a family is not counted among its families and is handed no key.

export interface MembersDeps {
  db: Db;
  clock: Clock;
  /** the calendar that dates what families do and see (orgDay) */
  config?: { timeZone?: string };
}

/** Why staff removed a family: a code, never a text (it is kept beside a case). */
export const REMOVE_REASONS = ['informer', 'threat', 'family_asked', 'other'] as const;
export type RemoveReason = (typeof REMOVE_REASONS)[number];

/** Posts hidden because their family left and asked so, or because staff removed it. */
export const LEFT_REASON = 'left';
export const REMOVED_REASON = 'removed';

const boardOf = async (db: Queryable, boardId: string) => {
  const board = await findBoard(db, boardId);
  if (!board) throw new NotFound('board');
  return board;
};

/** A staff action about a family, one entry per case it concerns (the board as its subject). */
const auditStaff = async (
  tx: Tx,
  grant: BoardGrant,
  organisationId: string,
  action: AuditAction,
  at: string,
  caseIds: string[],
) => {
  for (const caseId of caseIds)
    await auditCohort(
      tx,
      { userId: grant.auth.userId, role: grant.auth.role, organisationId },
      action,
      at,
      caseId,
      grant.boardId,
    );
};

// ---- the family -------------------------------------------------------------------------------

export interface LeavePage {
  boardId: string;
  cohort: Cohort;
  /** how many posts the family wrote on the board */
  posts: number;
}

/** What the page that confirms leaving shows. */
export const leavePage = async (db: Queryable, grant: BoardGrant<'leave'>): Promise<LeavePage> => {
  const board = await boardOf(db, grant.boardId);
  return {
    boardId: board.id,
    cohort: await cohortOfKey(db, board.cohort_key),
    posts: await countPostsOf(db, board.id, grant.auth.userId),
  };
};

/**
 * The family leaves the board: its keys to it go, it is counted no more, and (if it asks) its
 * posts are hidden from the other families. Returns the case through which it was there (its
 * case page offers to come back).
 */
export const leaveBoard = async (
  deps: MembersDeps,
  grant: BoardGrant<'leave'>,
  opts: { hidePosts: boolean },
): Promise<string> => {
  const board = await boardOf(deps.db, grant.boardId);
  const userId = grant.auth.userId;
  const day = orgDay(deps);
  await deps.db.transaction().execute(async (tx) => {
    await lockBoardRow(tx, board.id);
    if (await exitOf(tx, board.id, userId)) throw new Conflict('cohorts.errors.alreadyLeft');
    const cases = await familyCasesInCohort(tx, board, userId);
    await insertExits(
      tx,
      cases.map((caseId) => ({
        id: randomUUID(),
        board_id: board.id,
        user_id: userId,
        case_id: caseId,
        side: 'family' as const,
        reason: null,
        left_on: day,
      })),
    );
    // The key as the family held it, before its copies go; then replaced (board-key-rotation.ts).
    const wrap = await findWrap(tx, board.id, grant.caseId);
    const key = wrap ? keyFromWrap(board.id, wrap.wrapped, grant.auth.userPrivateKey) : null;
    await deleteWrapsOf(tx, board.id, cases);
    const now = await findBoard(tx, board.id);
    if (key && now) await rotateBoardKey(tx, now, key);
    // A family's activity is kept to the day, its hiding too.
    if (opts.hidePosts) await hidePostsOf(tx, board.id, userId, { reason: LEFT_REASON, by: userId, at: day });
    await auditCohort(
      tx,
      { userId, role: 'family', organisationId: board.organisation_id },
      'cohort.left',
      isoNow(deps.clock),
      grant.caseId,
      board.id,
    );
  });
  return grant.caseId;
};

/**
 * A family that left on its own comes back: counted again, and handed the key by the next holder
 * who opens the board (staff, or another family), as any family that joins. Posts it hid when it
 * left show again.
 */
export const rejoinBoard = async (deps: MembersDeps, grant: BoardGrant<'rejoin'>): Promise<string> => {
  const board = await boardOf(deps.db, grant.boardId);
  const userId = grant.auth.userId;
  await deps.db.transaction().execute(async (tx) => {
    await lockBoardRow(tx, board.id);
    const off = await exitOf(tx, board.id, userId);
    // Removed by staff meanwhile (or already back): only staff let it back.
    if (off?.side !== 'family') throw new NotFound('board');
    await deleteExits(tx, board.id, userId);
    await restorePostsOf(tx, board.id, userId, [LEFT_REASON]);
    await auditCohort(
      tx,
      { userId, role: 'family', organisationId: board.organisation_id },
      'cohort.rejoined',
      isoNow(deps.clock),
      grant.caseId,
      board.id,
    );
  });
  return grant.caseId;
};

// ---- staff ------------------------------------------------------------------------------------

/** Which family staff mean: the one that wrote a post on the board, or the one of a case. */
export type RemovalTarget = { post: string } | { case: string };

interface Resolved {
  userId: string;
  /** the cases through which it is (or was, or would be) on the board */
  caseIds: string[];
  side: 'family' | 'staff' | null;
}

const resolve = async (
  db: Queryable,
  board: { id: string; organisation_id: string; cohort_key: string },
  target: RemovalTarget,
): Promise<Resolved> => {
  let userId: string;
  let through: string;
  if ('post' in target) {
    const post = isUuid(target.post) ? await findPost(db, target.post) : undefined;
    if (!post || post.board_id !== board.id || post.from_family !== 1 || !post.case_id) throw new NotFound('post');
    userId = post.author_user_id;
    through = post.case_id;
  } else {
    const ref = await caseOfCohort(db, board, target.case);
    if (!ref) throw new NotFound('case');
    userId = ref.requesterUserId;
    through = ref.caseId;
  }
  const off = await exitOf(db, board.id, userId);
  const caseIds = [...new Set([through, ...(off?.caseIds ?? []), ...(await familyCasesInCohort(db, board, userId))])];
  return { userId, caseIds, side: off?.side ?? null };
};

export interface RemovalPage {
  boardId: string;
  cohort: Cohort;
  /** how the family shows on the board */
  family: FamilyName | null;
  posts: number;
  /** it had left on its own already (removing it keeps it from coming back) */
  leftAlready: boolean;
}

/** What the page that confirms a removal shows; Conflict when staff removed the family already. */
export const removalPage = async (
  deps: MembersDeps,
  grant: BoardGrant<'remove_family'>,
  target: RemovalTarget,
): Promise<RemovalPage> => {
  const board = await boardOf(deps.db, grant.boardId);
  const who = await resolve(deps.db, board, target);
  if (who.side === 'staff') throw new Conflict('cohorts.errors.alreadyRemoved');
  const key = await boardKeyFor(deps.db, grant, board);
  const names = key
    ? await familyNamesOn(deps.db, board, key, [{ userId: who.userId, caseId: who.caseIds[0] }])
    : new Map<string, FamilyName>();
  return {
    boardId: board.id,
    cohort: await cohortOfKey(deps.db, board.cohort_key),
    family: names.get(who.userId) ?? null,
    posts: await countPostsOf(deps.db, board.id, who.userId),
    leftAlready: who.side === 'family',
  };
};

/** Staff remove a family from the board, with a reason code; audited for each of its cases. */
export const removeFamily = async (
  deps: MembersDeps,
  grant: BoardGrant<'remove_family'>,
  target: RemovalTarget,
  reason: RemoveReason,
): Promise<void> => {
  const board = await boardOf(deps.db, grant.boardId);
  const day = orgDay(deps);
  const at = isoNow(deps.clock);
  await deps.db.transaction().execute(async (tx) => {
    await lockBoardRow(tx, board.id);
    const who = await resolve(tx, board, target);
    if (who.side === 'staff') throw new Conflict('cohorts.errors.alreadyRemoved');
    const had = new Set((await exitOf(tx, board.id, who.userId))?.caseIds ?? []);
    await setExitsRemoved(tx, board.id, who.userId, { reason, on: day });
    await insertExits(
      tx,
      who.caseIds
        .filter((c) => !had.has(c))
        .map((caseId) => ({
          id: randomUUID(),
          board_id: board.id,
          user_id: who.userId,
          case_id: caseId,
          side: 'staff' as const,
          reason,
          left_on: day,
        })),
    );
    await deleteWrapsOf(tx, board.id, who.caseIds);
    // Its copies gone, the key they opened is replaced (board-key-rotation.ts).
    const now = await findBoard(tx, board.id);
    const key = now ? await boardKeyFor(tx, grant, now) : null;
    if (key && now) await rotateBoardKey(tx, now, key);
    await hidePostsOf(tx, board.id, who.userId, { reason: REMOVED_REASON, by: grant.auth.userId, at });
    await auditStaff(tx, grant, board.organisation_id, 'cohort.family_removed', at, who.caseIds);
  });
};

/** Staff let a removed family back: counted again, handed the key, its posts hidden by the removal shown. */
export const readmitFamily = async (
  deps: MembersDeps,
  grant: BoardGrant<'remove_family'>,
  exitId: string,
): Promise<void> => {
  const board = await boardOf(deps.db, grant.boardId);
  await deps.db.transaction().execute(async (tx) => {
    await lockBoardRow(tx, board.id);
    const exit = isUuid(exitId) ? await findExit(tx, exitId) : undefined;
    // Let back already (a colleague's click), or never removed: nothing to do, nothing written.
    if (!exit || exit.board_id !== board.id || exit.side !== 'staff') throw new Conflict('cohorts.errors.notRemoved');
    const off = await exitOf(tx, board.id, exit.user_id);
    await deleteExits(tx, board.id, exit.user_id);
    await restorePostsOf(tx, board.id, exit.user_id, [REMOVED_REASON, LEFT_REASON]);
    await auditStaff(
      tx,
      grant,
      board.organisation_id,
      'cohort.family_readmitted',
      isoNow(deps.clock),
      off?.caseIds ?? [],
    );
  });
};
