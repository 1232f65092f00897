// The public registry's tables (migration 0040). A record is a snapshot of what was published;
// it is public by nature, so it is in clear. What relatives write in a withdrawal or correction
// request is sealed to the publishing organisation.

export type RecordState = 'announced' | 'published' | 'withdrawn';

export interface RegistryRecordsTable {
  id: string;
  seq: number;
  /** 'case': published by a verifier from a case's timeline; 'demo': synthetic (kintrace demo, benchmarks) */
  origin: 'case' | 'demo';
  person_id: string | null;
  organisation_id: string;
  state: RecordState;
  version: number;
  surname: string;
  given_name: string;
  patronymic: string | null;
  name_latin: string;
  /** lower-case name words for the registry's search */
  name_key: string;
  /** the surname's own search words (Cyrillic and Latin): surname matches are listed first */
  surname_key: string;
  /**
   * The name's matching keys (people/search-keys.ts nameMatchKeys, migration 0049): the surname
   * without gender and by sound, the full given name, the father's name; the similar spellings
   * of a search are found by them (similar-names.ts)
   */
  surname_gl: string;
  surname_phon: string;
  given_canon: string;
  patronymic_gl: string;
  birth_year: number | null;
  region_code: string | null;
  unit_number: string | null;
  unit_name: string | null;
  rank: string | null;
  category: string;
  /** 'dead' or 'missing' */
  status: string;
  event_date: string | null;
  event_precision: 'year' | 'month' | 'day' | null;
  event_place: string | null;
  /** "YYYY-MM": the first and last month the date may stand for (null: no date) */
  period_start: string | null;
  period_end: string | null;
  /** which publication rule the status met: official, accepted_alone, two_sources */
  basis: string;
  announced_on: string | null;
  /** why the family could not be told first (a fixed reason, never free text) */
  notice_waiver: string | null;
  /** the case whose family the reason is about: it waives that family's notice only */
  notice_waiver_case: string | null;
  published_at: string | null;
  updated_at: string | null;
  withdrawn_at: string | null;
  withdraw_reason: string | null;
}

export interface RegistrySourcesTable {
  id: string;
  record_id: string;
  position: number;
  title: string;
  source_date: string | null;
  source_precision: 'year' | 'month' | 'day' | null;
  url: string | null;
}

export interface RegistryCorrectionsTable {
  id: string;
  record_id: string;
  version: number;
  corrected_on: string;
  note: string;
}

export interface RegistryCountsTable {
  region_code: string;
  category: string;
  period: string;
  status: string;
  n: number;
}

export interface RegistryStateTable {
  id: number;
  version: number;
  changed_at: string | null;
  requests_as_of: string | null;
  /** null when the total itself is below the threshold */
  requests_total: number | null;
  requests_threshold: number | null;
}

export interface RegistryRequestStatsTable {
  region_code: string;
  /** null: suppressed */
  open_cases: number | null;
}

export interface RegistryRequestsTable {
  id: string;
  record_id: string;
  organisation_id: string;
  kind: 'withdraw' | 'correct';
  body_sealed: string;
  created_on: string;
  /** src/registry/request-lifecycle.ts */
  state: 'new' | 'in_review' | 'done';
  handled_by: string | null;
  handled_at: string | null;
  // The receipt code (migration 0046; null for requests sent before it): the lookup id finds the
  // row, the Argon2id verifier proves the code, the request key is wrapped under the code and to
  // the organisation, and the staff's answer is sealed with that key.
  lookup_id: string | null;
  code_salt: string | null;
  code_verifier: string | null;
  key_code_sealed: string | null;
  key_org_sealed: string | null;
  /** how a done request ended; null while open, and for one closed without saying */
  outcome: 'removed' | 'corrected' | 'refused' | null;
  answer_sealed: string | null;
  answered_on: string | null;
  /** 1 when the relative added words its staff have not opened yet (migration 0047) */
  relative_wrote: number;
}

/** What a relative added to their request with its code, sealed to the organisation (migration 0047). */
export interface RegistryRequestAdditionsTable {
  id: string;
  request_id: string;
  /** its place among the request's additions, from 1 */
  seq: number;
  body_sealed: string;
  created_on: string;
}

export interface RegistryTables {
  registry_records: RegistryRecordsTable;
  registry_sources: RegistrySourcesTable;
  registry_corrections: RegistryCorrectionsTable;
  registry_counts: RegistryCountsTable;
  registry_state: RegistryStateTable;
  registry_request_stats: RegistryRequestStatsTable;
  registry_requests: RegistryRequestsTable;
  registry_request_additions: RegistryRequestAdditionsTable;
}
