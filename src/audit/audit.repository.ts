import type { Queryable } from '../db/database.ts';
import type { AuditLogTable } from './audit.table.ts';

// Append-only: there is deliberately no update or delete here (and triggers refuse them).
export const insertAudit = async (db: Queryable, row: AuditLogTable): Promise<void> => {
  await db.insertInto('audit_log').values(row).execute();
};

/** Where the previous page ended: entries share a time (family entries keep only the day), so the id breaks ties. */
export interface AuditCursor {
  at: string;
  id: string;
}

export const listAuditForOrganisation = (
  db: Queryable,
  organisationId: string,
  limit: number,
  before?: AuditCursor,
) => {
  let q = db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor_user_id', 'actor_role', 'action', 'case_id', 'tip_id', 'subject_id'])
    .where('organisation_id', '=', organisationId);
  if (before)
    q = q.where((eb) =>
      eb.or([eb('at', '<', before.at), eb.and([eb('at', '=', before.at), eb('id', '<', before.id)])]),
    );
  return q.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
};
