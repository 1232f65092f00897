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
}

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

export interface PeopleTables {
  persons: PersonsTable;
  person_revisions: PersonRevisionsTable;
}
