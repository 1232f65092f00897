import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Queryable } from '../db/database.ts';
import { matchScore, wordMatches, type SearchToken } from '../people/name-match-sql.ts';
import type {
  RecordState,
  RegistryCorrectionsTable,
  RegistryCountsTable,
  RegistryRecordsTable,
  RegistrySourcesTable,
} from './registry.table.ts';

// Queries only; the rules live in the services. Every list selects named columns.

/** The columns a record is shown with (public page, API, downloads, staff pages). */
const RECORD_COLUMNS = [
  'id',
  'seq',
  'origin',
  'person_id',
  'organisation_id',
  'state',
  'version',
  'surname',
  'given_name',
  'patronymic',
  'name_latin',
  'birth_year',
  'region_code',
  'unit_number',
  'unit_name',
  'rank',
  'category',
  'status',
  'event_date',
  'event_precision',
  'event_place',
  'basis',
  'announced_on',
  'notice_waiver',
  'notice_waiver_case',
  'published_at',
  'updated_at',
  'withdrawn_at',
  'withdraw_reason',
] as const;

export type RecordRow = Pick<RegistryRecordsTable, (typeof RECORD_COLUMNS)[number]>;

// --- the registry's version: bumped by every change, read by every cached view -------------------

/** Moves the version on inside the change's transaction (on PostgreSQL this locks the row, so
 * publishers take turns and `nextSeq` below cannot hand out one number twice). */
export const bumpVersion = async (db: Queryable, at: string): Promise<void> => {
  await db
    .updateTable('registry_state')
    .set((eb) => ({ version: eb('version', '+', 1), changed_at: at }))
    .where('id', '=', 1)
    .execute();
};

export const readState = (db: Queryable) =>
  db
    .selectFrom('registry_state')
    .select(['version', 'changed_at', 'requests_as_of', 'requests_total', 'requests_threshold'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();

export const nextSeq = async (db: Queryable): Promise<number> => {
  const row = await db
    .selectFrom('registry_records')
    .select((eb) => eb.fn.max('seq').as('m'))
    .executeTakeFirst();
  return Number(row?.m ?? 0) + 1;
};

// --- records -------------------------------------------------------------------------------------

export const insertRecords = async (db: Queryable, rows: RegistryRecordsTable[]): Promise<void> => {
  if (rows.length > 0) await db.insertInto('registry_records').values(rows).execute();
};

export const findRecord = (db: Queryable, id: string) =>
  db.selectFrom('registry_records').select(RECORD_COLUMNS).where('id', '=', id).executeTakeFirst();

export const findRecordOfPerson = (db: Queryable, personId: string) =>
  db.selectFrom('registry_records').select(RECORD_COLUMNS).where('person_id', '=', personId).executeTakeFirst();

type RecordPatch = Partial<Omit<RegistryRecordsTable, 'id' | 'seq' | 'origin' | 'person_id' | 'organisation_id'>>;

/** Changes the record only if it is in one of `from` (one statement: two verifiers cannot both win). */
export const updateRecordIf = async (
  db: Queryable,
  id: string,
  from: readonly RecordState[],
  patch: RecordPatch,
): Promise<boolean> => {
  const r = await db
    .updateTable('registry_records')
    .set(patch)
    .where('id', '=', id)
    .where('state', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
};

export interface PublicFilter {
  states: readonly RecordState[];
  region?: string;
  category?: string;
  status?: string;
  from?: string;
  to?: string;
  /** normalised name words, each must appear */
  words?: string[];
}

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The name holds the word (a whole word or a part of one), in any of its spellings. */
const nameHas = (w: string) => sql<boolean>`name_key like ${`%${escapeLike(w)}%`} escape '\\'`;

type Records = SelectQueryBuilder<Database, 'registry_records', object>;

/** The filter but for the states (which `filtered` adds, or a subquery that found the rows). */
const narrowed = <Q extends Records>(query: Q, f: Omit<PublicFilter, 'states'>): Q => {
  let q = query as Records;
  if (f.region) q = q.where('region_code', '=', f.region);
  if (f.category) q = q.where('category', '=', f.category);
  if (f.status) q = q.where('status', '=', f.status);
  // A record belongs to a period when every month its date may stand for lies within it.
  if (f.from) q = q.where('period_start', '>=', f.from);
  if (f.to) q = q.where('period_end', '<=', f.to);
  for (const w of f.words ?? []) q = q.where(nameHas(w));
  return q as Q;
};

const filtered = (db: Queryable, f: PublicFilter) =>
  narrowed(db.selectFrom('registry_records').where('state', 'in', f.states), f);

/**
 * How well a search's words match a record's surname: 0 one word is a whole surname word, 1 one
 * begins a surname word, 2 the words were found only in the given name or patronymic («Тарасов»
 * in «Тарасович»). Plain LIKE and ||, the same on SQLite and PostgreSQL.
 */
const surnameRank = (words: string[]) => {
  const padded = sql`(' ' || surname_key || ' ')`;
  const any = (pattern: (w: string) => string) =>
    sql.join(
      words.map((w) => sql`${padded} like ${pattern(escapeLike(w))} escape '\\'`),
      sql` or `,
    );
  return sql<number>`case when ${any((w) => `% ${w} %`)} then 0 when ${any((w) => `% ${w}%`)} then 1 else 2 end`;
};

/**
 * One page of published records in the registry's stable order (first published first); a search
 * by name lists surname matches first (exact, then beginning), each group in that same order.
 */
export const listRecords = (db: Queryable, f: PublicFilter, limit: number, offset: number) => {
  let q = filtered(db, f).select(RECORD_COLUMNS);
  if (f.words?.length) q = q.orderBy(surnameRank(f.words));
  return q.orderBy('seq').limit(limit).offset(offset).execute();
};

export const countRecords = async (db: Queryable, f: PublicFilter): Promise<number> =>
  Number(
    (
      await filtered(db, f)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** The distinct matching keys of the records in these states: surnames and given names. */
export const distinctNameKeys = async (
  db: Queryable,
  states: readonly RecordState[],
): Promise<{ surnames: string[]; givens: string[] }> => {
  // Each from its own (state, key) index alone, in key order.
  const of = async (column: 'surname_gl' | 'given_canon') =>
    (
      await db
        .selectFrom('registry_records')
        .select(column)
        .distinct()
        .where('state', 'in', states)
        .where(column, '!=', '')
        .orderBy(column)
        .execute()
    ).map((r) => (r as Record<typeof column, string>)[column]);
  return { surnames: await of('surname_gl'), givens: await of('given_canon') };
};

/**
 * Records the filter admits that the words meet by their matching keys (name-match-sql.ts) but the
 * exact search does not (not every one of `f.words` in the name), closest first, then in the
 * registry's order. Every word must be one of the names and one of them the surname (or, for a
 * single word, the given name). Each branch starts from one (state, key) index.
 */
const similarQuery = (db: Queryable, f: PublicFilter, tokens: SearchToken[], limit: number) => {
  const { words, states: _, ...rest } = f;
  const single = tokens.length === 1 ? tokens[0] : null;
  const surnames = [...new Set(tokens.flatMap((t) => [t.gl, ...t.nearSurnames]))];
  const phons = [...new Set(tokens.map((t) => t.phon))];
  const givens = single ? [...new Set([...single.given, ...single.nearGivens])] : [];
  // One branch an index, joined by UNION: an OR of them made SQLite read every published record
  // in the registry's order instead.
  const branch = (column: 'surname_gl' | 'surname_phon' | 'given_canon', keys: string[]) =>
    db.selectFrom('registry_records').select('id').where('state', 'in', f.states).where(column, 'in', keys);
  const candidates = [
    branch('surname_gl', surnames),
    branch('surname_phon', phons),
    ...(givens.length ? [branch('given_canon', givens)] : []),
  ].reduce((a, b) => a.union(b));
  // The states are the candidates' (each branch reads published records only): said again out
  // here, SQLite read every published record in order and checked each against the candidates.
  let q = narrowed(db.selectFrom('registry_records'), rest)
    .where('id', 'in', candidates)
    .where((eb) => eb.and(tokens.map((t) => wordMatches(t))));
  // What the exact search lists is not offered again as a similar spelling.
  if (words?.length) q = q.where(sql<boolean>`NOT (${sql.join(words.map(nameHas), sql` AND `)})`);
  return q.select(RECORD_COLUMNS).orderBy(matchScore(tokens), 'desc').orderBy('seq').limit(limit);
};

export const listSimilar = (db: Queryable, f: PublicFilter, tokens: SearchToken[], limit: number) =>
  similarQuery(db, f, tokens, limit).execute();

/** The plan of the similar spellings' query (bench/registry/search.ts prints it). */
export const similarQueryCompiled = (db: Queryable, f: PublicFilter, tokens: SearchToken[], limit: number) =>
  similarQuery(db, f, tokens, limit).compile();

/** Every record in the registry's order, a batch at a time (exports of 100,000 rows). */
export async function* streamRecords(db: Queryable, states: readonly RecordState[], batch = 2000) {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('registry_records')
      .select(RECORD_COLUMNS)
      .where('state', 'in', states)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(batch)
      .execute();
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1].seq;
  }
}

/** The records one organisation published or prepares (its registry desk). */
export const listRecordsOfOrganisation = (db: Queryable, organisationId: string) =>
  db
    .selectFrom('registry_records')
    .select(RECORD_COLUMNS)
    .where('organisation_id', '=', organisationId)
    .where('origin', '=', 'case')
    .orderBy('seq', 'desc')
    .execute();

// --- sources and corrections ----------------------------------------------------------------------

export const replaceSources = async (db: Queryable, recordId: string, rows: RegistrySourcesTable[]): Promise<void> => {
  await db.deleteFrom('registry_sources').where('record_id', '=', recordId).execute();
  await insertSources(db, rows);
};

export const insertSources = async (db: Queryable, rows: RegistrySourcesTable[]): Promise<void> => {
  if (rows.length > 0) await db.insertInto('registry_sources').values(rows).execute();
};

export const listSources = (db: Queryable, recordIds: string[]) =>
  recordIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('registry_sources')
        .select(['record_id', 'position', 'title', 'source_date', 'source_precision', 'url'])
        .where('record_id', 'in', recordIds)
        .orderBy('record_id')
        .orderBy('position')
        .execute();

export const insertCorrection = async (db: Queryable, row: RegistryCorrectionsTable): Promise<void> => {
  await db.insertInto('registry_corrections').values(row).execute();
};

export const listCorrections = (db: Queryable, recordId: string) =>
  db
    .selectFrom('registry_corrections')
    .select(['version', 'corrected_on', 'note'])
    .where('record_id', '=', recordId)
    .orderBy('version')
    .execute();

// --- tallies --------------------------------------------------------------------------------------

export type CountCell = Omit<RegistryCountsTable, 'n'>;

/** Adds `delta` to each cell (an upsert on both engines), inside the change's transaction. */
export const addToCounts = async (db: Queryable, cells: Array<CountCell & { delta: number }>): Promise<void> => {
  for (const c of cells) {
    await db
      .insertInto('registry_counts')
      .values({ region_code: c.region_code, category: c.category, period: c.period, status: c.status, n: c.delta })
      .onConflict((oc) =>
        oc
          .columns(['region_code', 'category', 'period', 'status'])
          .doUpdateSet((eb) => ({ n: eb('registry_counts.n', '+', c.delta) })),
      )
      .execute();
  }
};

export const listCounts = (db: Queryable) =>
  db
    .selectFrom('registry_counts')
    .select(['region_code', 'category', 'period', 'status', 'n'])
    .where('n', '>', 0)
    .execute();

// --- the suppressed table of open tracing requests ------------------------------------------------

export const replaceRequestStats = async (
  db: Queryable,
  rows: Array<{ region_code: string; open_cases: number | null }>,
  meta: { at: string; total: number | null; threshold: number },
): Promise<void> => {
  await db.deleteFrom('registry_request_stats').execute();
  if (rows.length > 0) await db.insertInto('registry_request_stats').values(rows).execute();
  await db
    .updateTable('registry_state')
    // a new version, so cached pages show the new table; the registry's own "as of" stays
    .set((eb) => ({
      version: eb('version', '+', 1),
      requests_as_of: meta.at,
      requests_total: meta.total,
      requests_threshold: meta.threshold,
    }))
    .where('id', '=', 1)
    .execute();
};

export const listRequestStats = (db: Queryable) =>
  db.selectFrom('registry_request_stats').select(['region_code', 'open_cases']).orderBy('region_code').execute();

/** The records about some persons, whoever published them (the desk marks each candidate). */
export const listRecordsOfPersons = (db: Queryable, personIds: string[]) =>
  personIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('registry_records')
        .select(['id', 'person_id', 'organisation_id', 'state', 'announced_on', 'published_at'])
        .where('person_id', 'in', personIds)
        .execute();
