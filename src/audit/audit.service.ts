import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../db/database.ts';
import { insertAudit, listAuditForOrganisation, type AuditCursor } from './audit.repository.ts';

// Who did what, when — never content: no request body, no text, no search query. Written in
// the same transaction as the change it records, so a change without its record cannot exist.

export const AUDIT_ACTIONS = [
  'case.opened',
  'case.read',
  'case.assigned',
  'case.closed',
  'case.reopened',
  'case.searched',
  'case.edited',
  'case.withdrawn',
  'event.added',
  'event.verified',
  // issue 9: a grave level change on its confirmation page, a correction, a verdict on a discrepancy
  'event.confirmed',
  'event.revised',
  'discrepancy.resolved',
  'note.added',
  'message.sent',
  // a file attached to a case (case-files.service.ts); never its description or its bytes
  'file.added',
  'file.removed',
  // written by retention with actor "system": the case's content is gone, only the fact remains
  'case.purged',
  // staff account events, written by the accounts domain
  'organisation.created',
  'account.invite_created',
  'account.invite_accepted',
  'account.reset_created',
  'account.reset_used',
  'account.2fa_set',
  'account.removed',
  'organisation.key_rotated',
  'organisation.about_changed',
  // matching, imports, search, cohorts and incidents (issue 11): never a query, a name or a text
  'person.read',
  'person.searched',
  'import.started',
  'match.decided',
  'match.merged',
  'match.undone',
  // a "different" decision (or a "same" that merged nothing) taken back; the subject is the pair
  'match.decision_undone',
  // a decision about a tip that resembles a known record (the subject is the sealed match row)
  'match.tip_decided',
  'incident.created',
  'incident.edited',
  'incident.person_linked',
  'incident.person_unlinked',
  'incident.fact_verified',
  'cohort.opted_in',
  'cohort.opted_out',
  'cohort.posted',
  // a family chose, changed or dropped its name on a board (never the name itself)
  'cohort.named',
  // staff gave a family its label back on a board (moderation; never the name)
  'cohort.name_reset',
  'cohort.post_hidden',
  'cohort.post_restored',
  // a family's place on one board (src/cohorts/board-members.service.ts; the subject is the
  // board): it left or came back on its own, or staff removed it or let it back
  'cohort.left',
  'cohort.rejoined',
  'cohort.family_removed',
  'cohort.family_readmitted',
  // the public registry (src/registry/): the subject is the registry record
  'registry.announced',
  'registry.notice_waived',
  'registry.published',
  'registry.corrected',
  'registry.withdrawn',
  'registry.requests_read',
  'registry.request_closed',
  // one request opened on its own page, and the staff's decision and answer to the relative
  'registry.request_read',
  'registry.request_answered',
  // the family's "do not publish" choice on her case
  'case.publication_choice',
  // staff work on anonymous tips (src/tips/), and retention destroying a closed tip
  'tip.read',
  // a staff read of a tip whose page also showed the cases bearing the name the sender wrote
  'tip.read_with_cases',
  'tip.replied',
  'tip.attached',
  'tip.closed',
  'tip.reopened',
  'tip.purged',
  // a family deleting its own account and every case at once (src/cases/case-erasure.service.ts)
  'case.deleted',
  // appeals (src/appeals/): who drafted, recorded, printed or closed an appeal of a case — never its text
  'appeal.drafted',
  'appeal.recorded',
  'appeal.printed',
  'appeal.closed',
  'appeal.original_read',
  'appeal.signed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * The actor role of what the operator's command line did (`kintrace import persons …`): its own,
 * so the page does not call it retention. Retention's purges keep "system".
 */
export const COMMAND_LINE_ROLE = 'command_line';

/** The only actions retention writes with actor "system" (retention.service.ts, tip-retention.service.ts). */
const RETENTION_ACTIONS: readonly string[] = ['case.purged', 'tip.purged'];

/**
 * Who an entry is shown as. Before COMMAND_LINE_ROLE existed a command-line import was written
 * as "system" too; the log is append-only (triggers refuse UPDATE), so such an old entry is told
 * apart by its action here instead of being rewritten.
 */
const shownRole = (role: string, action: string): string =>
  role === 'system' && !RETENTION_ACTIONS.includes(action) ? COMMAND_LINE_ROLE : role;

export interface AuditEntry {
  actorUserId: string;
  /** "family", a staff role, "system" (retention) or COMMAND_LINE_ROLE; a family's entry is cut to the day */
  actorRole: string;
  organisationId: string | null;
  action: AuditAction;
  caseId?: string | null;
  /** the object the action was about when it is not a case (a registry record) */
  subjectId?: string | null;
  /** the tip worked on (tip actions only) */
  tipId?: string | null;
  /** ISO time; for a family it is stored as a day whatever is passed */
  at: string;
}

/**
 * Family activity is recorded at day precision only (threat model), and that day is the UTC day of
 * the action — on purpose, not the organisation's day that families are shown (shared/clock.ts
 * orgDay). The log is append-only and kept for good (docs/retention.md): every entry written so far
 * holds a UTC day that cannot be converted, so switching calendars now would leave a log where a
 * bare day means one thing before an upgrade and another after, with nothing to tell them apart;
 * and a day stored in TIME_ZONE would change meaning if the deployment's TIME_ZONE changed. A UTC
 * day is the same 24 hours' precision, nothing is counted from it (retention counts cases' closing
 * days and accounts' UTC last-login day, never the log), so the staff page labels it as a UTC day
 * instead (audit.views.tsx).
 */
const precisionFor = (role: string, at: string): string => (role === 'family' ? at.slice(0, 10) : at);

/** A stored entry that is a day, not an instant: a family's (precisionFor). */
export const isFamilyDay = (at: string): boolean => at.length === 10;

export const recordAudit = async (tx: Queryable, entry: AuditEntry): Promise<void> => {
  await insertAudit(tx, {
    id: randomUUID(),
    at: precisionFor(entry.actorRole, entry.at),
    actor_user_id: entry.actorUserId,
    actor_role: entry.actorRole,
    organisation_id: entry.organisationId,
    action: entry.action,
    case_id: entry.caseId ?? null,
    subject_id: entry.subjectId ?? null,
    tip_id: entry.tipId ?? null,
  });
};

export interface AuditRow {
  id: string;
  at: string;
  actorUserId: string;
  actorRole: string;
  action: string;
  caseId: string | null;
  tipId: string | null;
  /** the other object it was about (a registry record, a list, a board), when not a case */
  subjectId: string | null;
}

/** The cursor of the "older" link: the last shown entry's time and id, as one URL value. */
export const auditCursorOf = (row: { at: string; id: string }): string => `${row.at}~${row.id}`;

export const parseAuditCursor = (value: string | undefined): AuditCursor | undefined => {
  const m = value === undefined ? null : /^([0-9T:.Z-]{10,30})~([0-9a-f-]{36})$/.exec(value);
  return m ? { at: m[1], id: m[2] } : undefined;
};

/** The organisation's log, newest first (the organisation admin's page). */
export const auditForOrganisation = async (
  db: Db,
  organisationId: string,
  limit = 200,
  before?: AuditCursor,
): Promise<AuditRow[]> =>
  (await listAuditForOrganisation(db, organisationId, limit, before)).map((r) => ({
    id: r.id,
    at: r.at,
    actorUserId: r.actor_user_id,
    actorRole: shownRole(r.actor_role, r.action),
    action: r.action,
    caseId: r.case_id,
    tipId: r.tip_id,
    subjectId: r.subject_id,
  }));
