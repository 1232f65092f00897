import type { Generated } from 'kysely';

// Persons stay in clear on purpose: the state already knows its soldiers, and matching needs
// names, units and dates. The entered forms are never overwritten; `*_key` columns hold the
// normalised search keys next to them.
export interface PersonsTable {
  id: string;
  surname: string;
  given_name: string;
  patronymic: string | null;
  surname_key: string;
  given_name_key: string;
  patronymic_key: string | null;
  /** "YYYY", "YYYY-MM" or "YYYY-MM-DD" according to birth_precision */
  birth_date: string | null;
  birth_precision: 'year' | 'month' | 'day' | null;
  /** ISO 3166-2 code from data/regions.csv */
  region_code: string | null;
  unit_number: string | null;
  unit_name: string | null;
  unit_key: string | null;
  rank: string | null;
  service_category: string;
  created_at: string;
  // Migration 0020 (matching, issue 11): see src/people/search-keys.ts and docs/matching.md.
  /** the organisation holding the record (a case's, or the importing one's) */
  organisation_id: string | null;
  /** 'case' | 'import' | 'tip' */
  origin: Generated<string>;
  /** the cluster of records about one person; null: the record is alone */
  cluster_id: string | null;
  /** derived from the record's own timeline (cases/status-rules.ts); null: unknown */
  status: string | null;
  keys_version: Generated<number>;
  /** name key (any script to one skeleton), surname without its feminine ending, its sound */
  surname_nk: string | null;
  surname_gl: string | null;
  surname_phon: string | null;
  /** a surname of several words: its first and last word's genderless key (migration 0017) */
  surname_head_gl: string | null;
  surname_tail_gl: string | null;
  /** the full form of the given name (Андрюша → андреи) */
  given_canon: string | null;
  patronymic_gl: string | null;
  birth_year: number | null;
  unit_number_key: string | null;
  unit_formation_key: string | null;
  colony: string | null;
  colony_key: string | null;
  mobilisation_wave: string | null;
  /** order of entry into the linkage index; null until scored (again, after a correction) */
  linkage_seq: number | null;
}

/**
 * The facts of a person as entered (names, birth, region, unit, rank, category): what a page
 * shows, a correction replaces and keeps as a revision, and a record of a list carries.
 */
export const PERSON_FACT_COLUMNS = [
  'surname',
  'given_name',
  'patronymic',
  'birth_date',
  'birth_precision',
  'region_code',
  'unit_number',
  'unit_name',
  'rank',
  'service_category',
] as const;

/** The clear values a correction replaced (migration 0005): the entered form stays on record. */
export interface PersonRevisionsTable {
  id: string;
  person_id: string;
  surname: string;
  given_name: string;
  patronymic: string | null;
  birth_date: string | null;
  birth_precision: 'year' | 'month' | 'day' | null;
  region_code: string | null;
  unit_number: string | null;
  unit_name: string | null;
  rank: string | null;
  service_category: string;
  /** 'family' or 'staff' */
  replaced_by: string;
  /** staff only: a family's edit names no one (the requester is already the case's) */
  replaced_by_user_id: string | null;
  /** ISO time for staff, a day for the family */
  replaced_at: string;
}

/** A name key of an organisation's records and one of its one-letter-short forms (migration 0013). */
export interface PersonNameVariantsTable {
  organisation_id: string;
  kind: 'surname' | 'given';
  variant: string;
  name: string;
}

export interface PeopleTables {
  persons: PersonsTable;
  person_revisions: PersonRevisionsTable;
  person_name_variants: PersonNameVariantsTable;
}
