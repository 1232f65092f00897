import { disjoint, type PartialDate } from '../people/partial-date.ts';
import type { PublicEvent, PublicFacts } from '../cases/publication-facts.service.ts';

// When a person's status may be made public, and what exactly is shown. Pure: the cases domain
// hands over the facts (publicFactsOfPerson), these rules answer. The same rules are written for
// people in docs/registry-methodology.md (and its Russian text); keep the three in step.

/** What the registry counts: the dead and the missing. */
export const REGISTRY_STATUSES = ['dead', 'missing'] as const;
export type RegistryStatus = (typeof REGISTRY_STATUSES)[number];

/** Which rule the status met. */
export const BASES = ['official', 'accepted_alone', 'two_sources'] as const;
export type Basis = (typeof BASES)[number];

export const PROBLEMS = [
  'status_not_published',
  'not_confirmed',
  'open_discrepancy',
  'unverified_report',
  'family_opted_out',
] as const;
export type Problem = (typeof PROBLEMS)[number];

type Kind = PublicEvent['kind'];

/**
 * Rule P1 — only deaths and disappearances are published. A derived status of dead or body
 * returned is a death; missing is a disappearance. Captivity, detention and the rest are not
 * published: naming a prisoner can put him in danger, and the registry counts losses.
 */
export const registryStatusOf = (status: string): RegistryStatus | null =>
  status === 'dead' || status === 'body_returned' ? 'dead' : status === 'missing' ? 'missing' : null;

/** The event kinds that speak of each published status. */
const KINDS: Record<RegistryStatus, ReadonlySet<Kind>> = {
  dead: new Set(['death_reported', 'death_confirmed', 'body_returned']),
  missing: new Set(['missing']),
};

/** Kinds that carry the date and place of a death (a body's return has its own date). */
const DATED: Record<RegistryStatus, ReadonlySet<Kind>> = {
  dead: new Set(['death_confirmed', 'death_reported']),
  missing: new Set(['missing']),
};

/**
 * Rule P2 (b) — source kinds the methodology accepts alone, once a verifier confirmed the event:
 * for a death, a published obituary or news report naming the person (the way independent
 * counts of the dead are built from obituaries), and a rights group's own documented finding.
 * Nothing but an official document is accepted alone for a disappearance.
 */
export const ACCEPTED_ALONE: Record<RegistryStatus, ReadonlySet<string>> = {
  dead: new Set(['news', 'rights_group']),
  missing: new Set(),
};

const LEVEL = { reported: 0, corroborated: 1, confirmed: 2 } as const;

export interface Qualification {
  status: RegistryStatus | null;
  basis: Basis | null;
  /** the events the basis rests on */
  basisEventIds: string[];
  /** date and place shown publicly (null date: not known) */
  date: PartialDate | null;
  place: string | null;
  problems: Problem[];
}

const bestDated = (events: PublicEvent[], status: RegistryStatus): PublicEvent | null => {
  const dated = events.filter((e) => DATED[status].has(e.kind) && LEVEL[e.verification] >= LEVEL.corroborated);
  // The most verified first; an official one before others; then the most precise date.
  const score = (e: PublicEvent) =>
    LEVEL[e.verification] * 100 +
    (e.source === 'official' ? 10 : 0) +
    (e.date.precision === 'day' ? 2 : e.date.precision === 'month' ? 1 : 0);
  return dated.reduce<PublicEvent | null>((best, e) => (!best || score(e) > score(best) ? e : best), null);
};

/**
 * Rule P2 — the status is confirmed by documented rules, one of:
 * (a) official: an event of the status, from an official document, confirmed by a verifier;
 * (b) accepted alone: an event of the status, confirmed, from a source kind listed above;
 * (c) two sources: two events of the status, each at least corroborated, from two different
 *     source kinds (neither "other", whose origin is unknown), whose dates can be the same.
 * Events count only when their date can be that of the status's basis event.
 */
const basisOf = (events: PublicEvent[], status: RegistryStatus, basisEventId: string | null) => {
  const anchor = events.find((e) => e.id === basisEventId);
  const support = events.filter(
    (e) =>
      KINDS[status].has(e.kind) &&
      LEVEL[e.verification] >= LEVEL.corroborated &&
      (!anchor || !disjoint(e.date, anchor.date)),
  );
  const confirmed = support.filter((e) => e.verification === 'confirmed');
  const official = confirmed.find((e) => e.source === 'official');
  if (official) return { basis: 'official' as const, ids: [official.id] };
  const alone = confirmed.find((e) => ACCEPTED_ALONE[status].has(e.source));
  if (alone) return { basis: 'accepted_alone' as const, ids: [alone.id] };
  const first = support.find((e) => e.source !== 'other');
  const second = first && support.find((e) => e.source !== 'other' && e.source !== first.source);
  if (first && second) return { basis: 'two_sources' as const, ids: [first.id, second.id] };
  return null;
};

/** Whether the person's facts may be published now, and if so on which basis and with what date. */
export const qualify = (facts: Pick<PublicFacts, 'events' | 'status' | 'discrepancies' | 'cases'>): Qualification => {
  const status = registryStatusOf(facts.status.status);
  const problems: Problem[] = [];
  if (!status) problems.push('status_not_published');
  const found = status ? basisOf(facts.events, status, facts.status.basisEventId) : null;
  if (status && !found) problems.push('not_confirmed');
  // Rule P3 — nothing contested: no discrepancy at all on the timeline (two dates of death, a
  // sign of life after a death), and no unverified report that would change the status.
  if (facts.discrepancies.length > 0) problems.push('open_discrepancy');
  if (facts.status.pending !== null) problems.push('unverified_report');
  // Rule P4 — no requesting family asked to keep the person out of the registry.
  if (facts.cases.some((c) => c.doNotPublish)) problems.push('family_opted_out');
  const dated = status ? bestDated(facts.events, status) : null;
  return {
    status,
    basis: found?.basis ?? null,
    basisEventIds: found?.ids ?? [],
    date: dated?.date ?? null,
    place: dated?.place ?? null,
    problems,
  };
};

/**
 * The month (or year) a record is counted under in the statistics: "YYYY-MM" when the date is
 * known to the month or day, "YYYY" when only the year is known, "" when there is no date.
 */
export const periodOf = (date: PartialDate | null): string =>
  !date ? '' : date.precision === 'year' ? date.value.slice(0, 4) : date.value.slice(0, 7);
