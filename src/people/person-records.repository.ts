import { sql, type Insertable, type SelectQueryBuilder, type Updateable } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Queryable } from '../db/database.ts';
import { PERSON_FACT_COLUMNS, type PersonsTable } from './people.table.ts';
import type { PersonSearchKeys, TokenKeys } from './search-keys.ts';

// Queries over person records for matching, imports, search and cohorts (issue 11). The people
// domain's own tables only; other domains reach them through person-records.service.ts.

export const RECORD_COLUMNS = [
  'id',
  'organisation_id',
  'origin',
  'cluster_id',
  'status',
  ...PERSON_FACT_COLUMNS,
  'colony',
  'mobilisation_wave',
  'created_at',
] as const;

/** What the linkage engine compares (src/matching/engine-adapter.ts LinkFields). */
const LINK_COLUMNS = [
  'surname',
  'given_name',
  'patronymic',
  'birth_date',
  'region_code',
  'unit_number',
  'unit_name',
] as const;

export const findColony = async (db: Queryable, id: string): Promise<string | null> =>
  (await db.selectFrom('persons').select('colony').where('id', '=', id).executeTakeFirst())?.colony ?? null;

/** Many rows at once, in batches that keep under both engines' limits on bound parameters. */
export const insertPersonRows = async (db: Queryable, rows: Insertable<PersonsTable>[]): Promise<void> => {
  const per = Math.max(1, Math.floor(30_000 / Math.max(1, Object.keys(rows[0] ?? { a: 1 }).length)));
  for (let i = 0; i < rows.length; i += per)
    await db
      .insertInto('persons')
      .values(rows.slice(i, i + per))
      .execute();
};

export const findRecords = (db: Queryable, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('persons').select(RECORD_COLUMNS).where('id', 'in', ids).execute();

export const listStaleKeys = (db: Queryable, version: number, limit: number) =>
  db
    .selectFrom('persons')
    .select([
      'id',
      'surname',
      'given_name',
      'patronymic',
      'birth_date',
      'region_code',
      'unit_number',
      'unit_name',
      'colony',
    ])
    .where('keys_version', '<', version)
    .limit(limit)
    .execute();

export const updateRecord = async (db: Queryable, id: string, patch: Updateable<PersonsTable>): Promise<void> => {
  await db.updateTable('persons').set(patch).where('id', '=', id).execute();
};

export const updateKeys = (db: Queryable, id: string, keys: PersonSearchKeys) => updateRecord(db, id, keys);

/** The engine's fields of records already in the index order, after `afterSeq`. */
export const listIndexed = (db: Queryable, organisationId: string, afterSeq: number, limit: number) =>
  db
    .selectFrom('persons')
    .select(['id', 'linkage_seq', ...LINK_COLUMNS])
    .where('organisation_id', '=', organisationId)
    .where('linkage_seq', '>', afterSeq)
    .orderBy('linkage_seq')
    .limit(limit)
    .execute();

/** One statement per few hundred records: each gets its own position (CASE over the ids). */
export const markScoredRows = async (db: Queryable, rows: Array<{ id: string; seq: number }>): Promise<void> => {
  for (let i = 0; i < rows.length; i += 400) {
    const part = rows.slice(i, i + 400);
    const cases = sql.join(
      part.map((r) => sql`WHEN ${r.id} THEN CAST(${r.seq} AS INTEGER)`),
      sql` `,
    );
    await db
      .updateTable('persons')
      .set({ linkage_seq: sql<number>`CASE id ${cases} END` })
      .where(
        'id',
        'in',
        part.map((r) => r.id),
      )
      .execute();
  }
};

export const countIndexed = async (db: Queryable, organisationId: string): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('persons')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('organisation_id', '=', organisationId)
        .where('linkage_seq', 'is not', null)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Whether the organisation has a record not scored yet (one index probe). */
export const anyPending = async (db: Queryable, organisationId: string): Promise<boolean> =>
  (await db
    .selectFrom('persons')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('linkage_seq', 'is', null)
    .limit(1)
    .executeTakeFirst()) !== undefined;

/** Which of these records exist and wait to be scored (a correction puts a record back there). */
export const pendingAmong = async (db: Queryable, organisationId: string, ids: string[]): Promise<Set<string>> => {
  const out = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('persons')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('linkage_seq', 'is', null)
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) out.add(r.id);
  }
  return out;
};

export const listPending = (db: Queryable, organisationId: string, limit: number) =>
  db
    .selectFrom('persons')
    .select(['id', 'origin', ...LINK_COLUMNS])
    .where('organisation_id', '=', organisationId)
    .where('linkage_seq', 'is', null)
    .limit(limit)
    .execute();

export const countPending = async (db: Queryable, organisationId: string, ids?: string[]): Promise<number> => {
  let q = db
    .selectFrom('persons')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('linkage_seq', 'is', null);
  if (ids) q = q.where('id', 'in', ids.length ? ids : ['']);
  return Number((await q.executeTakeFirstOrThrow()).n);
};

/** The records of a cluster (a record alone is its own cluster, named by its id). */
export const listClusterMembers = (db: Queryable, clusterId: string) =>
  db
    .selectFrom('persons')
    .select(RECORD_COLUMNS)
    .where((eb) =>
      eb.or([eb('cluster_id', '=', clusterId), eb.and([eb('id', '=', clusterId), eb('cluster_id', 'is', null)])]),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export const setCluster = async (db: Queryable, ids: string[], clusterId: string | null): Promise<void> => {
  for (let i = 0; i < ids.length; i += 500)
    await db
      .updateTable('persons')
      .set({ cluster_id: clusterId })
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
};

/** Sizes of the clusters of these records (1 for a record alone). */
export const clusterSizes = async (db: Queryable, clusterIds: string[]): Promise<Map<string, number>> => {
  if (clusterIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('persons')
    .select(['cluster_id', (eb) => eb.fn.countAll().as('n')])
    .where('cluster_id', 'in', clusterIds)
    .groupBy('cluster_id')
    .execute();
  return new Map(rows.map((r) => [r.cluster_id as string, Number(r.n)]));
};

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

/** Closer spellings first: the same gender form over the other one over a sound-alike; the
 * given name's first reading over a further one; a patronymic last. */
const scoreOf = (tokens: TokenKeys[]) =>
  sql<number>`(${sql.join(
    tokens.map(
      (t) => sql`(CASE WHEN surname_nk = ${t.nk} THEN 8 WHEN surname_gl = ${t.gl} THEN 6
        WHEN given_canon = ${t.given[0]} THEN 4 WHEN surname_phon = ${t.phon} THEN 3
        WHEN given_canon IN (${sql.join(t.given)}) THEN 3 WHEN patronymic_gl = ${t.patronymic} THEN 2 ELSE 0 END)`,
    ),
    sql` + `,
  )})`;

/**
 * Ranked person records of one organisation. Every word must be one of the record's names (the
 * surname in either gender form or by its sound, a reading of the given name, the patronymic),
 * and one of them the surname — or, for a single word, the given name. Each branch of the search
 * starts from one indexed key and is answered from that covering index alone (the keys, birth
 * year and region are in it), so thousands of namesakes are scored and ranked without reading the
 * table; only the page's rows are read.
 */
export const searchRecords = async (
  db: Queryable,
  organisationId: string,
  tokens: TokenKeys[],
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
  // The branches do not overlap (each leaves out what an earlier one found), so they are simply
  // appended: no branch is sorted to remove duplicates.
  const branch = (
    column: 'surname_gl' | 'surname_phon' | 'given_canon',
    keys: string[],
    not: Array<['surname_gl' | 'surname_phon', string[]]>,
  ) =>
    filtered(
      not
        .reduce(
          (q, [c, ks]) => q.where(c, 'not in', ks),
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
              ]),
            ),
          ),
        ),
    ).select(['id', 'surname_gl', 'given_canon', score.as('search_score')]);
  let hits = branch('surname_gl', gls, []).unionAll(branch('surname_phon', phons, [['surname_gl', gls]]));
  if (tokens.length === 1)
    hits = hits.unionAll(
      branch('given_canon', tokens[0].given, [
        ['surname_gl', gls],
        ['surname_phon', phons],
      ]),
    );
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

/** Cohort keys of these records (for counting opted-in families, src/cohorts/). */
export const listCohortFields = (db: Queryable, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('persons')
        .select([
          'id',
          'organisation_id',
          'service_category',
          'region_code',
          'unit_number_key',
          'unit_formation_key',
          'colony_key',
          'mobilisation_wave',
        ])
        .where('id', 'in', ids)
        .execute();
