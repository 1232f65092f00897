import type { Db } from '../db/database.ts';
import { DAY, isoNow, orgDay } from '../shared/clock.ts';
import { countUsers } from '../accounts/accounts.service.ts';
import { countPersons, fullName, getPersons, searchPersons } from '../people/people.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { OrganisationGrant } from '../policy/organisation.policy.ts';
import type { CasesDeps } from './case-deps.ts';
import { ACTIVE_STATES, ENDED_STATES, type CaseState } from './case-lifecycle.ts';
import type { QueueFilter } from './cases.schema.ts';
import { FAMILY_WROTE, casesWhereFamilyWrote, unseenNewsByCase } from './case-news.service.ts';
import {
  countRows,
  listCasePersonsIn,
  listQueue,
  personsOfOrganisation,
  type QueueCursor,
  type QueueFilterSql,
} from './cases.repository.ts';
import { judgedStatusesOf } from './case-timeline.service.ts';
import type { PersonStatus } from './status-rules.ts';

// The caseworker's queue and search, always inside the staff member's own organisation.
// Only clear columns are read here (person names, unit, dates): no case key is needed.

export interface QueueRow {
  id: string;
  name: string;
  unit: string;
  regionCode: string | null;
  state: CaseState;
  assignedTo: string | null;
  openedOn: string;
  lastActivityOn: string;
  status: PersonStatus;
  /** what the unverified reports would make of it, when that differs (status-rules.ts, rule 5) */
  pending: PersonStatus | null;
  /** messages and reports from the family that no staff member has seen yet */
  familyWrote: number;
}

/**
 * The derived status of each case's person, from the clear columns of its timeline, the date of
 * birth and the verdicts on discrepancies (a death still disputed reads so in every list).
 */
export const statusesOf = async (db: Db, caseIds: string[]): Promise<Map<string, PersonStatus>> =>
  new Map([...(await judgedStatusesOf(db, caseIds))].map(([id, s]) => [id, s.status]));

const withPersons = async (db: Db, rows: Awaited<ReturnType<typeof listQueue>>): Promise<QueueRow[]> => {
  const persons = await getPersons(
    db,
    rows.map((r) => r.person_id),
  );
  const ids = rows.map((r) => r.id);
  const statuses = await judgedStatusesOf(db, ids);
  const unseen = await unseenNewsByCase(db, ids, 'staff', FAMILY_WROTE);
  return rows.map((r) => {
    const p = persons.get(r.person_id);
    return {
      id: r.id,
      name: p ? fullName(p) : '',
      unit: p ? [p.unit_number, p.unit_name].filter(Boolean).join(', ') : '',
      regionCode: p?.region_code ?? null,
      state: r.state,
      assignedTo: r.assigned_to,
      openedOn: r.opened_on,
      lastActivityOn: r.last_activity_on,
      status: statuses.get(r.id)?.status ?? 'unknown',
      pending: statuses.get(r.id)?.pending ?? null,
      familyWrote: unseen.get(r.id) ?? 0,
    };
  });
};

/** The person's name of each of these cases of the organisation (clear columns only; others' cases are absent). */
export const caseNamesIn = async (
  db: Db,
  grant: OrganisationGrant<'queue'>,
  caseIds: string[],
): Promise<Map<string, string>> => {
  const rows = await listCasePersonsIn(db, grant.organisationId, caseIds);
  const persons = await getPersons(
    db,
    rows.map((r) => r.person_id),
  );
  return new Map(rows.flatMap((r) => (persons.has(r.person_id) ? [[r.id, fullName(persons.get(r.person_id)!)]] : [])));
};

/** A page of a list and where the next one starts (null on the last page). */
export interface QueuePage {
  rows: QueueRow[];
  next: string | null;
}

export const QUEUE_PAGE_SIZE = 50;

const cursorOf = (row: { last_activity_on: string; id: string }): string => `${row.last_activity_on}~${row.id}`;

/** A cursor from a URL, or undefined when it is missing or malformed (the first page then). */
export const parseQueueCursor = (value: string | undefined): QueueCursor | undefined => {
  const m = value === undefined ? null : /^(\d{4}-\d{2}-\d{2})~([0-9a-f-]{36})$/.exec(value);
  return m ? { lastActivityOn: m[1], id: m[2] } : undefined;
};

const pageOf = async (db: Db, filter: QueueFilterSql, after: string | undefined, size: number): Promise<QueuePage> => {
  const found = await listQueue(db, filter, size, parseQueueCursor(after));
  const shown = found.slice(0, size);
  return {
    rows: await withPersons(db, shown),
    next: found.length > size ? cursorOf(shown[shown.length - 1]) : null,
  };
};

/**
 * unassigned · mine · waiting (on the family) · stale (no activity for `days` days) are active
 * cases; "open" lists every active case and "closed" every ended one (closed or withdrawn).
 * Oldest activity first, a page at a time, continuing after the `after` cursor.
 */
export const caseQueue = async (
  deps: CasesDeps,
  grant: OrganisationGrant<'queue'>,
  filter: QueueFilter,
  opts: { days?: number; after?: string; size?: number } = {},
): Promise<QueuePage> => {
  const days = opts.days ?? 14;
  const f: QueueFilterSql = {
    organisationId: grant.organisationId,
    states: filter === 'closed' ? ENDED_STATES : filter === 'waiting' ? ['waiting_on_family'] : ACTIVE_STATES,
  };
  if (filter === 'family_wrote') f.caseIds = casesWhereFamilyWrote(deps.db);
  if (filter === 'unassigned') f.assignedTo = null;
  if (filter === 'mine') f.assignedTo = grant.auth.userId;
  if (filter === 'stale')
    // last_activity_on is the organisation's day (orgDay): count back on the same calendar.
    f.inactiveBefore = new Date(Date.parse(`${orgDay(deps)}T00:00:00.000Z`) - days * DAY).toISOString().slice(0, 10);
  return pageOf(deps.db, f, opts.after, opts.size ?? QUEUE_PAGE_SIZE);
};

/**
 * The organisation's cases whose name (its keys, as the person search reads them, or part of it
 * as written) or unit matches, WITHOUT an audit entry: only for a caller that records the read in
 * its own entry (a tip's page, whose view entry says it showed the cases it matches). Anything a
 * staff member types goes through searchCases.
 */
export const matchCasesUnaudited = async (
  deps: CasesDeps,
  grant: OrganisationGrant<'queue'>,
  query: string,
  opts: { after?: string; size?: number } = {},
): Promise<QueuePage> => {
  const personIds = await searchPersons(
    deps.db,
    grant.organisationId,
    personsOfOrganisation(deps.db, grant.organisationId),
    query,
  );
  return pageOf(deps.db, { organisationId: grant.organisationId, personIds }, opts.after, opts.size ?? QUEUE_PAGE_SIZE);
};

/**
 * Search by name (its keys, as the person search reads them, or part of it as written) or unit
 * within the organisation, audited as a search. The query itself is never recorded.
 */
export const searchCases = async (
  deps: CasesDeps,
  grant: OrganisationGrant<'queue'>,
  query: string,
  opts: { after?: string; size?: number } = {},
): Promise<QueuePage> => {
  const page = await matchCasesUnaudited(deps, grant, query, opts);
  await deps.db.transaction().execute((tx) =>
    recordAudit(tx, {
      actorUserId: grant.auth.userId,
      actorRole: grant.auth.role,
      organisationId: grant.organisationId,
      action: 'case.searched',
      at: isoNow(deps.clock),
    }),
  );
  return page;
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
