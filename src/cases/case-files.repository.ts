import type { Queryable } from '../db/database.ts';
import type { CaseFilesTable } from './cases.table.ts';

// Queries for the files attached to a case on its own (case-files.service.ts has the rules).

export const insertCaseFile = async (db: Queryable, row: CaseFilesTable): Promise<void> => {
  await db.insertInto('case_files').values(row).execute();
};

export const nextCaseFileSeq = async (db: Queryable, caseId: string): Promise<number> => {
  const row = await db
    .selectFrom('case_files')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return Number(row?.m ?? 0) + 1;
};

const COLUMNS = [
  'id',
  'file_id',
  'description_sealed',
  'from_family',
  'author_user_id',
  'event_id',
  'created_on',
] as const;

export const listCaseFiles = (db: Queryable, caseId: string) =>
  db.selectFrom('case_files').select(COLUMNS).where('case_id', '=', caseId).orderBy('seq').execute();

/** The row of one file of one case: a file id of another case is not found. */
export const findCaseFile = (db: Queryable, caseId: string, fileId: string) =>
  db
    .selectFrom('case_files')
    .select(COLUMNS)
    .where('case_id', '=', caseId)
    .where('file_id', '=', fileId)
    .executeTakeFirst();

export const deleteCaseFile = async (db: Queryable, id: string): Promise<void> => {
  await db.deleteFrom('case_files').where('id', '=', id).execute();
};
