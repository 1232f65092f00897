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
  relation_sealed: string;
  narrative_sealed: string;
  wants_sealed: string;
  close_reason: string | null;
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

export interface CasesTables {
  cases: CasesTable;
  case_key_wraps: CaseKeyWrapsTable;
  events: EventsTable;
  case_messages: CasePostsTable;
  case_notes: CasePostsTable;
  case_news: CaseNewsTable;
}
