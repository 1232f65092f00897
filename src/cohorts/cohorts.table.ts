import type { Generated } from 'kysely';

// Cohorts, their boards and incidents (migration 0023; families' names on boards 0025, their
// labels 0027, names staff reset 0029, families off one board 0061, copies of the key 0063).
// `*_sealed` columns are AES-256-GCM: board posts and names under the board's key, an incident's
// description under the organisation-sealed key of the incident's board-less description (see
// incidents.service.ts).

export interface CohortOptinsTable {
  case_id: string;
  organisation_id: string;
  /** a day: a family's activity */
  opted_in_on: string;
}

export interface CohortBoardsTable {
  id: string;
  organisation_id: string;
  /** 'unit:12345', 'formation:155 обрмп', 'colony:RU-XXX:6', 'mobilised:2022-09:RU-XXX', 'incident:<id>' */
  cohort_key: string;
  /** the board key sealed to the organisation's public key */
  key_sealed: string;
  /**
   * The key the families' labels derive from (the board's first key), sealed with the current
   * board key, AAD "cohort:<board>:label-root"; null while the key has never been replaced.
   */
  label_root_sealed: string | null;
  /**
   * how many family copies of the current key were handed out (migration 0063): fewer copies in
   * cohort_key_wraps than this means one went with its case, and the key is replaced
   */
  key_copies: Generated<number>;
  /** the day the first family of the cohort opted in (a family's activity: never the second) */
  created_at: string;
}

export interface CohortKeyWrapsTable {
  board_id: string;
  case_id: string;
  user_id: string;
  wrapped: string;
}

export interface CohortPostsTable {
  id: string;
  board_id: string;
  seq: number;
  case_id: string | null;
  author_user_id: string;
  from_family: number;
  body_sealed: string;
  /** a day for a family's post, the time for staff */
  created_on: string;
  hidden_reason: string | null;
  hidden_by: string | null;
  hidden_at: string | null;
}

/** A family's own name on one board (migration 0025); without a row it shows as its label. */
export interface CohortNamesTable {
  board_id: string;
  user_id: string;
  /** the case through which the family chose it: the name goes with that case */
  case_id: string;
  /** sealed with the board key, AAD "cohort:<board>:name:<user>" */
  name_sealed: string;
  /** a day: a family's activity */
  set_on: string;
}

/**
 * Which label candidate a family holds on a board (migration 0027): kept from the first page
 * that shows the family, so its label never moves (family-names.ts).
 */
export interface CohortLabelsTable {
  board_id: string;
  user_id: string;
  /** the case through which the label was given: it goes with that case */
  case_id: string;
  /** how many of the family's candidates were skipped (held by others): almost always 0 */
  attempt: number;
}

/**
 * A family's name on a board that staff reset (migration 0029): its board page says so until the
 * family saves a name there again, and the same name is refused. The name only sealed to the
 * family itself: no other reader of the board can open it or test a guess against it.
 */
export interface CohortNameResetsTable {
  id: string;
  board_id: string;
  user_id: string;
  /** the case through which the reset name was chosen: the row goes with that case */
  case_id: string;
  /**
   * the reset name sealed to the family's own public key (only its session opens it); null if
   * the board key did not open the name when staff reset it
   */
  name_sealed: string | null;
  /** a day: a family's activity */
  reset_on: string;
  /** 1 once the family has saved its name on the board since the reset */
  answered: number;
}

/**
 * A family off one board while its case stays open (migration 0061): it left, or staff removed it.
 * One row per case through which it was there (it goes with that case); the family is off the
 * board while any row of its account is.
 */
export interface CohortExitsTable {
  id: string;
  board_id: string;
  user_id: string;
  case_id: string;
  /** 'family': it left on its own (it may come back); 'staff': removed (only staff let it back) */
  side: 'family' | 'staff';
  /** staff's reason code (REMOVE_REASONS); null when the family left */
  reason: string | null;
  /** a day: it is about a family */
  left_on: string;
}

export interface IncidentsTable {
  id: string;
  organisation_id: string;
  title: string;
  event_date: string;
  date_precision: 'year' | 'month' | 'day';
  place: string | null;
  /** sealed to the organisation: `x1.` envelope (staff only) */
  description_sealed: string | null;
  created_by: string;
  created_at: string;
}

export interface IncidentPersonsTable {
  incident_id: string;
  person_id: string;
  linked_by: string;
  linked_at: string;
}

export interface IncidentSourcesTable {
  id: string;
  incident_id: string;
  kind: string;
  citation: string;
  source_date: string | null;
  added_by: string;
  added_at: string;
}

export interface IncidentFactsTable {
  id: string;
  incident_id: string;
  kind: string;
  event_date: string;
  date_precision: 'year' | 'month' | 'day';
  place: string | null;
  verification: 'reported' | 'corroborated' | 'confirmed';
  added_by: string;
  added_at: string;
  verified_by: string | null;
  verified_at: string | null;
}

export interface CohortsTables {
  cohort_optins: CohortOptinsTable;
  cohort_boards: CohortBoardsTable;
  cohort_key_wraps: CohortKeyWrapsTable;
  cohort_posts: CohortPostsTable;
  cohort_names: CohortNamesTable;
  cohort_labels: CohortLabelsTable;
  cohort_name_resets: CohortNameResetsTable;
  cohort_exits: CohortExitsTable;
  incidents: IncidentsTable;
  incident_persons: IncidentPersonsTable;
  incident_sources: IncidentSourcesTable;
  incident_facts: IncidentFactsTable;
}
