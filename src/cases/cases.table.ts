import type { CaseState } from './case-lifecycle.ts';

// Columns ending in `_sealed` are AES-256-GCM ciphertexts under the case's own data key,
// bound by AAD to "case:<id>:<field>" so a ciphertext copied into another row fails to open.

export interface CasesTable {
  id: string;
  person_id: string;
  organisation_id: string;
  requester_user_id: string;
  state: CaseState;
  assigned_to: string | null;
  last_contact_date: string | null;
  last_contact_precision: 'year' | 'month' | 'day' | null;
  last_contact_means_sealed: string | null;
  /**
   * the place (events.report_seq) her latest «I don't know the date» took among her reports of the
   * last contact, when she emptied the date on her edit form; null when she never did (migration 0016)
   */
  last_contact_cleared_seq: number | null;
  relation_sealed: string;
  narrative_sealed: string;
  wants_sealed: string;
  close_reason: string | null;
  /** why, in a few words, when the reason is «другое» (migration 0011) */
  close_note_sealed: string | null;
  opened_on: string;
  last_activity_on: string;
  closed_on: string | null;
  /** 1 when the requesting family asked that nothing about the person be published (migration 0040) */
  do_not_publish: number;
}

/** The case key wrapped (X25519 envelope) to the organisation and to the requester. */
export interface CaseKeyWrapsTable {
  case_id: string;
  recipient_kind: 'organisation' | 'user';
  recipient_id: string;
  wrapped: string;
}

export interface EventsTable {
  id: string;
  person_id: string;
  /** null only for a verified fact kept after its case was purged (docs/retention.md) */
  case_id: string | null;
  kind: string;
  event_date: string;
  date_precision: 'year' | 'month' | 'day';
  place: string | null;
  description_sealed: string | null;
  source: string;
  verification: 'reported' | 'corroborated' | 'confirmed';
  added_by_family: number;
  created_on: string;
  verified_by: string | null;
  verified_at: string | null;
  /** a family's own report of the last contact: its place among hers (1, 2, …; last-contact.ts); null otherwise */
  report_seq: number | null;
}

export interface CasePostsTable {
  id: string;
  case_id: string;
  seq: number;
  author_user_id: string;
  from_family: number;
  body_sealed: string;
  created_at: string;
}

/** News for one side of a case (src/cases/case-news.service.ts): kind and item only, no content. */
export interface CaseNewsTable {
  id: string;
  case_id: string;
  audience: 'family' | 'staff';
  kind: string;
  ref_id: string | null;
  /** a day: news is about the family's case, so kept no more precisely than her own activity */
  created_on: string;
  seen: number;
}

/** Every change of an event's verification level (migration 0010; verification-lifecycle.ts). */
export interface EventLevelsTable {
  id: string;
  event_id: string;
  case_id: string;
  /** the order of the steps in the case */
  seq: number;
  /** null for the level an event was added at */
  from_level: 'reported' | 'corroborated' | 'confirmed' | null;
  to_level: 'reported' | 'corroborated' | 'confirmed';
  /** added · verified · confirmed · revised */
  step: string;
  by_user_id: string;
  /** ISO time (staff) */
  at: string;
  /** the staff member's reason, under the case key; null for a one-click step */
  reason_sealed: string | null;
}

/** A verifier's verdict on one discrepancy (migration 0010). */
export interface DiscrepancyResolutionsTable {
  id: string;
  case_id: string;
  /** discrepancies.ts discrepancyKey(): the rule and the events it names */
  discrepancy_key: string;
  rule: string;
  /** the event whose version did not hold; null when both stand */
  set_aside_event_id: string | null;
  reason_sealed: string;
  resolved_by: string;
  resolved_at: string;
}

/** A file attached to a case on its own, with a short description (migration 0018). */
export interface CaseFilesTable {
  id: string;
  case_id: string;
  /** position inside the case: files of one day keep the order they came in */
  seq: number;
  /** the file in evidence_files, sealed under the case key (scope "case:<id>") */
  file_id: string;
  /** what the file is, in the words of who attached it: sealed with the case key */
  description_sealed: string;
  from_family: number;
  /** the staff account that attached it (its pseudonym is shown to colleagues); null for a family's file, and for files before migration 0019 */
  author_user_id: string | null;
  /** the timeline event it documents (events.id of the same case), if its sender said so */
  event_id: string | null;
  /** a day, never a time: a family's activity is kept to the day */
  created_on: string;
}

export interface CasesTables {
  cases: CasesTable;
  case_key_wraps: CaseKeyWrapsTable;
  events: EventsTable;
  case_messages: CasePostsTable;
  case_notes: CasePostsTable;
  case_news: CaseNewsTable;
  event_levels: EventLevelsTable;
  discrepancy_resolutions: DiscrepancyResolutionsTable;
  case_files: CaseFilesTable;
}
