import { randomUUID } from 'node:crypto';
import { orgDay, isoNow } from '../shared/clock.ts';
import { Invalid } from '../shared/errors.ts';
import { seal } from '../shared/crypto/index.ts';
import { staffOfOrganisation } from '../accounts/accounts.service.ts';
import { recordAudit, type AuditAction } from '../audit/audit.service.ts';
import type { CaseGrant } from '../policy/case.policy.ts';
import { worksCases } from '../policy/staff-roles.ts';
import type { Tx } from '../db/database.ts';
import { fieldAad, openCaseKey } from './case-keys.ts';
import type { CasesDeps } from './case-deps.ts';
import { ACTIVE_STATES, assertActive, fromStates, refusal, transition, type CaseTransition } from './case-lifecycle.ts';
import type { CLOSE_REASONS } from './cases.schema.ts';
import { findCase, findCaseRef, insertPost, nextSeq, transitionCase } from './cases.repository.ts';
import { postNewsFor } from './case-news.service.ts';

// Working a case: assignment, private notes, messages with the family, closing and reopening.
// Who may do each is settled by the grant (src/policy/case.policy.ts); whether the case's state
// allows it, by the lifecycle (case-lifecycle.ts). Every change writes its audit record in the
// same transaction.

/** A family's activity is kept to the day (threat model); staff actions to the second. */
export const actedAt = (deps: CasesDeps, grant: CaseGrant): string =>
  grant.side === 'family' ? orgDay(deps) : isoNow(deps.clock);

/** The audit entry of a change to the grant's case, by the grant's holder, in the same transaction. */
export const auditCase = (tx: Tx, deps: CasesDeps, grant: CaseGrant, action: AuditAction) =>
  recordAudit(tx, {
    actorUserId: grant.auth.userId,
    actorRole: grant.auth.role,
    organisationId: grant.organisationId,
    action,
    caseId: grant.caseId,
    at: isoNow(deps.clock),
  });

/**
 * Takes a lifecycle step inside `tx`: the guard decides, then one conditional update makes it
 * (so two people closing at once cannot both succeed, and a step on a case changed since it was
 * read fails with the guard's message).
 */
export const stepCase = async (
  tx: Tx,
  grant: CaseGrant,
  name: CaseTransition,
  patch: Parameters<typeof transitionCase>[3] = {},
): Promise<void> => {
  const current = await findCaseRef(tx, grant.caseId);
  const to = transition(current?.state, name, grant.side);
  // Only retention purges, and it destroys the row rather than marking it (retention.service.ts).
  if (to === 'purged') throw refusal(name);
  if (!(await transitionCase(tx, grant.caseId, fromStates(name), { ...patch, state: to }))) throw refusal(name);
};

/**
 * Work inside an active case (a note, an assignment, a correction): one conditional update that
 * fails unless the case is open or waiting on the family. On PostgreSQL it also locks the row,
 * so two writes to one case take turns.
 */
export const touchActiveCase = async (
  tx: Tx,
  caseId: string,
  patch: Parameters<typeof transitionCase>[3],
): Promise<void> => {
  if (!(await transitionCase(tx, caseId, ACTIVE_STATES, patch))) assertActive(undefined);
};

/** The step a message or report moves the case by: whose turn it is next. */
export const turnAfter = (grant: CaseGrant): CaseTransition =>
  grant.side === 'family' ? 'family_replied' : 'await_family';

/** Assign or reassign to a case-working staff member of the same organisation. */
export const assignCase = async (deps: CasesDeps, grant: CaseGrant<'assign'>, assigneeId: string): Promise<void> => {
  const staff = await staffOfOrganisation(deps.db, grant.organisationId);
  if (!staff.some((s) => s.id === assigneeId && worksCases(s.role)))
    throw new Invalid({ field: 'assignee', key: 'errors.unknownOption' });
  await deps.db.transaction().execute(async (tx) => {
    const before = await findCase(tx, grant.caseId);
    await touchActiveCase(tx, grant.caseId, { assigned_to: assigneeId, last_activity_on: orgDay(deps) });
    // That someone has taken the request is news to the family; who, or a reassignment, is not.
    if (before && before.assigned_to === null)
      await postNewsFor(tx, 'staff', { caseId: grant.caseId, kind: 'assigned', day: orgDay(deps) });
    await auditCase(tx, deps, grant, 'case.assigned');
  });
};

const post = async (
  deps: CasesDeps,
  grant: CaseGrant<'message' | 'note'>,
  table: 'case_messages' | 'case_notes',
  body: string,
): Promise<string> => {
  const key = await openCaseKey(deps.db, grant);
  const id = randomUUID();
  await deps.db.transaction().execute(async (tx) => {
    // The state check and the step come first: on PostgreSQL the update locks the case row, so
    // two posts to one case take turns and the next position below sees the other's row.
    const today = { last_activity_on: orgDay(deps) };
    if (table === 'case_messages') await stepCase(tx, grant, turnAfter(grant), today);
    else await touchActiveCase(tx, grant.caseId, today);
    const prefix = table === 'case_messages' ? 'message' : 'note';
    await insertPost(tx, table, {
      id,
      case_id: grant.caseId,
      seq: await nextSeq(tx, table, grant.caseId),
      author_user_id: grant.auth.userId,
      from_family: grant.side === 'family' ? 1 : 0,
      body_sealed: seal(key, body, fieldAad(grant.caseId, `${prefix}:${id}`)),
      created_at: actedAt(deps, grant),
    });
    if (table === 'case_messages')
      await postNewsFor(tx, grant.side, { caseId: grant.caseId, kind: 'message', refId: id, day: orgDay(deps) });
    await auditCase(tx, deps, grant, table === 'case_messages' ? 'message.sent' : 'note.added');
  });
  return id;
};

/** A private note: staff only (the grant says so), never shown to the family. */
export const addNote = (deps: CasesDeps, grant: CaseGrant<'note'>, body: string): Promise<string> =>
  post(deps, grant, 'case_notes', body);

/** A message inside the case, between the family and the organisation's staff. */
export const sendMessage = (deps: CasesDeps, grant: CaseGrant<'message'>, body: string): Promise<string> =>
  post(deps, grant, 'case_messages', body);

/**
 * Staff close a case with a reason; «другое» (other) needs a few words saying why, sealed with
 * the case key (the family reads them with the reason).
 */
export const closeCase = async (
  deps: CasesDeps,
  grant: CaseGrant<'close'>,
  reason: (typeof CLOSE_REASONS)[number],
  note?: string,
): Promise<void> => {
  if (reason === 'other' && !note) throw new Invalid({ field: 'note', key: 'cases.errors.closeNoteRequired' });
  const text = reason === 'other' ? note : undefined;
  const key = text ? await openCaseKey(deps.db, grant) : null;
  await endCase(deps, grant, 'close', reason, 'case.closed', (caseId) =>
    key && text ? seal(key, text, fieldAad(caseId, 'close_note')) : null,
  );
};

/**
 * The way a case ends, closed by staff or withdrawn by the family, so both start the same
 * retention clock. `action` names it in the audit log (recordAudit cuts a family's entry to the day).
 */
export const endCase = async (
  deps: CasesDeps,
  grant: CaseGrant<'close' | 'withdraw'>,
  name: 'close' | 'withdraw',
  reason: (typeof CLOSE_REASONS)[number],
  action: 'case.closed' | 'case.withdrawn',
  note: (caseId: string) => string | null = () => null,
): Promise<void> => {
  await deps.db.transaction().execute(async (tx) => {
    const today = orgDay(deps);
    await stepCase(tx, grant, name, {
      close_reason: reason,
      close_note_sealed: note(grant.caseId),
      closed_on: today,
      last_activity_on: today,
    });
    await postNewsFor(tx, grant.side, { caseId: grant.caseId, kind: 'closed', day: today });
    await auditCase(tx, deps, grant, action);
  });
};

export const reopenCase = async (deps: CasesDeps, grant: CaseGrant<'reopen'>): Promise<void> => {
  await deps.db.transaction().execute(async (tx) => {
    await stepCase(tx, grant, 'reopen', {
      close_reason: null,
      close_note_sealed: null,
      closed_on: null,
      last_activity_on: orgDay(deps),
    });
    await postNewsFor(tx, grant.side, { caseId: grant.caseId, kind: 'reopened', day: orgDay(deps) });
    await auditCase(tx, deps, grant, 'case.reopened');
  });
};
