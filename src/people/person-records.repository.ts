import { sql, type Insertable, type Updateable } from 'kysely';
import type { Queryable } from '../db/database.ts';
import { PERSON_FACT_COLUMNS, type PersonsTable } from './people.table.ts';
import type { PersonSearchKeys } from './search-keys.ts';
import type { EnteredKeys } from './names.ts';

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
      // the keys as stored, so a name that changed key can leave the one-edit dictionary
      'organisation_id',
      'surname_gl',
      'given_canon',
    ])
    .where('keys_version', '<', version)
    .limit(limit)
    .execute();

export const updateRecord = async (db: Queryable, id: string, patch: Updateable<PersonsTable>): Promise<void> => {
  await db.updateTable('persons').set(patch).where('id', '=', id).execute();
};

export const updateKeys = (db: Queryable, id: string, keys: PersonSearchKeys & EnteredKeys) =>
  updateRecord(db, id, keys);

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
