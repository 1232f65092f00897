import type { Queryable } from '../db/database.ts';
import { recordAudit } from '../audit/audit.service.ts';

// Staff account events go to the cases developer's append-only audit log, in the same
// transaction as the change. Who, what, when: never a pseudonym typed, a token or a passphrase.

export type AccountAuditAction =
  | 'organisation.created'
  | 'account.invite_created'
  | 'account.invite_accepted'
  | 'account.reset_created'
  | 'account.reset_used'
  | 'account.2fa_set'
  | 'account.removed'
  | 'organisation.key_rotated'
  | 'organisation.about_changed';

export const auditAccountEvent = async (
  tx: Queryable,
  entry: {
    actorUserId: string;
    actorRole: string;
    organisationId: string;
    action: AccountAuditAction;
    at: string;
    /** the staff account acted on (removed, sent a reset link): the audit page names it */
    subjectId?: string;
  },
): Promise<void> => recordAudit(tx, entry);
