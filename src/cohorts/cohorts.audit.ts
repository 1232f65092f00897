import type { Queryable } from '../db/database.ts';
import { recordAudit, type AuditAction } from '../audit/audit.service.ts';

// The one audit write of the cohorts domain (its boards, settings and names), in the caller's
// transaction: who, which action, when, the case when the action is about one, and the board when
// it is about a family's place on one — never a post, a name or any other text.

export const auditCohort = (
  tx: Queryable,
  who: { userId: string; role: string; organisationId: string },
  action: AuditAction,
  at: string,
  caseId: string | null,
  boardId: string | null = null,
) =>
  recordAudit(tx, {
    actorUserId: who.userId,
    actorRole: who.role,
    organisationId: who.organisationId,
    action,
    caseId,
    subjectId: boardId,
    at,
  });
