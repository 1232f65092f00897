import type { PartialDate } from '../people/partial-date.ts';

// The vocabulary of a person's timeline. Pure: used by the status rules, the forms and views.

export const EVENT_KINDS = [
  'last_contact',
  // The start of service: a call-up, mobilisation or contract, and for a convict recruit the day
  // he left the colony or the remand prison. A death dated before either cannot be true (a
  // ministry's letter has given the day he left prison as the day he died).
  'recruited',
  'released_from_prison',
  'deployed',
  'transferred',
  'wounded',
  'hospitalised',
  'detained',
  'captured',
  'missing',
  'death_reported',
  'death_confirmed',
  'body_returned',
  'belongings_returned',
  'refusal_filed',
  'released',
  'returned_home',
  'official_notice',
  'other',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_SOURCES = [
  'family',
  'witness',
  'official',
  'news',
  'social_media',
  'rights_group',
  // an anonymous tip a caseworker attached to the case (src/tips/tip-attach.service.ts)
  'tip',
  'other',
] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

export const VERIFICATION_LEVELS = ['reported', 'corroborated', 'confirmed'] as const;
export type Verification = (typeof VERIFICATION_LEVELS)[number];

export const levelRank = (v: Verification): number => VERIFICATION_LEVELS.indexOf(v);

/** What the status rules and discrepancy rules need of an event. */
export interface TimelineEvent {
  id: string;
  kind: EventKind;
  date: PartialDate;
  source: EventSource;
  verification: Verification;
  /** the case it was told in, where a timeline spans several (a person's record); absent on one case's */
  caseId?: string | null;
  /** added by the family herself (her request, her edit form, her timeline form) */
  byFamily?: boolean;
  /** her own report of the last contact: its place among hers (last-contact.ts); null or absent otherwise */
  reportSeq?: number | null;
  /**
   * her own report: the place her latest clearing of the date took among her reports on its case
   * (cases.last_contact_cleared_seq, last-contact.ts); null or absent when she never cleared it
   */
  clearedSeq?: number | null;
}
