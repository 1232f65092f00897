import type { Db } from '../db/database.ts';
import { DAY, isoNow } from '../shared/clock.ts';
import { countUsers } from '../accounts/accounts.service.ts';
import { countPersons, searchPersons } from '../people/people.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { OrganisationGrant } from '../web/access.ts';
import type { CasesDeps } from './cases.service.ts';
import type { QueueFilter } from './cases.schema.ts';
import { countRows, listQueue, personIdsOfOrganisation, type QueueFilterSql } from './cases.repository.ts';

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
}

const toRow = (r: Awaited<ReturnType<typeof listQueue>>[number]): QueueRow => ({
  id: r.id,
  name: [r.surname, r.given_name, r.patronymic].filter(Boolean).join(' '),
  unit: [r.unit_number, r.unit_name].filter(Boolean).join(', '),
  regionCode: r.region_code,
  state: r.state,
  assignedTo: r.assigned_to,
  waitingOn: r.waiting_on,
  openedOn: r.opened_on,
  lastActivityOn: r.last_activity_on,
});

/**
 * unassigned · mine · waiting (on the family) · stale (no activity for `days` days) are open
 * cases; "open" and "closed" list all of that state.
 */
export const caseQueue = async (deps: CasesDeps, grant: OrganisationGrant, filter: QueueFilter, days = 14): Promise<QueueRow[]> => {
  const f: QueueFilterSql = { organisationId: grant.organisationId, state: filter === 'closed' ? 'closed' : 'open' };
  if (filter === 'unassigned') f.assignedTo = null;
  if (filter === 'mine') f.assignedTo = grant.auth.userId;
  if (filter === 'waiting') f.waitingOn = 'family';
  if (filter === 'stale') f.inactiveBefore = new Date(deps.clock.now().getTime() - days * DAY).toISOString().slice(0, 10);
  return (await listQueue(deps.db, f)).map(toRow);
};

/** Search by name or unit within the organisation. The query itself is never recorded. */
export const searchCases = async (deps: CasesDeps, grant: OrganisationGrant, query: string): Promise<QueueRow[]> => {
  const own = await personIdsOfOrganisation(deps.db, grant.organisationId);
  const persons = new Set(await searchPersons(deps.db, [...new Set(own.map((c) => c.person_id))], query));
  const ids = own.filter((c) => persons.has(c.person_id)).map((c) => c.id);
  await deps.db.transaction().execute((tx) =>
    recordAudit(tx, { actorUserId: grant.auth.userId, actorRole: grant.auth.role, organisationId: grant.organisationId, action: 'case.searched', at: isoNow(deps.clock) }),
  );
  return (await listQueue(deps.db, { organisationId: grant.organisationId, ids })).map(toRow);
};

/** `kintrace stats --json` */
export const casesStats = async (db: Db): Promise<{ persons: number; cases: number; events: number; users: number }> => ({
  persons: await countPersons(db),
  cases: await countRows(db, 'cases'),
  events: await countRows(db, 'events'),
  users: await countUsers(db),
});
