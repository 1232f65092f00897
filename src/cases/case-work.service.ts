import { randomUUID } from 'node:crypto';
import { isoDay, isoNow } from '../shared/clock.ts';
import { Invalid } from '../shared/errors.ts';
import { seal } from '../shared/crypto/index.ts';
import { staffOfOrganisation } from '../accounts/accounts.service.ts';
import { recordAudit, type AuditAction } from '../audit/audit.service.ts';
import { CASE_ROLES, type CaseGrant } from '../web/access.ts';
import type { Tx } from '../db/database.ts';
import { fieldAad, openCaseKey } from './case-keys.ts';
import type { CasesDeps } from './cases.service.ts';
import type { CLOSE_REASONS } from './cases.schema.ts';
import { findCase, insertPost, nextSeq, transitionCase, updateCase } from './cases.repository.ts';

// Working a case: assignment, private notes, messages with the family, closing and reopening.
// Every change writes its audit record in the same transaction.

const staffOnly = (grant: CaseGrant): void => {
  if (grant.viewer !== 'staff') throw new Invalid({ field: '_form', key: 'errors.notFound' });
};

/** A family's activity is kept to the day (threat model); staff actions to the second. */
export const actedAt = (deps: CasesDeps, grant: CaseGrant): string =>
  grant.viewer === 'family' ? isoDay(deps.clock) : isoNow(deps.clock);

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

const openCaseRow = async (tx: Tx, grant: CaseGrant) => {
  const c = await findCase(tx, grant.caseId);
  if (c?.state !== 'open') throw new Invalid({ field: '_form', key: 'cases.errors.closed' });
  return c;
};

/** Assign or reassign to a case-working staff member of the same organisation. */
export const assignCase = async (deps: CasesDeps, grant: CaseGrant, assigneeId: string): Promise<void> => {
  staffOnly(grant);
  const staff = await staffOfOrganisation(deps.db, grant.organisationId);
  if (!staff.some((s) => s.id === assigneeId && CASE_ROLES.includes(s.role)))
    throw new Invalid({ field: 'assignee', key: 'errors.unknownOption' });
  await deps.db.transaction().execute(async (tx) => {
    if (
      !(await transitionCase(tx, grant.caseId, 'open', {
        assigned_to: assigneeId,
        last_activity_on: isoDay(deps.clock),
      }))
    ) {
      throw new Invalid({ field: '_form', key: 'cases.errors.closed' });
    }
    await auditCase(tx, deps, grant, 'case.assigned');
  });
};

const post = async (
  deps: CasesDeps,
  grant: CaseGrant,
  table: 'case_messages' | 'case_notes',
  body: string,
): Promise<string> => {
  const key = await openCaseKey(deps.db, grant);
  const id = randomUUID();
  const family = grant.viewer === 'family';
  await deps.db.transaction().execute(async (tx) => {
    // Touch the case row first: on PostgreSQL the update locks it, so two posts to one case
    // take turns and the next statements (state check, next position) see each other's rows.
    // A closed case throws below and the rollback undoes the touch.
    const waiting = table === 'case_messages' ? { waiting_on: family ? ('staff' as const) : ('family' as const) } : {};
    await updateCase(tx, grant.caseId, { last_activity_on: isoDay(deps.clock), ...waiting });
    await openCaseRow(tx, grant);
    const prefix = table === 'case_messages' ? 'message' : 'note';
    await insertPost(tx, table, {
      id,
      case_id: grant.caseId,
      seq: await nextSeq(tx, table, grant.caseId),
      author_user_id: grant.auth.userId,
      from_family: family ? 1 : 0,
      body_sealed: seal(key, body, fieldAad(grant.caseId, `${prefix}:${id}`)),
      created_at: actedAt(deps, grant),
    });
    await auditCase(tx, deps, grant, table === 'case_messages' ? 'message.sent' : 'note.added');
  });
  return id;
};

/** A private note: staff only, never shown to the family. */
export const addNote = (deps: CasesDeps, grant: CaseGrant, body: string): Promise<string> => {
  staffOnly(grant);
  return post(deps, grant, 'case_notes', body);
};

/** A message inside the case, between the family and the organisation's staff. */
export const sendMessage = (deps: CasesDeps, grant: CaseGrant, body: string): Promise<string> =>
  post(deps, grant, 'case_messages', body);

export const closeCase = async (
  deps: CasesDeps,
  grant: CaseGrant,
  reason: (typeof CLOSE_REASONS)[number],
): Promise<void> => {
  staffOnly(grant);
  await closeAs(deps, grant, reason, 'case.closed');
};

/**
 * The one way a case closes, so a family's withdrawal (case-edit.service.ts) starts the same
 * retention clock as a staff close. The caller has checked who may close; `action` names it
 * in the audit log (recordAudit cuts a family's entry to the day).
 */
export const closeAs = async (
  deps: CasesDeps,
  grant: CaseGrant,
  reason: (typeof CLOSE_REASONS)[number],
  action: 'case.closed' | 'case.withdrawn',
): Promise<void> => {
  await deps.db.transaction().execute(async (tx) => {
    const today = isoDay(deps.clock);
    if (
      !(await transitionCase(tx, grant.caseId, 'open', {
        state: 'closed',
        close_reason: reason,
        closed_on: today,
        last_activity_on: today,
      }))
    ) {
      throw new Invalid({ field: '_form', key: 'cases.errors.closed' });
    }
    await auditCase(tx, deps, grant, action);
  });
};

export const reopenCase = async (deps: CasesDeps, grant: CaseGrant): Promise<void> => {
  staffOnly(grant);
  await deps.db.transaction().execute(async (tx) => {
    const patch = {
      state: 'open' as const,
      close_reason: null,
      closed_on: null,
      waiting_on: 'staff' as const,
      last_activity_on: isoDay(deps.clock),
    };
    if (!(await transitionCase(tx, grant.caseId, 'closed', patch)))
      throw new Invalid({ field: '_form', key: 'cases.errors.notClosed' });
    await auditCase(tx, deps, grant, 'case.reopened');
  });
};
