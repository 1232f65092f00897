import { certainlyBefore, dateRange, disjoint, type PartialDate } from '../people/partial-date.ts';
import { familyLastContact } from './last-contact.ts';
import type { EventKind, TimelineEvent } from './timeline.ts';

// Versions that cannot both be true are kept side by side and flagged, never overwritten:
// an official letter giving a date of death that cannot be true is itself a fact the family
// and the caseworker need to see. Every event counts here, whatever its verification level,
// because a family's unverified report is exactly what an official version may contradict.
// The rules are written for people in docs/status-rules.md ("Discrepancies"); keep them in step.

export type DiscrepancyRule =
  | 'death_dates'
  | 'alive_after_death'
  | 'death_before_service'
  | 'before_birth'
  | 'under_18_at_service';

export interface Discrepancy {
  rule: DiscrepancyRule;
  /**
   * The events in conflict, the official one first when there is one. A rule that compares an
   * event with the person's date of birth (before_birth, under_18_at_service) names that one event.
   */
  eventIds: [string, string] | [string];
  /** true when one side comes from an official letter or notice and the other does not */
  officialVersusOther: boolean;
}

/** What the rules may know of the person besides the timeline. */
export interface PersonFacts {
  /** the date of birth as the case records it (null or absent: unknown) */
  birth?: PartialDate | null;
}

/** A verifier's verdict on one discrepancy (case-verification.service.ts): which version, if any, is set aside. */
export interface Resolution {
  /** discrepancyKey() of the discrepancy resolved */
  key: string;
  /** the event whose version did not hold; null when both versions stand (only a date was uncertain, say) */
  setAsideEventId: string | null;
}

export const DEATH_KINDS: ReadonlySet<EventKind> = new Set(['death_reported', 'death_confirmed', 'body_returned']);
// Kinds that show the person alive on their date. A body returned, belongings returned, a
// refusal (which may be filed by a relative), a notice and "other" prove nothing of the sort.
const ALIVE_KINDS: ReadonlySet<EventKind> = new Set([
  'last_contact',
  'deployed',
  'transferred',
  'wounded',
  'hospitalised',
  'detained',
  'captured',
  'released',
  'returned_home',
]);
// The start of service: nobody dies before being recruited or before leaving prison for the war.
const SERVICE_START_KINDS: ReadonlySet<EventKind> = new Set(['recruited', 'released_from_prison']);
// Nobody may be sent to serve, let alone to the front, before 18.
const ADULT_ONLY_KINDS: ReadonlySet<EventKind> = new Set(['recruited', 'deployed']);

/** One discrepancy's identity: its rule and its events, stable while those events exist. */
export const discrepancyKey = (d: Pick<Discrepancy, 'rule' | 'eventIds'>): string => [d.rule, ...d.eventIds].join(':');

const ordered = (a: TimelineEvent, b: TimelineEvent): { pair: [string, string]; officialVersusOther: boolean } => {
  const aOfficial = a.source === 'official';
  const bOfficial = b.source === 'official';
  return { pair: bOfficial && !aOfficial ? [b.id, a.id] : [a.id, b.id], officialVersusOther: aOfficial !== bOfficial };
};

/** The first day on which someone born on the first day `birth` may stand for turns 18. */
const eighteenthBirthday = (birth: PartialDate): string => {
  const start = dateRange(birth).start;
  return `${String(Number(start.slice(0, 4)) + 18).padStart(4, '0')}${start.slice(4)}`;
};

export const findDiscrepancies = (all: TimelineEvent[], person: PersonFacts = {}): Discrepancy[] => {
  const out: Discrepancy[] = [];
  // A last contact the family herself replaced since is no longer her word (rule 8): it raises
  // nothing, against her newer report or any other source, without waiting for a verifier. Her
  // current report, and everyone else's events, still do.
  const { corrected } = familyLastContact(all);
  const events = corrected.size === 0 ? all : all.filter((e) => !corrected.has(e.id));
  const pair = (rule: DiscrepancyRule, a: TimelineEvent, b: TimelineEvent) => {
    const { pair: eventIds, officialVersusOther } = ordered(a, b);
    out.push({ rule, eventIds, officialVersusOther });
  };
  // Only the date of death matters for a body returned: its own date is the return.
  const deaths = events.filter((e) => DEATH_KINDS.has(e.kind) && e.kind !== 'body_returned');
  // Rule D1 — two dates of death that cannot be the same day.
  for (let i = 0; i < deaths.length; i++)
    for (let j = i + 1; j < deaths.length; j++)
      if (disjoint(deaths[i].date, deaths[j].date)) pair('death_dates', deaths[i], deaths[j]);
  for (const death of deaths) {
    for (const other of events) {
      if (!certainlyBefore(death.date, other.date)) continue;
      // Rule D2 — the person shown alive on a day certainly after a reported date of death.
      if (ALIVE_KINDS.has(other.kind)) pair('alive_after_death', death, other);
      // Rule D3 — a death dated before the person was recruited or left prison.
      else if (SERVICE_START_KINDS.has(other.kind)) pair('death_before_service', death, other);
    }
  }
  const birth = person.birth;
  if (birth) {
    const adult = eighteenthBirthday(birth);
    for (const e of events) {
      const official = e.source === 'official';
      // Rule D4 — anything dated certainly before the person was born.
      if (certainlyBefore(e.date, birth))
        out.push({ rule: 'before_birth', eventIds: [e.id], officialVersusOther: official });
      // Rule D5 — recruited or deployed certainly before turning 18.
      else if (ADULT_ONLY_KINDS.has(e.kind) && dateRange(e.date).end < adult)
        out.push({ rule: 'under_18_at_service', eventIds: [e.id], officialVersusOther: official });
    }
  }
  return out;
};

export interface JudgedDiscrepancies {
  /** every discrepancy the rules find */
  found: Discrepancy[];
  /** those no verifier has resolved, and whose events all still stand */
  open: Discrepancy[];
  /** events whose version a verifier set aside: kept on the timeline, not counted for the status */
  setAside: ReadonlySet<string>;
}

/**
 * The discrepancies with the verifiers' verdicts applied. A resolved discrepancy is no longer
 * open; neither is one whose event was set aside by another verdict (the verdict was on that
 * event). Both versions always stay on the timeline.
 */
export const judgeDiscrepancies = (
  events: TimelineEvent[],
  person: PersonFacts = {},
  resolutions: readonly Resolution[] = [],
): JudgedDiscrepancies => {
  const found = findDiscrepancies(events, person);
  const resolved = new Set(resolutions.map((r) => r.key));
  const setAside = new Set(resolutions.flatMap((r) => (r.setAsideEventId ? [r.setAsideEventId] : [])));
  const open = found.filter((d) => !resolved.has(discrepancyKey(d)) && !d.eventIds.some((id) => setAside.has(id)));
  return { found, open, setAside };
};

/** Whether a discrepancy is about a death (one of its events reports or confirms one). */
export const aboutDeath = (d: Discrepancy, events: readonly TimelineEvent[]): boolean =>
  d.eventIds.some((id) => {
    const e = events.find((x) => x.id === id);
    return e !== undefined && DEATH_KINDS.has(e.kind);
  });
