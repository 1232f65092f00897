import type { Insertable, Updateable } from 'kysely';
import type { Queryable } from '../db/database.ts';
import type { ImportChunksTable, ImportRowsTable, PersonImportsTable } from './imports.table.ts';

// Queries of the imports domain (imports.service.ts holds the rules).

export const insertImport = async (db: Queryable, row: Insertable<PersonImportsTable>): Promise<void> => {
  await db.insertInto('person_imports').values(row).execute();
};

export const findImport = (db: Queryable, id: string) =>
  db.selectFrom('person_imports').selectAll().where('id', '=', id).executeTakeFirst();

export type ImportRow = NonNullable<Awaited<ReturnType<typeof findImport>>>;

export const updateImport = async (db: Queryable, id: string, patch: Updateable<PersonImportsTable>): Promise<void> => {
  await db.updateTable('person_imports').set(patch).where('id', '=', id).execute();
};

/** One state change, only from the states it may come from (two clicks start one run). */
export const stepImport = async (
  db: Queryable,
  id: string,
  from: PersonImportsTable['state'][],
  patch: Updateable<PersonImportsTable>,
): Promise<boolean> => {
  const r = await db
    .updateTable('person_imports')
    .set(patch)
    .where('id', '=', id)
    .where('state', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
};

/** What the list of imports shows of each: never the problem reports themselves, only their count. */
export const listImports = (db: Queryable, organisationId: string, limit: number) =>
  db
    .selectFrom('person_imports')
    .select([
      'id',
      'source_name',
      'source_date',
      'source_date_precision',
      'state',
      'created_at',
      'added_rows',
      'problem_lines',
    ])
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();

/**
 * A failed import replaced by its corrected file. It wrote nothing (a failed run's transaction is
 * rolled back; its upload is deleted when it fails), so nothing else refers to it.
 */
export const deleteFailedImport = async (db: Queryable, id: string, organisationId: string): Promise<void> => {
  await db
    .deleteFrom('person_imports')
    .where('id', '=', id)
    .where('organisation_id', '=', organisationId)
    .where('state', '=', 'failed')
    .execute();
};

/** A finished import of the same file by the same organisation. */
export const findDoneByHash = (db: Queryable, organisationId: string, fileHash: string) =>
  db
    .selectFrom('person_imports')
    .select(['id', 'created_at', 'source_name'])
    .where('organisation_id', '=', organisationId)
    .where('file_hash', '=', fileHash)
    .where('state', '=', 'done')
    .executeTakeFirst();

export const insertUploadParts = async (db: Queryable, importId: string, parts: string[]): Promise<void> => {
  for (let i = 0; i < parts.length; i++)
    await db.insertInto('import_uploads').values({ import_id: importId, part: i, data_sealed: parts[i] }).execute();
};

export const listUploadParts = async (db: Queryable, importId: string): Promise<string[]> =>
  (
    await db
      .selectFrom('import_uploads')
      .select('data_sealed')
      .where('import_id', '=', importId)
      .orderBy('part')
      .execute()
  ).map((r) => r.data_sealed);

export const deleteUpload = async (db: Queryable, importId: string): Promise<void> => {
  await db.deleteFrom('import_uploads').where('import_id', '=', importId).execute();
};

/** Uploads never imported (the form was left half-way): their sealed bytes go after a day. */
export const listAbandoned = (db: Queryable, before: string) =>
  db
    .selectFrom('person_imports')
    .select('id')
    .where('state', '=', 'uploaded')
    .where('created_at', '<', before)
    .execute();

/** Runs whose process stopped beating (a crash or a restart mid-import). */
export const listStalled = (db: Queryable, before: string) =>
  db
    .selectFrom('person_imports')
    .select('id')
    .where('state', '=', 'running')
    .where('heartbeat_at', '<', before)
    .execute();

export const existingRowHashes = async (db: Queryable, hashes: string[]): Promise<Set<string>> => {
  const out = new Set<string>();
  for (let i = 0; i < hashes.length; i += 1000) {
    const rows = await db
      .selectFrom('import_rows')
      .select('row_hash')
      .where('row_hash', 'in', hashes.slice(i, i + 1000))
      .execute();
    for (const r of rows) out.add(r.row_hash);
  }
  return out;
};

export const insertImportRows = async (db: Queryable, rows: Insertable<ImportRowsTable>[]): Promise<void> => {
  for (let i = 0; i < rows.length; i += 2000)
    await db
      .insertInto('import_rows')
      .values(rows.slice(i, i + 2000))
      .execute();
};

export const insertChunks = async (db: Queryable, rows: Insertable<ImportChunksTable>[]): Promise<void> => {
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('import_chunks')
      .values(rows.slice(i, i + 100))
      .execute();
};

export const findChunk = (db: Queryable, importId: string, chunk: number) =>
  db
    .selectFrom('import_chunks')
    .select('data_sealed')
    .where('import_id', '=', importId)
    .where('chunk', '=', chunk)
    .executeTakeFirst();

/** Where each of these records came from, for those that came from a list. */
export const listRowsOfPersons = (db: Queryable, personIds: string[]) =>
  personIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('import_rows')
        .innerJoin('person_imports', 'person_imports.id', 'import_rows.import_id')
        .select([
          'import_rows.person_id',
          'import_rows.import_id',
          'import_rows.line',
          'import_rows.record_id',
          'import_rows.chunk',
          'person_imports.organisation_id',
          'person_imports.source_name',
          'person_imports.source_date',
          'person_imports.source_date_precision',
          'person_imports.source_kind',
          'person_imports.key_sealed',
          'person_imports.header',
        ])
        .where('import_rows.person_id', 'in', personIds)
        .execute();

export const listKeysOfOrganisation = (db: Queryable, organisationId: string) =>
  db.selectFrom('person_imports').select(['id', 'key_sealed']).where('organisation_id', '=', organisationId).execute();

export const setKeySealed = async (db: Queryable, id: string, keySealed: string): Promise<void> => {
  await db.updateTable('person_imports').set({ key_sealed: keySealed }).where('id', '=', id).execute();
};
