import { PostgresAdapter, sql, type Insertable } from 'kysely';
import type { Queryable, Tx } from '../db/database.ts';
import type { CandidateState, MatchCandidatesTable, PersonMergesTable, TipMatchesTable } from './matching.table.ts';

// Queries of the matching domain: candidates, merges, saved models, the index counter.

export const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

const CANDIDATE_COLUMNS = [
  'id',
  'organisation_id',
  'left_person_id',
  'right_person_id',
  'probability',
  'weight',
  'explain',
  'state',
  'origin',
  'created_at',
  'decided_by',
  'decided_at',
  'unsure_by',
  'merge_id',
  'learned',
] as const;

export const findCandidatesByPair = (db: Queryable, keys: string[]) =>
  keys.length === 0
    ? Promise.resolve([])
    : db.selectFrom('match_candidates').select(['id', 'pair_key', 'state']).where('pair_key', 'in', keys).execute();

export const insertCandidate = async (db: Queryable, row: Insertable<MatchCandidatesTable>): Promise<void> => {
  await db.insertInto('match_candidates').values(row).execute();
};

/**
 * New candidates in one statement per few hundred; `rescore` rows update a pending (or withdrawn)
 * pair's score, and its state: withdrawn below the review threshold, pending again at or above it.
 */
export const insertCandidates = async (
  db: Queryable,
  rows: Array<
    | Omit<Insertable<MatchCandidatesTable>, 'decided_by' | 'decided_at' | 'unsure_by' | 'merge_id' | 'learned'>
    | { rescore: string; probability: number; weight: number; explain: string; state: 'pending' | 'withdrawn' }
  >,
): Promise<void> => {
  const fresh = rows.filter((r): r is Insertable<MatchCandidatesTable> => !('rescore' in r));
  for (let i = 0; i < fresh.length; i += 500)
    await db
      .insertInto('match_candidates')
      .values(fresh.slice(i, i + 500))
      .execute();
  for (const r of rows)
    if ('rescore' in r)
      await rescoreCandidate(db, r.rescore, {
        probability: r.probability,
        weight: r.weight,
        explain: r.explain,
        state: r.state,
      });
};

export const rescoreCandidate = async (
  db: Queryable,
  id: string,
  patch: { probability: number; weight: number; explain: string; state: 'pending' | 'withdrawn' },
): Promise<void> => {
  await db
    .updateTable('match_candidates')
    .set(patch)
    .where('id', '=', id)
    .where('state', 'in', ['pending', 'withdrawn'])
    .execute();
};

export const findCandidate = (db: Queryable, id: string) =>
  db.selectFrom('match_candidates').select(CANDIDATE_COLUMNS).where('id', '=', id).executeTakeFirst();

export type CandidateRow = NonNullable<Awaited<ReturnType<typeof findCandidate>>>;

export interface CandidateCursor {
  probability: number;
  id: string;
}

/** One organisation's candidates in some states, most probable first, after a cursor. */
export const listCandidates = (
  db: Queryable,
  organisationId: string,
  states: readonly CandidateState[],
  limit: number,
  after?: CandidateCursor,
) => {
  let q = db
    .selectFrom('match_candidates')
    .select(CANDIDATE_COLUMNS)
    .where('organisation_id', '=', organisationId)
    .where('state', 'in', states);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('probability', '<', after.probability),
        eb.and([eb('probability', '=', after.probability), eb('id', '>', after.id)]),
      ]),
    );
  return q.orderBy('probability', 'desc').orderBy('id').limit(limit).execute();
};

export const countCandidates = async (db: Queryable, organisationId: string, state: CandidateState) =>
  Number(
    (
      await db
        .selectFrom('match_candidates')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('organisation_id', '=', organisationId)
        .where('state', '=', state)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Candidates that involve any of these records (a person page). */
export const listCandidatesOf = (db: Queryable, personIds: string[]) =>
  personIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('match_candidates')
        .select(CANDIDATE_COLUMNS)
        .where((eb) => eb.or([eb('left_person_id', 'in', personIds), eb('right_person_id', 'in', personIds)]))
        .orderBy('created_at', 'desc')
        .execute();

/** One decision, only from the states it may be taken from (two people deciding at once: one wins). */
export const decideCandidate = async (
  db: Queryable,
  id: string,
  from: readonly CandidateState[],
  patch: { state: CandidateState; decided_by?: string | null; decided_at?: string | null; unsure_by?: string | null },
): Promise<boolean> => {
  const r = await db
    .updateTable('match_candidates')
    .set({ ...patch, learned: 0 })
    .where('id', '=', id)
    .where('state', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
};

/** Holds a pair's row to the end of the transaction (PostgreSQL; SQLite has one writer at a time). */
export const lockCandidateRow = async (tx: Tx, id: string): Promise<void> => {
  if (tx.getExecutor().adapter instanceof PostgresAdapter)
    await tx.selectFrom('match_candidates').select('id').where('id', '=', id).forUpdate().execute();
};

export const setCandidateMerge = async (db: Queryable, id: string, mergeId: string | null): Promise<void> => {
  await db.updateTable('match_candidates').set({ merge_id: mergeId }).where('id', '=', id).execute();
};

/** "different" pairs among these records: a merge may not join two records people kept apart. */
export const listDifferentAmong = (db: Queryable, a: string[], b: string[]) =>
  a.length === 0 || b.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('match_candidates')
        .select(['id', 'left_person_id', 'right_person_id'])
        .where('state', '=', 'different')
        .where((eb) =>
          eb.or([
            eb.and([eb('left_person_id', 'in', a), eb('right_person_id', 'in', b)]),
            eb.and([eb('left_person_id', 'in', b), eb('right_person_id', 'in', a)]),
          ]),
        )
        .execute();

export const listUnlearned = (db: Queryable, organisationId: string, limit: number) =>
  db
    .selectFrom('match_candidates')
    .select(['id', 'left_person_id', 'right_person_id', 'state'])
    .where('learned', '=', 0)
    .where('organisation_id', '=', organisationId)
    .where('state', 'in', ['same', 'different'])
    .limit(limit)
    .execute();

export const organisationsWithLabels = async (db: Queryable): Promise<string[]> =>
  (
    await db
      .selectFrom('match_candidates')
      .select('organisation_id')
      .distinct()
      .where('learned', '=', 0)
      .where('state', 'in', ['same', 'different'])
      .execute()
  ).map((r) => r.organisation_id);

/**
 * One label fewer in the organisation's model's count: a "different" decision that was learned
 * and is now undone. "Different" never moved m (linkage/engine/labels.ts), so the model is as if
 * it had never been given, and its count says so.
 */
export const uncountLabel = async (db: Queryable, organisationId: string): Promise<void> => {
  await db
    .updateTable('linkage_models')
    .set({ labels: sql`labels - 1` })
    .where('organisation_id', '=', organisationId)
    .where('labels', '>', 0)
    .execute();
};

/**
 * Marks the pairs learned that are still decided; returns those it marked. A decision undone
 * while the learning run worked is back in the queue and stays unlearned. On PostgreSQL the
 * update waits for an undo holding the row and reads its state again after it.
 */
export const markLearned = async (db: Queryable, ids: string[]): Promise<Set<string>> => {
  if (!ids.length) return new Set();
  const rows = await db
    .updateTable('match_candidates')
    .set({ learned: 1 })
    .where('id', 'in', ids)
    .where('state', 'in', ['same', 'different'])
    .returning('id')
    .execute();
  return new Set(rows.map((r) => r.id));
};

export const insertMerge = async (db: Queryable, row: Insertable<PersonMergesTable>): Promise<void> => {
  await db.insertInto('person_merges').values(row).execute();
};

export const findMerge = (db: Queryable, id: string) =>
  db.selectFrom('person_merges').selectAll().where('id', '=', id).executeTakeFirst();

export const markMergeUndone = async (db: Queryable, id: string, by: string, at: string): Promise<boolean> => {
  const r = await db
    .updateTable('person_merges')
    .set({ undone_by: by, undone_at: at })
    .where('id', '=', id)
    .where('undone_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
};

/** Merges that brought records into or out of these clusters, newest first. */
export const listMergesOf = (db: Queryable, clusterIds: string[]) =>
  clusterIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('person_merges')
        .selectAll()
        .where((eb) => eb.or([eb('into_cluster', 'in', clusterIds), eb('from_cluster', 'in', clusterIds)]))
        .orderBy('merged_at', 'desc')
        .execute();

export const findModel = (db: Queryable, organisationId: string) =>
  db.selectFrom('linkage_models').selectAll().where('organisation_id', '=', organisationId).executeTakeFirst();

/**
 * Saves an organisation's model as its next version, in one statement: two processes saving at
 * once (the job's learned model, a web process's retrained one) each get their own version and
 * both label counts are kept, where a read and then a write gave both the same version, and the
 * first save of two failed on the duplicate key. Returns the version written.
 */
export const saveModel = async (
  db: Queryable,
  row: { organisation_id: string; params: string; records: number; labels: number; updated_at: string },
): Promise<number> => {
  const saved = await db
    .insertInto('linkage_models')
    .values({ ...row, version: 1 })
    .onConflict((oc) =>
      oc.column('organisation_id').doUpdateSet({
        params: (eb) => eb.ref('excluded.params'),
        records: (eb) => eb.ref('excluded.records'),
        updated_at: (eb) => eb.ref('excluded.updated_at'),
        version: sql`linkage_models.version + 1`,
        labels: sql`linkage_models.labels + excluded.labels`,
      }),
    )
    .returning('version')
    .executeTakeFirstOrThrow();
  return Number(saved.version);
};

/**
 * Reserves the next `n` positions in the index order; returns the last. The counter row is locked until the transaction ends,
 * so positions become visible in the order they were taken: a process refreshing its index
 * "after the last position I know" never skips one committed later.
 */
export const reserveLinkageSeqs = async (db: Queryable, n: number): Promise<number> => {
  const r = await sql<{
    value: number;
  }>`UPDATE linkage_counter SET value = value + ${n} WHERE name = 'seq' RETURNING value`.execute(db);
  return Number(r.rows[0].value);
};

/** A named mark kept beside the index counter (the time the last news sweep started, in ms). */
export const readMark = async (db: Queryable, name: string): Promise<number | null> => {
  const row = await db.selectFrom('linkage_counter').select('value').where('name', '=', name).executeTakeFirst();
  return row ? Number(row.value) : null;
};

export const writeMark = async (db: Queryable, name: string, value: number): Promise<void> => {
  const r = await db.updateTable('linkage_counter').set({ value }).where('name', '=', name).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) await db.insertInto('linkage_counter').values({ name, value }).execute();
};

// Tips scored against known records (tip-matches.service.ts): sealed rows.

export const insertTipMatch = async (db: Queryable, row: Insertable<TipMatchesTable>): Promise<void> => {
  await db.insertInto('tip_matches').values(row).execute();
};

export const findTipMatch = (db: Queryable, id: string) =>
  db.selectFrom('tip_matches').selectAll().where('id', '=', id).executeTakeFirst();

export const findTipMatchByTip = (db: Queryable, tipId: string) =>
  db.selectFrom('tip_matches').select('id').where('tip_id', '=', tipId).executeTakeFirst();

export const listTipMatches = (db: Queryable, organisationId: string, state: TipMatchesTable['state'], limit: number) =>
  db
    .selectFrom('tip_matches')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('state', '=', state)
    .orderBy('scored_on', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();

/** Replaces the sealed content if it is still what was read (a concurrent decision wins). */
export const setTipMatchContent = async (
  db: Queryable,
  id: string,
  was: string,
  sealed: string,
  state: TipMatchesTable['state'],
): Promise<boolean> => {
  const r = await db
    .updateTable('tip_matches')
    .set({ content_sealed: sealed, state })
    .where('id', '=', id)
    .where('content_sealed', '=', was)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
};

export const deleteTipMatchRows = async (db: Queryable, tipId: string): Promise<number> => {
  const r = await db.deleteFrom('tip_matches').where('tip_id', '=', tipId).executeTakeFirst();
  return Number(r.numDeletedRows);
};

export const listTipMatchKeys = (db: Queryable, organisationId: string) =>
  db.selectFrom('tip_matches').select(['id', 'key_sealed']).where('organisation_id', '=', organisationId).execute();

export const setTipMatchKey = async (db: Queryable, id: string, keySealed: string): Promise<void> => {
  await db.updateTable('tip_matches').set({ key_sealed: keySealed }).where('id', '=', id).execute();
};

export const countOpenTipMatches = async (db: Queryable, organisationId: string): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('tip_matches')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('organisation_id', '=', organisationId)
        .where('state', '=', 'open')
        .executeTakeFirstOrThrow()
    ).n,
  );
