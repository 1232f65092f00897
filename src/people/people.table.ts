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

export interface PeopleTables {
  persons: PersonsTable;
}
