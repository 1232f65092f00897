import { certainlyBefore, disjoint } from '../people/partial-date.ts';
import type { EventKind, TimelineEvent } from './timeline.ts';

// Versions that cannot both be true are kept side by side and flagged, never overwritten:
// an official letter giving a date of death that cannot be true is itself a fact the family
// and the caseworker need to see. Every event counts here, whatever its verification level,
// because a family's unverified report is exactly what an official version may contradict.

export type DiscrepancyRule = 'death_dates' | 'alive_after_death';

export interface Discrepancy {
  rule: DiscrepancyRule;
  /** the two events in conflict; the official one first when there is one */
  eventIds: [string, string];
  /** true when one side comes from an official letter or notice and the other does not */
  officialVersusOther: boolean;
}

const DEATH_KINDS: ReadonlySet<EventKind> = new Set(['death_reported', 'death_confirmed', 'body_returned']);
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

const ordered = (a: TimelineEvent, b: TimelineEvent): { pair: [string, string]; officialVersusOther: boolean } => {
  const aOfficial = a.source === 'official';
  const bOfficial = b.source === 'official';
  return { pair: bOfficial && !aOfficial ? [b.id, a.id] : [a.id, b.id], officialVersusOther: aOfficial !== bOfficial };
};

export const findDiscrepancies = (events: TimelineEvent[]): Discrepancy[] => {
  const out: Discrepancy[] = [];
  // Only the date of death matters for a body returned: its own date is the return.
  const deaths = events.filter((e) => DEATH_KINDS.has(e.kind) && e.kind !== 'body_returned');
  // Rule D1 — two dates of death that cannot be the same day.
  for (let i = 0; i < deaths.length; i++) {
    for (let j = i + 1; j < deaths.length; j++) {
      if (disjoint(deaths[i].date, deaths[j].date)) {
        const { pair, officialVersusOther } = ordered(deaths[i], deaths[j]);
        out.push({ rule: 'death_dates', eventIds: pair, officialVersusOther });
      }
    }
  }
  // Rule D2 — the person shown alive on a day certainly after a reported date of death.
  for (const death of deaths) {
    for (const alive of events) {
      if (ALIVE_KINDS.has(alive.kind) && certainlyBefore(death.date, alive.date)) {
        const { pair, officialVersusOther } = ordered(death, alive);
        out.push({ rule: 'alive_after_death', eventIds: pair, officialVersusOther });
      }
    }
  }
  return out;
};
