import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Queryable } from '../db/database.ts';
import { RECORD_COLUMNS, findRecords } from './person-records.repository.ts';
import type { TokenKeys } from './search-keys.ts';

// The ranked name search over an organisation's person records (src/search/, issue 11), apart
// from the other record queries so each file stays readable.

export interface SearchFilters {
  birthYear?: number;
  region?: string;
  unitNumber?: string | null;
  unitFormation?: string | null;
  /** the unit as typed (searchKey), found anywhere in the record's unit as written */
  unitText?: string | null;
  category?: string;
  status?: string;
  origin?: string;
  /** the first letter of the given name's key («П.» in «Иванов П.С.») */
  givenInitial?: string;
  /** the first letter of the patronymic's key */
  patronymicInitial?: string;
}

/** A word of a search with the organisation's names one edit from it (name-neighbours.ts). */
export interface SearchToken extends TokenKeys {
  nearSurnames: string[];
  nearGivens: string[];
}

const inList = (column: 'surname_gl' | 'given_canon', keys: string[]) =>
  keys.length ? sql`${sql.ref(column)} IN (${sql.join(keys)})` : sql`1 = 0`;

/** Closer spellings first: the same gender form over the other one over a sound-alike; the
 * given name's first reading over a further one; a patronymic; a name one edit off last. */
const scoreOf = (tokens: SearchToken[]) =>
  sql<number>`(${sql.join(
    tokens.map(
      (t) => sql`(CASE WHEN surname_nk = ${t.nk} THEN 8 WHEN surname_gl = ${t.gl} THEN 6
        WHEN given_canon = ${t.given[0]} THEN 4 WHEN surname_phon = ${t.phon} THEN 3
        WHEN given_canon IN (${sql.join(t.given)}) THEN 3 WHEN patronymic_gl = ${t.patronymic} THEN 2
        WHEN ${inList('surname_gl', t.nearSurnames)} THEN 1 WHEN ${inList('given_canon', t.nearGivens)} THEN 1
        ELSE 0 END)`,
    ),
    sql` + `,
  )})`;

/**
 * Ranked person records of one organisation. Every word must be one of the record's names (the
 * surname in either gender form, by its sound or one edit off, a reading of the given name or one
 * edit off, the patronymic), and one of them the surname — or, for a single word, the given name.
 * Each branch of the search starts from one indexed key and is answered from that covering index
 * alone (the keys, birth year and region are in it), so thousands of namesakes are scored and
 * ranked without reading the table; only the page's rows are read.
 */
export const searchRecords = async (
  db: Queryable,
  organisationId: string,
  tokens: SearchToken[],
  filters: SearchFilters,
  limit: number,
  offset: number,
) => {
  const filtered = <Q extends SelectQueryBuilder<Database, 'persons', object>>(q: Q): Q => {
    let out = q;
    if (filters.birthYear) out = out.where('birth_year', '=', filters.birthYear) as Q;
    if (filters.region) out = out.where('region_code', '=', filters.region) as Q;
    if (filters.category) out = out.where('service_category', '=', filters.category) as Q;
    if (filters.status) out = out.where('status', '=', filters.status) as Q;
    if (filters.origin) out = out.where('origin', '=', filters.origin) as Q;
    // One letter of the keys' alphabet: nothing in it for LIKE to read as a wildcard.
    if (filters.givenInitial) out = out.where('given_canon', 'like', `${filters.givenInitial}%`) as Q;
    if (filters.patronymicInitial) out = out.where('patronymic_gl', 'like', `${filters.patronymicInitial}%`) as Q;
    if (filters.unitNumber || filters.unitFormation)
      out = out.where((eb) =>
        eb.or([
          ...(filters.unitNumber ? [eb('unit_number_key', '=', filters.unitNumber)] : []),
          ...(filters.unitFormation ? [eb('unit_formation_key', '=', filters.unitFormation)] : []),
        ]),
      ) as Q;
    if (filters.unitText) {
      const pattern = `%${filters.unitText.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      out = out.where(sql<boolean>`unit_key like ${pattern} escape '\\'`) as Q;
    }
    return out;
  };
  if (tokens.length === 0) {
    const rows = await filtered(db.selectFrom('persons').where('organisation_id', '=', organisationId))
      .select([...RECORD_COLUMNS, sql<number>`0`.as('search_score')])
      .orderBy('surname_gl')
      .orderBy('given_canon')
      .orderBy('id')
      .limit(limit)
      .offset(offset)
      .execute();
    return rows;
  }
  const score = scoreOf(tokens);
  const gls = [...new Set(tokens.map((t) => t.gl))];
  const phons = [...new Set(tokens.map((t) => t.phon))];
  const nearSurnames = [...new Set(tokens.flatMap((t) => t.nearSurnames))];
  type Keyed = 'surname_gl' | 'surname_phon' | 'given_canon';
  // The branches do not overlap (each leaves out what an earlier one found), so they are simply
  // appended: no branch is sorted to remove duplicates.
  const branch = (column: Keyed, keys: string[], not: Array<[Keyed, string[]]>) =>
    filtered(
      not
        .filter(([, ks]) => ks.length > 0)
        .reduce(
          (q, [c, ks]) => q.where(c, 'not in', [...new Set(ks)]),
          db
            .selectFrom('persons')
            .where('organisation_id', '=', organisationId)
            .where(column, 'in', [...new Set(keys)]),
        )
        .where((eb) =>
          eb.and(
            tokens.map((t) =>
              eb.or([
                eb('surname_gl', '=', t.gl),
                eb('surname_phon', '=', t.phon),
                eb('given_canon', 'in', t.given),
                eb('patronymic_gl', '=', t.patronymic),
                ...(t.nearSurnames.length ? [eb('surname_gl', 'in', t.nearSurnames)] : []),
                ...(t.nearGivens.length ? [eb('given_canon', 'in', t.nearGivens)] : []),
              ]),
            ),
          ),
        ),
    ).select(['id', 'surname_gl', 'given_canon', score.as('search_score')]);
  let hits = branch('surname_gl', gls, []).unionAll(branch('surname_phon', phons, [['surname_gl', gls]]));
  // A surname one edit off: its own index range, after the exact and sound-alike ones.
  if (nearSurnames.length)
    hits = hits.unionAll(
      branch('surname_gl', nearSurnames, [
        ['surname_gl', gls],
        ['surname_phon', phons],
      ]),
    );
  if (tokens.length === 1) {
    const surnameFound: Array<[Keyed, string[]]> = [
      ['surname_gl', [...gls, ...nearSurnames]],
      ['surname_phon', phons],
    ];
    hits = hits.unionAll(branch('given_canon', tokens[0].given, surnameFound));
    if (tokens[0].nearGivens.length)
      hits = hits.unionAll(
        branch('given_canon', tokens[0].nearGivens, [...surnameFound, ['given_canon', tokens[0].given]]),
      );
  }
  const page = await db
    .selectFrom(hits.as('hits'))
    .select(['id', 'search_score'])
    .orderBy('search_score', 'desc')
    .orderBy('surname_gl')
    .orderBy('given_canon')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
  const rows = new Map(
    (
      await findRecords(
        db,
        page.map((p) => p.id),
      )
    ).map((r) => [r.id, r]),
  );
  return page.flatMap((p) => {
    const r = rows.get(p.id);
    return r ? [{ ...r, search_score: Number(p.search_score) }] : [];
  });
};
