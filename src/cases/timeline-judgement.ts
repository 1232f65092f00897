import { discrepancyKey, judgeDiscrepancies, type Discrepancy } from './discrepancies.ts';
import { deriveStatus, type PersonStatus, type StatusContext } from './status-rules.ts';
import { VERIFICATION_LEVELS, levelRank, type TimelineEvent, type Verification } from './timeline.ts';
import { checkChange } from './verification-lifecycle.ts';

// What a case page shows of the rules' judgement, computed once for the view: each discrepancy
// with whether it is still open and the verdict on it, which events were set aside, and for staff
// which level changes are one click and which need the confirmation page.

export interface Verdict {
  setAsideEventId: string | null;
  /** ISO time */
  at: string;
  /** staff only: the reason and who wrote it */
  reason?: string;
  by?: string;
}

export interface DiscrepancyView extends Discrepancy {
  key: string;
  /** not resolved, and none of its events set aside */
  open: boolean;
  /** the verdict on this discrepancy, when there is one */
  verdict: Verdict | null;
}

/** Every discrepancy found, open ones first, each with its verdict (verdicts keyed by discrepancyKey). */
export const discrepancyViews = (
  events: TimelineEvent[],
  context: StatusContext,
  verdicts: ReadonlyMap<string, Verdict>,
): { discrepancies: DiscrepancyView[]; setAside: ReadonlySet<string> } => {
  const { found, open, setAside } = judgeDiscrepancies(events, context, context.resolutions);
  const openKeys = new Set(open.map(discrepancyKey));
  const discrepancies = found
    .map((d) => {
      const key = discrepancyKey(d);
      return { ...d, key, open: openKeys.has(key), verdict: verdicts.get(key) ?? null };
    })
    .sort((a, b) => Number(b.open) - Number(a.open));
  return { discrepancies, setAside };
};

export interface Raise {
  level: Verification;
  /** the change is grave: it goes through the confirmation page with a reason */
  confirm: boolean;
}

/** The levels above an event's own that the holder may set, each with whether it needs the confirmation page. */
export const raisesOf = (
  events: TimelineEvent[],
  context: StatusContext,
  event: TimelineEvent,
  max: Verification,
): Raise[] =>
  VERIFICATION_LEVELS.filter((l) => levelRank(l) > levelRank(event.verification) && levelRank(l) <= levelRank(max)).map(
    (level) => ({
      level,
      confirm: checkChange(
        events,
        events.map((e) => (e.id === event.id ? { ...e, verification: level } : e)),
        event.id,
        context,
      ).grave,
    }),
  );

export interface LevelPreview {
  level: Verification;
  /** the status the person would have with the event at this level */
  status: PersonStatus;
  grave: boolean;
}

/** For each level offered on the confirmation and correction pages, what the status would become. */
export const previewLevels = (
  events: TimelineEvent[],
  context: StatusContext,
  eventId: string,
  levels: readonly Verification[],
): LevelPreview[] =>
  levels.map((level) => {
    const check = checkChange(
      events,
      events.map((e) => (e.id === eventId ? { ...e, verification: level } : e)),
      eventId,
      context,
    );
    return { level, status: check.statusAfter, grave: check.grave };
  });

/** The outcomes a verifier may choose for a discrepancy: set one of its events aside, or none ('both'). */
export const verdictOutcomes = (d: Discrepancy): string[] => [...d.eventIds, 'both'];

/** For each outcome offered on the resolve page, what the status would become. */
export const previewVerdicts = (
  events: TimelineEvent[],
  context: StatusContext,
  d: Discrepancy,
): Array<{ outcome: string; status: PersonStatus }> =>
  verdictOutcomes(d).map((outcome) => ({
    outcome,
    status: deriveStatus(events, {
      ...context,
      resolutions: [
        ...(context.resolutions ?? []),
        { key: discrepancyKey(d), setAsideEventId: outcome === 'both' ? null : outcome },
      ],
    }).status,
  }));
