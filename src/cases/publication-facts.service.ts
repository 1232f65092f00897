import type { Queryable, Tx } from '../db/database.ts';
import { isoDay } from '../shared/clock.ts';
import type { Clock } from '../shared/clock.ts';
import { getPerson, personsPerRegion, type PersonView } from '../people/people.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { CaseGrant } from '../policy/case.policy.ts';
import { isUuid } from '../shared/ids.ts';
import { isActive, type CaseState } from './case-lifecycle.ts';
import { judgeDiscrepancies, type Discrepancy } from './discrepancies.ts';
import { resolutionsOfCases } from './case-timeline.service.ts';
import { deriveStatus, type PersonStatus, type StatusSummary } from './status-rules.ts';
import type { EventKind, EventSource, TimelineEvent } from './timeline.ts';
import { statusesOf } from './queue.service.ts';
import {
  findCaseForRegistry,
  listCasesOfOrganisation,
  listCasesOfPerson,
  listTimelineOfPerson,
  personsOfActiveCases,
  setDoNotPublishRow,
} from './publication.repository.ts';

// What the public registry (src/registry/) may know from the cases domain, and the family's
// choice to keep her person out of it. Only clear facts leave here: the person, the timeline's
// structure (kind, date, place, source, level), the status and discrepancies derived from it, and
// for each case its organisation, state and "do not publish" choice. Never the requester, never a
// sealed text. The registry reads the status rules' answer rather than its own copy of them, so a
// change to how a status is derived (a disputed death, say) reaches the registry unchanged.

export interface PublicEvent extends TimelineEvent {
  place: string | null;
}

export interface CaseOfPerson {
  caseId: string;
  organisationId: string;
  state: CaseState;
  /** the requesting family asked that nothing about the person be published */
  doNotPublish: boolean;
}

export interface PublicFacts {
  person: PersonView;
  events: PublicEvent[];
  status: StatusSummary;
  discrepancies: Discrepancy[];
  cases: CaseOfPerson[];
}

/** The clear facts about one person, or undefined when there is no such person (any more). */
export const publicFactsOfPerson = async (db: Queryable, personId: string): Promise<PublicFacts | undefined> => {
  const person = await getPerson(db, personId);
  if (!person) return undefined;
  const events: PublicEvent[] = (await listTimelineOfPerson(db, personId)).map((e) => ({
    id: e.id,
    kind: e.kind as EventKind,
    date: { value: e.event_date, precision: e.date_precision },
    source: e.source as EventSource,
    verification: e.verification,
    place: e.place,
    caseId: e.case_id,
    byFamily: e.added_by_family === 1,
    reportSeq: e.report_seq,
    clearedSeq: e.cleared_seq,
  }));
  const cases = (await listCasesOfPerson(db, personId)).map((c) => ({
    caseId: c.id,
    organisationId: c.organisation_id,
    state: c.state,
    doNotPublish: c.do_not_publish === 1,
  }));
  // A verifier's verdicts count here as on the case page: a resolved discrepancy is not open, and a
  // death whose contradiction was resolved is no longer "disputed".
  const resolutions = await resolutionsOfCases(
    db,
    cases.map((c) => c.caseId),
  );
  const judged = judgeDiscrepancies(events, {}, resolutions);
  return { person, events, status: deriveStatus(events, { resolutions }), discrepancies: judged.open, cases };
};

export interface CaseRef {
  caseId: string;
  organisationId: string;
  personId: string;
  state: CaseState;
  doNotPublish: boolean;
}

/** The case's organisation and person (for the registry's policy), or undefined. */
export const caseRefForRegistry = async (db: Queryable, caseId: string): Promise<CaseRef | undefined> => {
  if (!isUuid(caseId)) return undefined;
  const c = await findCaseForRegistry(db, caseId);
  return (
    c && {
      caseId: c.id,
      organisationId: c.organisation_id,
      personId: c.person_id,
      state: c.state,
      doNotPublish: c.do_not_publish === 1,
    }
  );
};

/**
 * The family's choice, inside the caller's transaction (the registry withdraws what is already
 * public in the same transaction). Audited at day precision, like all of a family's activity.
 */
export const setDoNotPublish = async (
  tx: Tx,
  clock: Clock,
  grant: CaseGrant<'choose_publication'>,
  doNotPublish: boolean,
): Promise<void> => {
  await setDoNotPublishRow(tx, grant.caseId, doNotPublish ? 1 : 0);
  await recordAudit(tx, {
    actorUserId: grant.auth.userId,
    actorRole: grant.auth.role,
    organisationId: grant.organisationId,
    action: 'case.publication_choice',
    caseId: grant.caseId,
    at: isoDay(clock),
  });
};

/** Statuses the registry publishes (registry/publication-rules.ts says why these). */
const PUBLISHABLE: ReadonlySet<PersonStatus> = new Set(['dead', 'body_returned', 'missing']);

export interface RegistryCandidate {
  caseId: string;
  personId: string;
  status: PersonStatus;
  active: boolean;
  doNotPublish: boolean;
}

/** The cases of one organisation whose person's verified status is one the registry publishes. */
export const registryCandidates = async (db: Queryable, organisationId: string): Promise<RegistryCandidate[]> => {
  const rows = await listCasesOfOrganisation(db, organisationId);
  const statuses = await statusesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.flatMap((r) => {
    const status = statuses.get(r.id) ?? 'unknown';
    return PUBLISHABLE.has(status)
      ? [
          {
            caseId: r.id,
            personId: r.person_id,
            status,
            active: isActive(r.state),
            doNotPublish: r.do_not_publish === 1,
          },
        ]
      : [];
  });
};

/** Persons with an open tracing request per home region ('' when not given): counts only. */
export const openRequestsPerRegion = (db: Queryable): Promise<Map<string, number>> =>
  personsPerRegion(db, personsOfActiveCases(db));
