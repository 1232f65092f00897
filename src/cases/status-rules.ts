import { dateRange } from '../people/partial-date.ts';
import { levelRank, type EventKind, type TimelineEvent } from './timeline.ts';

// How a person's current status follows from the timeline. The same rules are written for
// people in docs/status-rules.md; keep the two in step.

export const PERSON_STATUSES = [
  'unknown',
  'serving',
  'no_contact',
  'refusal_filed',
  'wounded',
  'missing',
  'detained',
  'captured',
  'reported_dead',
  'dead',
  'body_returned',
  'released',
  'returned_home',
] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

/**
 * Rule 1 — what each kind says. Kinds that say nothing about where the person is now
 * (belongings returned, official notice, other) never set a status. A death is only "dead"
 * when its confirmation is itself confirmed; until then it is "reported dead".
 */
const statusOf = (e: TimelineEvent): PersonStatus | null => {
  const byKind: Record<EventKind, PersonStatus | null> = {
    // A last contact says the person could be reached then, not that all is well now: for a
    // family whose son went silent, "serving" read as the unit's "everything is fine".
    last_contact: 'no_contact',
    deployed: 'serving',
    transferred: 'serving',
    wounded: 'wounded',
    hospitalised: 'wounded',
    detained: 'detained',
    captured: 'captured',
    missing: 'missing',
    death_reported: 'reported_dead',
    death_confirmed: e.verification === 'confirmed' ? 'dead' : 'reported_dead',
    body_returned: 'body_returned',
    refusal_filed: 'refusal_filed',
    released: 'released',
    returned_home: 'returned_home',
    belongings_returned: null,
    official_notice: null,
    other: null,
  };
  return byKind[e.kind];
};

/**
 * Rule 3 — precedence among events whose dates overlap (a year-precision "captured in 2024"
 * and a day-precision "missing 12.05.2024" may be the same moment). Higher wins. The order
 * follows how these things happen: one is found captured after going missing, released after
 * being captured, comes home after being released; a death outranks the uncertainties before
 * it, and a body returned is the last word on a death.
 */
const PRECEDENCE: PersonStatus[] = [
  'unknown',
  'serving',
  'no_contact',
  'refusal_filed',
  'wounded',
  'missing',
  'detained',
  'captured',
  'reported_dead',
  'dead',
  'body_returned',
  'released',
  'returned_home',
];
const rank = (s: PersonStatus): number => PRECEDENCE.indexOf(s);

const DEATH: ReadonlySet<PersonStatus> = new Set(['dead', 'body_returned']);
const ALIVE_AND_FREE: ReadonlySet<PersonStatus> = new Set(['released', 'returned_home']);

export interface DerivedStatus {
  status: PersonStatus;
  /** the event the status rests on, null when unknown */
  basisEventId: string | null;
}

interface Candidate {
  e: TimelineEvent;
  status: PersonStatus;
  start: string;
  end: string;
}

const derive = (events: TimelineEvent[], minLevel: number): DerivedStatus => {
  const candidates: Candidate[] = [];
  for (const e of events) {
    const status = levelRank(e.verification) >= minLevel ? statusOf(e) : null;
    if (status) candidates.push({ e, status, ...dateRange(e.date) });
  }
  if (candidates.length === 0) return { status: 'unknown', basisEventId: null };

  // Rule 2 — the latest event wins: the one whose date range ends last, together with every
  // event whose range overlaps it (they may be the same moment); among those, rule 3 decides.
  const latestEnd = candidates.reduce((m, c) => (c.end > m ? c.end : m), '');
  const latest = candidates.reduce((a, b) => (b.end > a.end || (b.end === a.end && b.start > a.start) ? b : a));
  const group = candidates.filter((c) => c.end >= latest.start && c.start <= latestEnd);
  let winner = group.reduce((a, b) => (rank(b.status) > rank(a.status) ? b : a));

  // Rule 4 — a confirmed death is sticky. Later reports of "missing", "captured" and so on do
  // not undo it (a unit often keeps listing the dead as missing). Only a person seen alive and
  // free — released or returned home, itself confirmed — overrides it; that case is also
  // flagged as a discrepancy (see discrepancies.ts).
  const deaths = candidates.filter((c) => DEATH.has(c.status));
  if (deaths.length > 0 && !DEATH.has(winner.status)) {
    const aliveAfter = ALIVE_AND_FREE.has(winner.status) && winner.e.verification === 'confirmed';
    if (!aliveAfter)
      winner = deaths.reduce((a, b) =>
        rank(b.status) > rank(a.status) || (rank(b.status) === rank(a.status) && b.end > a.end) ? b : a,
      );
  }
  return { status: winner.status, basisEventId: winner.e.id };
};

export interface StatusSummary extends DerivedStatus {
  /**
   * Rule 5 — what the unverified reports would make of it. Only corroborated and confirmed
   * events set the status; "reported" ones (everything a family adds) are shown and, when they
   * would change it, announced as "reported, not yet verified" next to the status.
   */
  pending: PersonStatus | null;
  /** the event the pending status rests on (its date and who added it are shown with it) */
  pendingBasisEventId: string | null;
}

export const deriveStatus = (events: TimelineEvent[]): StatusSummary => {
  const verified = derive(events, levelRank('corroborated'));
  const all = derive(events, levelRank('reported'));
  const differs = all.status !== verified.status;
  return { ...verified, pending: differs ? all.status : null, pendingBasisEventId: differs ? all.basisEventId : null };
};
