import { dateRange } from '../people/partial-date.ts';
import type { TimelineEvent } from './timeline.ts';

// When the family last heard from him, as she says it now. She gives it with her request and
// corrects it on her edit form; the timeline is append-only, so each correction is a new report
// of hers and the earlier ones stay. The current one is the one she gave last — not the one with
// the latest date: a mother who says "actually it was 1 September" is correcting, not adding.
// Her earlier reports are shown as corrected and no longer set the status
// (docs/status-rules.md, rule 8). Emptying the date on her edit form is a report too, «I don't
// know the date», numbered among hers (cases.last_contact_cleared_seq, carried on her events as
// clearedSeq): it replaces the reports before it, and her next one replaces it. Every page,
// letter and list reads the date from here.

/** A report of the family's own last contact: added by her, with the family as its source. */
export const isOwnLastContact = (e: TimelineEvent): boolean =>
  e.kind === 'last_contact' && e.source === 'family' && e.byFamily === true;

export interface FamilyLastContact {
  /**
   * her current report (of the last case, on a person's timeline spanning several); null when she
   * gave none, or when her latest word is that she does not know the date
   */
  current: TimelineEvent | null;
  /**
   * each of her earlier reports, with the current one (of the same case) that replaced it; null
   * when what replaced it is her clearing of the date
   */
  corrected: ReadonlyMap<string, TimelineEvent | null>;
}

interface Placed {
  e: TimelineEvent;
  i: number;
}

/**
 * Given after: by report_seq (reports made before it was kept were numbered by migration 0015;
 * one without a number counts as older, and among such the latest date is taken as the last
 * given, as the rules read them before), then by date, then by place in the list.
 */
const givenAfter = (a: Placed, b: Placed): boolean => {
  const sa = a.e.reportSeq ?? 0;
  const sb = b.e.reportSeq ?? 0;
  if (sa !== sb) return sa > sb;
  const ra = dateRange(a.e.date);
  const rb = dateRange(b.e.date);
  if (ra.end !== rb.end) return ra.end > rb.end;
  if (ra.start !== rb.start) return ra.start > rb.start;
  return a.i > b.i;
};

/** Her current report and the ones it replaced, case by case (two families never correct each other). */
export const familyLastContact = (events: readonly TimelineEvent[]): FamilyLastContact => {
  const byCase = new Map<string, Placed[]>();
  events.forEach((e, i) => {
    if (!isOwnLastContact(e)) return;
    const key = e.caseId ?? '';
    const own = byCase.get(key);
    if (own) own.push({ e, i });
    else byCase.set(key, [{ e, i }]);
  });
  let current: TimelineEvent | null = null;
  const corrected = new Map<string, TimelineEvent | null>();
  for (const own of byCase.values()) {
    const last = own.reduce((a, b) => (givenAfter(b, a) ? b : a));
    // Her clearing, when she gave it after her last dated report, replaces every one of them.
    if (clearedSeqOf(own.map((o) => o.e)) > (last.e.reportSeq ?? 0)) {
      for (const o of own) corrected.set(o.e.id, null);
      continue;
    }
    for (const o of own) if (o !== last) corrected.set(o.e.id, last.e);
    current = last.e;
  }
  return { current, corrected };
};

/** The place her latest clearing of the date took among her reports (0: she never cleared it). */
const clearedSeqOf = (own: readonly TimelineEvent[]): number => own.reduce((m, e) => Math.max(m, e.clearedSeq ?? 0), 0);

/** The report_seq of a new report of hers on this case's timeline, or of her clearing (1 for the first). */
export const nextReportSeq = (events: readonly TimelineEvent[]): number => {
  const own = events.filter(isOwnLastContact);
  return (
    Math.max(
      clearedSeqOf(own),
      own.reduce((m, e) => Math.max(m, e.reportSeq ?? 0), 0),
    ) + 1
  );
};
