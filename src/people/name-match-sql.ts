import { sql, type RawBuilder } from 'kysely';
import type { TokenKeys } from './search-keys.ts';

// The rules by which a typed word meets a name, as SQL over the name's matching keys
// (search-keys.ts nameMatchKeys: surname_gl, surname_phon, given_canon, patronymic_gl, and where a
// table has them surname_nk and the parts of a double surname). The staff search over `persons`
// (person-search.repository.ts) and the public registry's similar spellings over
// `registry_records` (registry/registry.repository.ts) both ask these, so a word that finds a
// person in one finds him in the other.

/** A word of a search with the names one or two edits from it (name-neighbours.ts). */
export interface SearchToken extends TokenKeys {
  nearSurnames: string[];
  nearGivens: string[];
}

/** Which optional keys the table has. */
export interface MatchColumns {
  /** surname_nk: the surname with its gender, ranked above the genderless key */
  nk?: boolean;
  /** surname_head_gl, surname_tail_gl: either part of a double surname */
  parts?: boolean;
}

const inList = (column: string, keys: string[]) =>
  keys.length ? sql`${sql.ref(column)} IN (${sql.join(keys)})` : sql`1 = 0`;

/**
 * The word is one of the record's names: the surname in either gender form, by its sound or a
 * near spelling, a reading of the given name or a near spelling, the father's name.
 */
export const wordMatches = (t: SearchToken, cols: MatchColumns = {}): RawBuilder<boolean> =>
  sql<boolean>`(surname_gl = ${t.gl} OR surname_phon = ${t.phon}${
    cols.parts ? sql` OR surname_head_gl = ${t.gl} OR surname_tail_gl = ${t.gl}` : sql``
  } OR ${inList('given_canon', t.given)} OR patronymic_gl = ${t.patronymic} OR ${inList(
    'surname_gl',
    t.nearSurnames,
  )} OR ${inList('given_canon', t.nearGivens)})`;

/** Closer spellings first: the same gender form over the other one over one part of a double
 * surname over a sound-alike; the given name's first reading over a further one; a patronymic; a
 * near spelling last. */
export const matchScore = (tokens: SearchToken[], cols: MatchColumns = {}): RawBuilder<number> =>
  sql<number>`(${sql.join(
    tokens.map(
      (t) => sql`(CASE ${cols.nk ? sql`WHEN surname_nk = ${t.nk} THEN 8 ` : sql``}WHEN surname_gl = ${t.gl} THEN 6
        ${cols.parts ? sql`WHEN surname_head_gl = ${t.gl} OR surname_tail_gl = ${t.gl} THEN 5 ` : sql``}WHEN ${inList('given_canon', t.given.slice(0, 1))} THEN 4 WHEN surname_phon = ${t.phon} THEN 3
        WHEN ${inList('given_canon', t.given)} THEN 3 WHEN patronymic_gl = ${t.patronymic} THEN 2
        WHEN ${inList('surname_gl', t.nearSurnames)} THEN 1 WHEN ${inList('given_canon', t.nearGivens)} THEN 1
        ELSE 0 END)`,
    ),
    sql` + `,
  )})`;
