import type { Queryable } from '../db/database.ts';
import { recordAudit, type AuditAction } from '../audit/audit.service.ts';

// Staff account events go to the cases developer's append-only audit log, in the same
// transaction as the change. Who, what, when: never a pseudonym typed, a token or a passphrase.

export type AccountAuditAction =
  | 'organisation.created'
  | 'account.invite_created'
  | 'account.invite_accepted'
  | 'account.reset_created'
  | 'account.reset_used'
  | 'account.2fa_set';

export const auditAccountEvent = async (
  tx: Queryable,
  entry: { actorUserId: string; actorRole?: string; organisationId: string; action: AccountAuditAction; at: string },
): Promise<void> => {
  // The audit domain lists case actions only so far; account actions are passed through as-is
  // (the column is plain text). TODO(cases dev): add these to AUDIT_ACTIONS and drop the cast.
  await recordAudit(tx, {
    actorUserId: entry.actorUserId,
    actorRole: entry.actorRole ?? 'staff',
    organisationId: entry.organisationId,
    action: entry.action as unknown as AuditAction,
    at: entry.at,
  });
};
