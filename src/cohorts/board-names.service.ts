import type { Db, Queryable } from '../db/database.ts';
import { isoDay, isoNow, type Clock } from '../shared/clock.ts';
import { Invalid, NotFound } from '../shared/errors.ts';
import { DecryptionFailed, openText, seal } from '../shared/crypto/index.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { BoardGrant } from '../policy/cohort.policy.ts';
import { boardKeyFor, nameAad } from './cohort-keys.ts';
import { deleteName, findBoard, insertName, listNames, lockBoardRow } from './cohorts.repository.ts';
import { familyLabels, impersonates, sameName, showsLogin } from './family-names.ts';

// The names families show on a cohort board (family-names.ts says why never the login). Every
// reader of the board (its families and the organisation's staff) holds the board key, so each
// computes the same labels and opens the same chosen names, at the moment the page is made:
// nothing about who wrote what is stored beside the posts, and posts written before this
// existed show the label too.

export interface NamesDeps {
  db: Db;
  clock: Clock;
}

/** A family on a board: its label's number («Семья 4821»), and the name it chose there, if any. */
export interface FamilyName {
  label: string;
  chosen: string | null;
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

/**
 * How these families show on the board. Give them in the order they first posted there (the
 * reader last when they have not posted yet): labels are handed out in that order.
 */
export const familyNamesOn = async (
  db: Queryable,
  boardId: string,
  key: Buffer,
  userIds: string[],
): Promise<Map<string, FamilyName>> => {
  const chosen = await chosenNames(db, boardId, key);
  return new Map(
    [...familyLabels(key, boardId, userIds)].map(([id, label]) => [id, { label, chosen: chosen.get(id) ?? null }]),
  );
};

/**
 * A family chooses its name on one board, or (no name) goes back to its label. Refused, on the
 * field: a name that is or holds its login pseudonym, one that passes for a label or for the
 * organisation, one another family of the board already shows.
 */
export const setBoardName = async (
  deps: NamesDeps,
  grant: BoardGrant<'name'>,
  name: string | undefined,
): Promise<'named' | 'unnamed'> => {
  const board = await findBoard(deps.db, grant.boardId);
  if (!board || grant.side !== 'family' || !grant.caseId) throw new NotFound('board');
  const caseId = grant.caseId;
  const key = await boardKeyFor(deps.db, grant, board);
  if (!key) throw new Invalid({ field: 'display_name', key: 'cohorts.errors.noKeyYet' });
  if (name !== undefined && showsLogin(name, grant.auth.pseudonym))
    throw new Invalid({ field: 'display_name', key: 'cohorts.errors.nameIsLogin' });
  if (name !== undefined && impersonates(name))
    throw new Invalid({ field: 'display_name', key: 'cohorts.errors.nameReserved' });
  const userId = grant.auth.userId;
  return deps.db.transaction().execute(async (tx) => {
    await lockBoardRow(tx, board.id);
    if (name !== undefined) {
      const others = [...(await chosenNames(tx, board.id, key))].filter(([id]) => id !== userId);
      if (others.some(([, other]) => sameName(other, name)))
        throw new Invalid({ field: 'display_name', key: 'cohorts.errors.nameTaken' });
    }
    const had = await deleteName(tx, board.id, userId);
    if (name !== undefined)
      await insertName(tx, {
        board_id: board.id,
        user_id: userId,
        case_id: caseId,
        name_sealed: seal(key, name, nameAad(board.id, userId)),
        set_on: isoDay(deps.clock),
      });
    if (had || name !== undefined)
      await recordAudit(tx, {
        actorUserId: userId,
        actorRole: 'family',
        organisationId: board.organisation_id,
        action: 'cohort.named',
        caseId: null,
        at: isoNow(deps.clock),
      });
    return name === undefined ? 'unnamed' : 'named';
  });
};
