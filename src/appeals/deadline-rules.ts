// The dates Federal Law 59-FZ sets for a written appeal, from what is known of it. Pure: no
// clock, no database. Sources and wording: data/appeals-facts.md §1; the reasoning, with every
// assumption, is in docs/appeals.md.
//
// - Registration within 3 days of arrival (art. 8 part 2).
// - Forwarding to the competent body within 7 days of registration, with a notice (art. 8 part 3).
// - Answer within 30 days of registration (art. 12 part 1); one extension of at most 30 days,
//   with a notice (art. 12 part 2).
//
// Days are calendar days: the law says "days", not "working days", and the facts file warns
// against inventing business-day arithmetic. A period "from" a day starts the next day, so an
// appeal registered on 1 March must be answered by 31 March. A deadline is not moved off a
// weekend or holiday (Civil Code art. 193 governs civil-law periods; 59-FZ does not refer to
// it), which errs on the side of the earlier, stricter date.
//
// What is not known is estimated, and labelled so: an appeal sent by post arrives on an unknown
// day (POST_TRANSIT_DAYS after sending, assumed), and an authority that gave no registration
// date is taken to have registered on the last day it was allowed to — so the estimated answer
// date is the latest the law allows, and "overdue" is never claimed too early.

export const REGISTRATION_DAYS = 3;
export const FORWARDING_DAYS = 7;
export const ANSWER_DAYS = 30;
export const MAX_EXTENSION_DAYS = 30;
/** Assumed days for a letter by post (Russian Post's own targets between cities are 2–9 days). */
export const POST_TRANSIT_DAYS = 7;

export const CHANNELS = ['post', 'online', 'in_person'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface AppealDays {
  channel: Channel;
  sentOn: string;
  /** the day it arrived, when known (a postal delivery notice) */
  deliveredOn?: string | null;
  registeredOn?: string | null;
  /** the day of the forwarding notice's forwarding */
  forwardedOn?: string | null;
  /** the day the body it was forwarded to registered it, when known */
  forwardRegisteredOn?: string | null;
  /** days of the one extension, 1–30, when a notice of extension came */
  extensionDays?: number | null;
}

export interface LegalDate {
  date: string;
  /** true when it rests on an assumption (a transit time, the last day allowed to register) */
  estimated: boolean;
}

export interface Deadlines {
  arrival: LegalDate;
  registerBy: LegalDate;
  /** the day the answer period runs from: the registration, known or the latest allowed */
  registration: LegalDate;
  /** by when a body that is not competent must forward it (none once it was forwarded) */
  forwardBy: LegalDate | null;
  answerBy: LegalDate;
  /** which registration the answer period runs from */
  basis: 'registration' | 'forwarded';
}

const DAY_MS = 86_400_000;
const toMs = (day: string): number => Date.parse(`${day}T00:00:00.000Z`);

export const addDays = (day: string, days: number): string =>
  new Date(toMs(day) + days * DAY_MS).toISOString().slice(0, 10);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((toMs(to) - toMs(from)) / DAY_MS);

const after = (d: LegalDate, days: number): LegalDate => ({ date: addDays(d.date, days), estimated: d.estimated });

/** The legal dates of a sent appeal. */
export const appealDeadlines = (a: AppealDays): Deadlines => {
  const arrival: LegalDate = a.deliveredOn
    ? { date: a.deliveredOn, estimated: false }
    : a.channel === 'post'
      ? { date: addDays(a.sentOn, POST_TRANSIT_DAYS), estimated: true }
      : { date: a.sentOn, estimated: false };
  const registerBy = after(arrival, REGISTRATION_DAYS);
  const registration: LegalDate = a.registeredOn
    ? { date: a.registeredOn, estimated: false }
    : { date: registerBy.date, estimated: true };
  let basis: Deadlines['basis'] = 'registration';
  let answerFrom = registration;
  if (a.forwardedOn) {
    // The competent body registers it anew, and the 30 days run from that registration.
    basis = 'forwarded';
    answerFrom = a.forwardRegisteredOn
      ? { date: a.forwardRegisteredOn, estimated: false }
      : { date: addDays(a.forwardedOn, POST_TRANSIT_DAYS + REGISTRATION_DAYS), estimated: true };
  }
  const extension = Math.min(Math.max(a.extensionDays ?? 0, 0), MAX_EXTENSION_DAYS);
  return {
    arrival,
    registerBy,
    registration,
    forwardBy: a.forwardedOn ? null : after(registration, FORWARDING_DAYS),
    answerBy: after(answerFrom, ANSWER_DAYS + extension),
    basis,
  };
};

/** Days left until a legal date (0 on the day itself, negative once it has passed). */
export const daysLeft = (today: string, date: string): number => daysBetween(today, date);

/** An answer is late from the day after `answerBy`. */
export const isPast = (today: string, date: string): boolean => today > date;
