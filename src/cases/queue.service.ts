import type { Db } from '../db/database.ts';
import { DAY, isoNow } from '../shared/clock.ts';
import { countUsers } from '../accounts/accounts.service.ts';
import { countPersons, fullName, getPersons, searchPersons } from '../people/people.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { OrganisationGrant } from '../web/access.ts';
import type { CasesDeps } from './cases.service.ts';
import type { QueueFilter } from './cases.schema.ts';
import {
  countRows,
  listQueue,
  listTimelineOfCases,
  personsOfOrganisation,
  type QueueFilterSql,
} from './cases.repository.ts';
import { deriveStatus, type PersonStatus } from './status-rules.ts';
import type { EventKind, EventSource, TimelineEvent } from './timeline.ts';

// The caseworker's queue and search, always inside the staff member's own organisation.
// Only clear columns are read here (person names, unit, dates): no case key is needed.

export interface QueueRow {
  id: string;
  name: string;
  unit: string;
  regionCode: string | null;
  state: 'open' | 'closed';
  assignedTo: string | null;
  waitingOn: 'staff' | 'family';
  openedOn: string;
  lastActivityOn: string;
  status: PersonStatus;
}

/** The derived status of each case's person, from the clear columns of its timeline. */
export const statusesOf = async (db: Db, caseIds: string[]): Promise<Map<string, PersonStatus>> => {
  const byCase = new Map<string, TimelineEvent[]>();
  for (const e of await listTimelineOfCases(db, caseIds)) {
    const list = byCase.get(e.case_id) ?? [];
    list.push({
      id: e.id,
      kind: e.kind as EventKind,
      date: { value: e.event_date, precision: e.date_precision },
      source: e.source as EventSource,
      verification: e.verification,
    });
    byCase.set(e.case_id, list);
  }
  return new Map(caseIds.map((id) => [id, deriveStatus(byCase.get(id) ?? []).status]));
};

const withPersons = async (db: Db, rows: Awaited<ReturnType<typeof listQueue>>): Promise<QueueRow[]> => {
  const persons = await getPersons(
    db,
    rows.map((r) => r.person_id),
  );
  const statuses = await statusesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const p = persons.get(r.person_id);
    return {
      id: r.id,
      name: p ? fullName(p) : '',
      unit: p ? [p.unit_number, p.unit_name].filter(Boolean).join(', ') : '',
      regionCode: p?.region_code ?? null,
      state: r.state,
      assignedTo: r.assigned_to,
      waitingOn: r.waiting_on,
      openedOn: r.opened_on,
      lastActivityOn: r.last_activity_on,
      status: statuses.get(r.id) ?? 'unknown',
    };
  });
};

/**
 * unassigned · mine · waiting (on the family) · stale (no activity for `days` days) are open
 * cases; "open" and "closed" list all of that state.
 */
export const caseQueue = async (
  deps: CasesDeps,
  grant: OrganisationGrant,
  filter: QueueFilter,
  days = 14,
): Promise<QueueRow[]> => {
  const f: QueueFilterSql = { organisationId: grant.organisationId, state: filter === 'closed' ? 'closed' : 'open' };
  if (filter === 'unassigned') f.assignedTo = null;
  if (filter === 'mine') f.assignedTo = grant.auth.userId;
  if (filter === 'waiting') f.waitingOn = 'family';
  if (filter === 'stale')
    f.inactiveBefore = new Date(deps.clock.now().getTime() - days * DAY).toISOString().slice(0, 10);
  return withPersons(deps.db, await listQueue(deps.db, f));
};

/** Search by name or unit within the organisation. The query itself is never recorded. */
export const searchCases = async (deps: CasesDeps, grant: OrganisationGrant, query: string): Promise<QueueRow[]> => {
  const personIds = await searchPersons(deps.db, personsOfOrganisation(deps.db, grant.organisationId), query);
  await deps.db.transaction().execute((tx) =>
    recordAudit(tx, {
      actorUserId: grant.auth.userId,
      actorRole: grant.auth.role,
      organisationId: grant.organisationId,
      action: 'case.searched',
      at: isoNow(deps.clock),
    }),
  );
  return withPersons(deps.db, await listQueue(deps.db, { organisationId: grant.organisationId, personIds }));
};

/** `kintrace stats --json` */
export const casesStats = async (
  db: Db,
): Promise<{ persons: number; cases: number; events: number; users: number }> => ({
  persons: await countPersons(db),
  cases: await countRows(db, 'cases'),
  events: await countRows(db, 'events'),
  users: await countUsers(db),
});
