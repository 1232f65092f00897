import type { Queryable } from '../db/database.ts';
import { openWith, randomKey, sealTo } from '../shared/crypto/index.ts';
import { organisationPrivateKey } from '../accounts/accounts.service.ts';
import type { BoardGrant } from '../policy/cohort.policy.ts';
import { findWrap, listBoards, setBoardKey } from './cohorts.repository.ts';
import { listDescriptionsOfOrganisation, setDescription } from './incidents.repository.ts';

// Keys of cohorts and incidents. A board has its own random key: sealed to the organisation
// (staff read and moderate) and to each opted-in family's own public key (cohort_key_wraps), so
// the server can let a family read a board only while that family's session is open. An
// incident's description is sealed to the organisation alone.

const boardAad = (boardId: string): string => `cohort:${boardId}:key`;
export const postAad = (boardId: string, postId: string): string => `cohort:${boardId}:post:${postId}`;
/** A family's own name on a board (board-names.service.ts). */
export const nameAad = (boardId: string, userId: string): string => `cohort:${boardId}:name:${userId}`;
/** A family's name on a board that staff reset, sealed to that family alone (board-names.service.ts). */
export const resetNameAad = (boardId: string, userId: string): string => `cohort:${boardId}:reset-name:${userId}`;
export const descriptionAad = (incidentId: string): string => `incident:${incidentId}:description`;

export const newBoardKey = (boardId: string, organisationPublicKey: string): { key: Buffer; sealed: string } => {
  const key = randomKey();
  return { key, sealed: sealTo(organisationPublicKey, key, boardAad(boardId)) };
};

/** The board key from its organisation seal (staff) or a family's own wrap. */
export const openBoardKey = (boardId: string, sealed: string, privateKey: Buffer): Buffer =>
  openWith(privateKey, sealed, boardAad(boardId));

export const wrapBoardKey = (boardId: string, key: Buffer, userPublicKey: string): string =>
  sealTo(userPublicKey, key, boardAad(boardId));

/** The board key for the grant's holder, or null for a family still waiting for its copy. */
export const boardKeyFor = async (
  db: Queryable,
  grant: BoardGrant,
  board: { id: string; key_sealed: string },
): Promise<Buffer | null> => {
  if (grant.side === 'staff')
    return openBoardKey(board.id, board.key_sealed, await organisationPrivateKey(db, grant.auth, grant.organisationId));
  const wrap = await findWrap(db, board.id, grant.caseId);
  return wrap ? openBoardKey(board.id, wrap.wrapped, grant.auth.userPrivateKey) : null;
};

/**
 * Organisation key rotation (src/accounts/org-key-rotation.service.ts): board keys and incident
 * descriptions sealed to the old key are sealed to the new one; one that does not open aborts it.
 */
export const resealCohortKeys = async (
  tx: Queryable,
  organisationId: string,
  oldPrivateKey: Buffer,
  newPublicKey: string,
): Promise<number> => {
  const boards = await listBoards(tx, organisationId);
  for (const b of boards)
    await setBoardKey(
      tx,
      b.id,
      sealTo(newPublicKey, openWith(oldPrivateKey, b.key_sealed, boardAad(b.id)), boardAad(b.id)),
    );
  const incidents = await listDescriptionsOfOrganisation(tx, organisationId);
  for (const r of incidents)
    await setDescription(
      tx,
      r.id,
      sealTo(
        newPublicKey,
        openWith(oldPrivateKey, r.description_sealed as string, descriptionAad(r.id)),
        descriptionAad(r.id),
      ),
    );
  return boards.length + incidents.length;
};
