// Who, what, when — never content. Append-only (database triggers refuse UPDATE and DELETE).
export interface AuditLogTable {
  id: string;
  /** full ISO time for staff; a day ("YYYY-MM-DD") for families (threat model) */
  at: string;
  actor_user_id: string;
  actor_role: string;
  organisation_id: string | null;
  action: string;
  case_id: string | null;
  /** the other object the action was about, when not a case: a registry record (migration 0040) */
  subject_id: string | null;
  /** the tip staff worked on (0050); null for everything else */
  tip_id: string | null;
}

export interface AuditTables {
  audit_log: AuditLogTable;
}
