import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Queryable } from '../db/database.ts';
import { RECORD_COLUMNS, findRecords } from './person-records.repository.ts';
import { matchScore, wordMatches, type SearchToken } from './name-match-sql.ts';

export type { SearchToken };

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

/**
 * Which hits a search reads: 'exact' those found by a word's own surname keys (either gender
 * form, the sound) or, for a single word, its given name's readings; 'near' those found only by a
 * name one edit off. The two never overlap: each near branch leaves out what the exact ones find.
 */
export type SearchTier = 'exact' | 'near';

/** A person record has every key: the surname with its gender and the parts of a double one. */
const PERSON_COLUMNS = { nk: true, parts: true };

type Filtered = <Q extends SelectQueryBuilder<Database, 'persons', object>>(q: Q) => Q;

const filtersOf =
  (filters: SearchFilters): Filtered =>
  <Q extends SelectQueryBuilder<Database, 'persons', object>>(q: Q): Q => {
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

type Keyed = 'surname_gl' | 'surname_phon' | 'given_canon' | 'surname_head_gl' | 'surname_tail_gl';

/**
 * The union of index branches of one tier, or null when the tier has none. Every word must be one
 * of the record's names (the surname in either gender form, by its sound or one edit off, a
 * reading of the given name or one edit off, the patronymic), and one of them the surname — or,
 * for a single word, the given name. Each branch starts from one indexed key (an IN list: one
 * index range a key) and is answered from that covering index alone (the keys, birth year and
 * region are in it), so thousands of namesakes are scored without reading the table.
 */
const hitsOf = (
  db: Queryable,
  organisationId: string,
  tokens: SearchToken[],
  filters: SearchFilters,
  tier: SearchTier,
) => {
  const filtered = filtersOf(filters);
  const score = matchScore(tokens, PERSON_COLUMNS);
  const gls = [...new Set(tokens.map((t) => t.gl))];
  const phons = [...new Set(tokens.map((t) => t.phon))];
  const single = tokens.length === 1 ? tokens[0] : null;
  const branch = (column: Keyed, keys: string[], not: Array<[Keyed, string[]]>) =>
    filtered(
      not
        .filter(([, ks]) => ks.length > 0)
        .reduce(
          // A key may be null (a surname of one word has no parts): NOT IN alone would drop it.
          (q, [c, ks]) => q.where((eb) => eb.or([eb(c, 'is', null), eb(c, 'not in', [...new Set(ks)])])),
          db
            .selectFrom('persons')
            .where('organisation_id', '=', organisationId)
            .where(column, 'in', [...new Set(keys)]),
        )
        .where((eb) => eb.and(tokens.map((t) => wordMatches(t, PERSON_COLUMNS)))),
    ).select(['id', 'surname_gl', 'given_canon', score.as('search_score')]);
  // The branches do not overlap (each leaves out what an earlier one found), so they are simply
  // appended: no branch is sorted to remove duplicates.
  const exactFound: Array<[Keyed, string[]]> = [
    ['surname_gl', gls],
    ['surname_phon', phons],
    ['surname_head_gl', gls],
    ['surname_tail_gl', gls],
  ];
  if (tier === 'exact') {
    // A double surname is found by either part (Тарасов → Тарасов-Водкин, Водкин → Петров-Водкин).
    const hits = branch('surname_gl', gls, [])
      .unionAll(branch('surname_phon', phons, exactFound.slice(0, 1)))
      .unionAll(branch('surname_head_gl', gls, exactFound.slice(0, 2)))
      .unionAll(branch('surname_tail_gl', gls, exactFound.slice(0, 3)));
    return single ? hits.unionAll(branch('given_canon', single.given, exactFound)) : hits;
  }
  if (single) exactFound.push(['given_canon', single.given]);
  const nearSurnames = [...new Set(tokens.flatMap((t) => t.nearSurnames))];
  const near = [
    ...(nearSurnames.length ? [branch('surname_gl', nearSurnames, exactFound)] : []),
    ...(single?.nearGivens.length
      ? [branch('given_canon', single.nearGivens, [...exactFound, ['surname_gl', nearSurnames]])]
      : []),
  ];
  return near.length ? near.reduce((a, b) => a.unionAll(b)) : null;
};

/** A page of one tier's hits (ids and scores), best first; none when the tier has no branch. */
export const searchHits = async (
  db: Queryable,
  organisationId: string,
  tokens: SearchToken[],
  filters: SearchFilters,
  tier: SearchTier,
  limit: number,
  offset: number,
): Promise<Array<{ id: string; search_score: number }>> => {
  const hits = hitsOf(db, organisationId, tokens, filters, tier);
  if (!hits || limit <= 0) return [];
  return (
    await db
      .selectFrom(hits.as('hits'))
      .select(['id', 'search_score'])
      .orderBy('search_score', 'desc')
      .orderBy('surname_gl')
      .orderBy('given_canon')
      .orderBy('id')
      .limit(limit)
      .offset(offset)
      .execute()
  ).map((h) => ({ id: h.id, search_score: Number(h.search_score) }));
};

/** How many hits one tier has (for the page after the last exact hit). */
export const countHits = async (
  db: Queryable,
  organisationId: string,
  tokens: SearchToken[],
  filters: SearchFilters,
  tier: SearchTier,
): Promise<number> => {
  const hits = hitsOf(db, organisationId, tokens, filters, tier);
  if (!hits) return 0;
  const row = await db
    .selectFrom(hits.as('hits'))
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

/** The records of a page of hits, in its order, with their scores; only the page's rows are read. */
export const recordsOfHits = async (db: Queryable, page: Array<{ id: string; search_score: number }>) => {
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
    return r ? [{ ...r, search_score: p.search_score }] : [];
  });
};

/** A page of the organisation's records without a name typed, in name order (filters only). */
export const listRecordsFiltered = async (
  db: Queryable,
  organisationId: string,
  filters: SearchFilters,
  limit: number,
  offset: number,
) =>
  (
    await filtersOf(filters)(db.selectFrom('persons').where('organisation_id', '=', organisationId))
      .select(RECORD_COLUMNS)
      .orderBy('surname_gl')
      .orderBy('given_canon')
      .orderBy('id')
      .limit(limit)
      .offset(offset)
      .execute()
  ).map((r) => ({ ...r, search_score: 0 }));
