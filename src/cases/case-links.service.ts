import { randomUUID } from 'node:crypto';
import type { Queryable, Tx } from '../db/database.ts';
import { setRecordStatus } from '../people/person-records.service.ts';
import { isActive, type CaseState } from './case-lifecycle.ts';
import {
  insertEventRows,
  listCaseRefs,
  listCasesOfPersons,
  listEventsOfPersons,
  listVerifiedSince,
} from './case-links.repository.ts';
import { getPerson } from '../people/people.service.ts';
import { birthOf, resolutionsOfCases } from './case-timeline.service.ts';
import { deriveStatus, type StatusContext } from './status-rules.ts';
import type { EventKind, EventSource, Verification } from './timeline.ts';

// What matching, imports and cohorts (issue 11) may ask of cases and timelines by person record:
// which cases are about these records, the clear facts of their timelines, and events that come
// from a source other than a case (an imported list). Never a sealed field: a record linked to
// another organisation's case or to another family's says nothing of what was told in it.

export interface CaseRef {
  caseId: string;
  personId: string;
  organisationId: string;
  requesterUserId: string;
  state: CaseState;
  active: boolean;
}

const refOf = (r: Awaited<ReturnType<typeof listCasesOfPersons>>[number]): CaseRef => ({
  caseId: r.id,
  personId: r.person_id,
  organisationId: r.organisation_id,
  requesterUserId: r.requester_user_id,
  state: r.state,
  active: isActive(r.state),
});

/** The cases about these person records (a case is about exactly one record). */
export const casesOfRecords = async (db: Queryable, personIds: string[]): Promise<CaseRef[]> => {
  const out: CaseRef[] = [];
  for (let i = 0; i < personIds.length; i += 500)
    out.push(...(await listCasesOfPersons(db, personIds.slice(i, i + 500))).map(refOf));
  return out;
};

export const caseRefs = async (db: Queryable, caseIds: string[]): Promise<CaseRef[]> =>
  (await listCaseRefs(db, caseIds)).map(refOf);

export interface RecordEvent {
  id: string;
  personId: string;
  /** the case it was told in; null for a list's event or a fact kept after its case was purged */
  caseId: string | null;
  kind: EventKind;
  date: { value: string; precision: 'year' | 'month' | 'day' };
  place: string | null;
  source: EventSource;
  verification: Verification;
  createdOn: string;
}

/** The clear facts of these records' timelines, in date order. */
export const eventsOfRecords = async (db: Queryable, personIds: string[]): Promise<RecordEvent[]> =>
  (await listEventsOfPersons(db, personIds)).map((e) => ({
    id: e.id,
    personId: e.person_id,
    caseId: e.case_id,
    kind: e.kind as EventKind,
    date: { value: e.event_date, precision: e.date_precision },
    place: e.place,
    source: e.source as EventSource,
    verification: e.verification,
    createdOn: e.created_on,
    byFamily: e.added_by_family === 1,
    reportSeq: e.report_seq,
    clearedSeq: e.cleared_seq,
  }));

/** An event a source other than a case gives about a record (a published list's row). */
export interface SourceEvent {
  personId: string;
  kind: EventKind;
  date: { value: string; precision: 'year' | 'month' | 'day' };
  source: EventSource;
  verification: Verification;
  /** who set a level above "reported" (the importing staff member) */
  verifiedBy: string | null;
}

/** `now` is when (verified_at), `day` the organisation's day it is (created_on, orgDay). */
export const addSourceEvents = async (tx: Tx, events: SourceEvent[], now: string, day: string): Promise<number> => {
  await insertEventRows(
    tx,
    events.map((e) => ({
      id: randomUUID(),
      person_id: e.personId,
      case_id: null,
      kind: e.kind,
      event_date: e.date.value,
      date_precision: e.date.precision,
      place: null,
      description_sealed: null,
      source: e.source,
      verification: e.verification,
      added_by_family: 0,
      created_on: day,
      verified_by: e.verification === 'reported' ? null : e.verifiedBy,
      verified_at: e.verification === 'reported' ? null : now,
    })),
  );
  return events.length;
};

/**
 * The status a record's own timeline gives, stored on it for the search filter: the verified
 * status, or while nothing is verified, what was reported.
 */
export const statusOfEvents = (events: RecordEvent[], context: StatusContext = {}): string => {
  const s = deriveStatus(events, context);
  return s.status === 'unknown' && s.pending ? s.pending : s.status;
};

/**
 * Judged as the case page judges it (case-timeline.service.ts): with the person's date of birth
 * and the verifiers' verdicts on discrepancies, so search's «Статус» says what the case says.
 */
export const refreshRecordStatus = async (tx: Queryable, personId: string): Promise<void> => {
  const events = await eventsOfRecords(tx, [personId]);
  const caseIds = [...new Set(events.flatMap((e) => (e.caseId ? [e.caseId] : [])))];
  const context: StatusContext = {
    birth: birthOf(await getPerson(tx, personId)),
    resolutions: caseIds.length ? await resolutionsOfCases(tx, caseIds) : [],
  };
  await setRecordStatus(tx, personId, statusOfEvents(events, context));
};

/** Verified events since `since`, for telling the families of linked records (src/matching/). */
export const verifiedEventsSince = (db: Queryable, since: string, limit = 1000) => listVerifiedSince(db, since, limit);
