import type { Queryable } from '../db/database.ts';
import type { EvidenceFilesTable } from './evidence.table.ts';

// Queries for stored files. The rules (what is kept, with which key) are in evidence.service.ts.

export const insertFile = async (db: Queryable, row: EvidenceFilesTable): Promise<void> => {
  await db.insertInto('evidence_files').values(row).execute();
};

export const findFile = (db: Queryable, id: string, scope: string, withOriginal: boolean) =>
  db
    .selectFrom('evidence_files')
    .select(['id', 'scope', 'key_wrapped', 'meta_sealed', 'content', 'has_original', 'created_on'])
    .$if(withOriginal, (q) => q.select('original'))
    .where('id', '=', id)
    .where('scope', '=', scope)
    .executeTakeFirst() as Promise<
    | (Pick<
        EvidenceFilesTable,
        'id' | 'scope' | 'key_wrapped' | 'meta_sealed' | 'content' | 'has_original' | 'created_on'
      > & {
        original?: Buffer | null;
      })
    | undefined
  >;

/** The metadata of several files of one scope (no bytes): lists show names and sizes. */
export const listFileHeads = (db: Queryable, scope: string, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('evidence_files')
        .select(['id', 'key_wrapped', 'meta_sealed', 'has_original', 'created_on'])
        .where('scope', '=', scope)
        .where('id', 'in', ids)
        .execute();

/** One stored file of a scope; false when there is none (a file of another scope is not touched). */
export const deleteFileOfScope = async (db: Queryable, id: string, scope: string): Promise<boolean> =>
  Number(
    (await db.deleteFrom('evidence_files').where('id', '=', id).where('scope', '=', scope).executeTakeFirst())
      .numDeletedRows,
  ) === 1;

export const deleteFilesOfScope = async (db: Queryable, scope: string): Promise<number> =>
  Number((await db.deleteFrom('evidence_files').where('scope', '=', scope).executeTakeFirst()).numDeletedRows);

export const dropOriginal = async (db: Queryable, id: string, scope: string): Promise<boolean> =>
  Number(
    (
      await db
        .updateTable('evidence_files')
        .set({ original: null, has_original: 0 })
        .where('id', '=', id)
        .where('scope', '=', scope)
        .executeTakeFirst()
    ).numUpdatedRows,
  ) > 0;
