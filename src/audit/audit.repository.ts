import type { Queryable } from '../db/database.ts';
import type { AuditLogTable } from './audit.table.ts';

// Append-only: there is deliberately no update or delete here (and triggers refuse them).
export const insertAudit = async (db: Queryable, row: AuditLogTable): Promise<void> => {
  await db.insertInto('audit_log').values(row).execute();
};

export const listAuditForOrganisation = (db: Queryable, organisationId: string, limit: number, before?: string) => {
  let q = db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor_user_id', 'actor_role', 'action', 'case_id'])
    .where('organisation_id', '=', organisationId);
  if (before) q = q.where('at', '<', before);
  return q.orderBy('at', 'desc').orderBy('id').limit(limit).execute();
};
