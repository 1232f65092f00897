import type { Queryable } from '../db/database.ts';
import type { PartialDate } from '../people/partial-date.ts';
import { getPersons, type PersonView } from '../people/people.service.ts';
import { listTimelineOfCases } from './cases.repository.ts';
import type { Resolution } from './discrepancies.ts';
import { deriveStatus, type StatusContext, type StatusSummary } from './status-rules.ts';
import type { EventKind, EventSource, TimelineEvent } from './timeline.ts';
import { listResolutionsOfCases, personsOfCases } from './verification.repository.ts';

// The timeline of a case as the status and discrepancy rules read it: the clear fields of its
// events, the person's date of birth, and the verifiers' verdicts on discrepancies. Read in one
// place so every page, list and count says the same (the mother's list once said «гибель
// подтверждена» while her case page flagged the date).

export interface CaseTimeline {
  events: TimelineEvent[];
  context: StatusContext;
}

type TimelineRow = Awaited<ReturnType<typeof listTimelineOfCases>>[number];

export const timelineEvent = (e: Omit<TimelineRow, 'case_id'>): TimelineEvent => ({
  id: e.id,
  kind: e.kind as EventKind,
  date: { value: e.event_date, precision: e.date_precision },
  source: e.source as EventSource,
  verification: e.verification,
  byFamily: e.added_by_family === 1,
  reportSeq: e.report_seq,
  clearedSeq: e.cleared_seq,
});

/** The person's date of birth with its precision, or null when the case does not know it. */
export const birthOf = (p: Pick<PersonView, 'birth_date' | 'birth_precision'> | undefined): PartialDate | null =>
  p?.birth_date && p.birth_precision ? { value: p.birth_date, precision: p.birth_precision } : null;

/** The timelines of several cases, keyed by case id (three queries, whatever the number). */
export const timelinesOf = async (q: Queryable, caseIds: string[]): Promise<Map<string, CaseTimeline>> => {
  const cases = await personsOfCases(q, caseIds);
  const persons = await getPersons(
    q,
    cases.map((c) => c.person_id),
  );
  const out = new Map<string, CaseTimeline>(
    cases.map((c) => [c.id, { events: [], context: { birth: birthOf(persons.get(c.person_id)), resolutions: [] } }]),
  );
  for (const e of await listTimelineOfCases(q, caseIds)) out.get(e.case_id)?.events.push(timelineEvent(e));
  for (const r of await listResolutionsOfCases(q, caseIds))
    (out.get(r.case_id)?.context.resolutions as Resolution[] | undefined)?.push({
      key: r.discrepancy_key,
      setAsideEventId: r.set_aside_event_id,
    });
  return out;
};

/** One case's timeline, inside the caller's transaction when there is one. */
export const readTimeline = async (q: Queryable, caseId: string): Promise<CaseTimeline> =>
  (await timelinesOf(q, [caseId])).get(caseId) ?? { events: [], context: {} };

/** The derived status of each case's person (unknown for a case with no timeline). */
export const judgedStatusesOf = async (q: Queryable, caseIds: string[]): Promise<Map<string, StatusSummary>> => {
  const timelines = await timelinesOf(q, caseIds);
  return new Map(
    caseIds.map((id) => {
      const t = timelines.get(id);
      return [id, deriveStatus(t?.events ?? [], t?.context)];
    }),
  );
};

/**
 * For other domains (the registry reads a person's facts across cases): the verdicts on
 * discrepancies in these cases, to hand to deriveStatus and judgeDiscrepancies with the events.
 * Without them every discrepancy counts as open, so a death stays "disputed".
 */
export const resolutionsOfCases = async (q: Queryable, caseIds: string[]): Promise<Resolution[]> =>
  (await listResolutionsOfCases(q, caseIds)).map((r) => ({
    key: r.discrepancy_key,
    setAsideEventId: r.set_aside_event_id,
  }));
