import { dateRange } from '../people/partial-date.ts';
import { aboutDeath, judgeDiscrepancies, type PersonFacts, type Resolution } from './discrepancies.ts';
import { familyLastContact } from './last-contact.ts';
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
  // a death the timeline reports while an unresolved discrepancy contradicts it (rule 6)
  'disputed_death',
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
    recruited: 'serving',
    // Leaving prison says the person was alive and free that day, not where they are now.
    released_from_prison: null,
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
  'disputed_death',
  'dead',
  'body_returned',
  'released',
  'returned_home',
];
const rank = (s: PersonStatus): number => PRECEDENCE.indexOf(s);

const DEATH: ReadonlySet<PersonStatus> = new Set(['dead', 'body_returned']);
/** A death at any level: once reported, later lesser reports never hide it (rule 4). */
const ANY_DEATH: ReadonlySet<PersonStatus> = new Set(['reported_dead', 'dead', 'body_returned']);
const ALIVE_AND_FREE: ReadonlySet<PersonStatus> = new Set(['released', 'returned_home']);
/** The statuses an open discrepancy about a death turns into "disputed" (rule 6). */
const DISPUTABLE: ReadonlySet<PersonStatus> = new Set(['reported_dead', 'dead']);

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

  // Rule 4 — a death is sticky. Later reports of "missing", "captured" and so on do not undo
  // it (a unit often keeps listing the dead as missing), nor hide a reported death from the
  // family. Only a person seen alive and free — released or returned home — overrides it: for
  // a confirmed death that sighting must itself be confirmed, for a reported one at least as
  // sure as the report. That case is also flagged as a discrepancy (see discrepancies.ts).
  const deaths = candidates.filter((c) => ANY_DEATH.has(c.status));
  if (deaths.length > 0) {
    const death = deaths.reduce((a, b) =>
      rank(b.status) > rank(a.status) || (rank(b.status) === rank(a.status) && b.end > a.end) ? b : a,
    );
    if (ALIVE_AND_FREE.has(winner.status)) {
      const needed = DEATH.has(death.status) ? levelRank('confirmed') : levelRank(death.e.verification);
      if (levelRank(winner.e.verification) < needed) winner = death;
    } else if (rank(winner.status) < rank(death.status)) winner = death;
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

/** What the rules may know besides the events: the date of birth and the verifiers' verdicts. */
export interface StatusContext extends PersonFacts {
  /** resolved discrepancies (without them, every discrepancy found is open) */
  resolutions?: readonly Resolution[];
}

/**
 * The person's status from the timeline. Events a verifier set aside when resolving a
 * discrepancy do not count (they stay on the timeline), nor do the family's last-contact reports
 * she corrected since (rule 8, last-contact.ts). Rule 6 — while a discrepancy about a
 * death is open, a status resting on a death reads "disputed", never "dead": an official letter
 * dated before a later sign of life must not tell a mother her son's death is confirmed.
 */
export const deriveStatus = (events: TimelineEvent[], context: StatusContext = {}): StatusSummary => {
  const { open, setAside } = judgeDiscrepancies(events, context, context.resolutions);
  // Rule 8 — the family's earlier reports of the last contact, which she corrected since, no
  // longer count: her latest word does, even when its date is earlier.
  const { corrected } = familyLastContact(events);
  const counted =
    setAside.size === 0 && corrected.size === 0
      ? events
      : events.filter((e) => !setAside.has(e.id) && !corrected.has(e.id));
  const disputed = open.some((d) => aboutDeath(d, events));
  const judge = (s: DerivedStatus): DerivedStatus =>
    disputed && DISPUTABLE.has(s.status) ? { ...s, status: 'disputed_death' } : s;
  const verified = judge(derive(counted, levelRank('corroborated')));
  const all = judge(derive(counted, levelRank('reported')));
  const differs = all.status !== verified.status;
  return { ...verified, pending: differs ? all.status : null, pendingBasisEventId: differs ? all.basisEventId : null };
};

/**
 * The statuses a change must be confirmed on its own page for, with the sources, the open
 * discrepancies and a written reason: a death, a capture, a detention.
 */
export const GRAVE_STATUSES: ReadonlySet<PersonStatus> = new Set([
  'reported_dead',
  'disputed_death',
  'dead',
  'body_returned',
  'captured',
  'detained',
]);
