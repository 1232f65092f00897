import type { Generated } from 'kysely';

// Matching (migration 0022). Clear columns only: ids, scores, which level each field agreed at.

/**
 * 'withdrawn': a pending pair whose record was corrected so that the two no longer resemble each
 * other (scored again below the review threshold); out of the queue, back in it if a later
 * correction makes them alike again.
 */
export type CandidateState = 'pending' | 'unsure' | 'same' | 'different' | 'withdrawn';

export interface MatchCandidatesTable {
  id: string;
  organisation_id: string;
  left_person_id: string;
  right_person_id: string;
  pair_key: string;
  probability: number;
  weight: number;
  /** JSON: [{ comparison, level, weight }] from the engine's explain */
  explain: string;
  state: CandidateState;
  /** what brought the left record: 'case' | 'import' | 'tip' */
  origin: string;
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
  /** who said "unsure" (a verifier then decides) */
  unsure_by: string | null;
  merge_id: string | null;
  learned: Generated<number>;
}

export interface PersonMergesTable {
  id: string;
  organisation_id: string;
  candidate_id: string | null;
  into_cluster: string;
  from_cluster: string;
  /** JSON list of record ids moved into `into_cluster` */
  moved_ids: string;
  merged_by: string;
  merged_at: string;
  undone_by: string | null;
  undone_at: string | null;
}

export interface LinkageModelsTable {
  organisation_id: string;
  /** JSON ModelParams of the engine */
  params: string;
  records: number;
  labels: Generated<number>;
  version: Generated<number>;
  updated_at: string;
}

export interface LinkageCounterTable {
  name: string;
  value: number;
}

/** A tip scored against the organisation's records (migration 0024): everything about it sealed. */
export interface TipMatchesTable {
  id: string;
  organisation_id: string;
  tip_id: string;
  key_sealed: string;
  content_sealed: string;
  /** 'open': a candidate still waits for a decision; 'closed': each was decided */
  state: 'open' | 'closed';
  scored_on: string;
}

export interface MatchingTables {
  tip_matches: TipMatchesTable;
  match_candidates: MatchCandidatesTable;
  person_merges: PersonMergesTable;
  linkage_models: LinkageModelsTable;
  linkage_counter: LinkageCounterTable;
}
