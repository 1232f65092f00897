import { sql, type Insertable, type SelectQueryBuilder, type Updateable } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Queryable } from '../db/database.ts';
import { PERSON_FACT_COLUMNS, type PersonRevisionsTable, type PersonsTable } from './people.table.ts';
import type { SearchToken } from './person-search.repository.ts';

export const insertPerson = async (db: Queryable, row: Insertable<PersonsTable>): Promise<void> => {
  await db.insertInto('persons').values(row).execute();
};

/** What a page or a service reads of a person (the search keys stay in the database). */
const PERSON_COLUMNS = ['id', ...PERSON_FACT_COLUMNS] as const;

export const findPerson = (db: Queryable, id: string) =>
  db.selectFrom('persons').select(PERSON_COLUMNS).where('id', '=', id).executeTakeFirst();

/** The keys of a person the one-edit name dictionary holds (name-neighbours.service.ts). */
export const findNameKeys = (db: Queryable, id: string) =>
  db
    .selectFrom('persons')
    .select(['organisation_id', 'surname_gl', 'given_canon'])
    .where('id', '=', id)
    .executeTakeFirst();

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A one-column subquery yielding the person ids a search may return (one organisation's, say). */
export type PersonScope = SelectQueryBuilder<Database, keyof Database, Record<string, string>>;

/** A word of a case search: as typed (searchKey), and its name keys when it reads as a name. */
export interface CaseSearchWord {
  text: string;
  token: SearchToken | null;
}

/**
 * Ids of persons within `scope` matching every word of the query: found anywhere in their names
 * or unit as written (a unit number, part of a name), or one of their names by its keys (any
 * script, the other gender form, a sound-alike, a diminutive's full name, one edit off). LIKE
 * with an explicit escape so "%" or "_" typed by a user match literally. Initials narrow by the
 * first letters of the given name and the patronymic. The scope stays a subquery: no id list is
 * pulled into memory.
 */
export const personIdsMatching = async (
  db: Queryable,
  scope: PersonScope,
  words: CaseSearchWord[],
  initials: { given?: string; patronymic?: string } = {},
): Promise<string[]> => {
  if (words.length === 0 && !initials.given) return [];
  let q = db
    .selectFrom('persons')
    .select('id')
    .where('id', 'in', scope as unknown as SelectQueryBuilder<Database, 'persons', { id: string }>);
  for (const { text, token: t } of words) {
    const pattern = `%${escapeLike(text)}%`;
    q = q.where((eb) =>
      eb.or([
        ...(['surname_key', 'given_name_key', 'patronymic_key', 'unit_key'] as const).map(
          (col) => sql<boolean>`${eb.ref(col)} like ${pattern} escape '\\'`,
        ),
        ...(t
          ? [
              eb('surname_gl', '=', t.gl),
              eb('surname_phon', '=', t.phon),
              eb('surname_head_gl', '=', t.gl),
              eb('surname_tail_gl', '=', t.gl),
              eb('given_canon', 'in', t.given),
              eb('patronymic_gl', '=', t.patronymic),
              ...(t.nearSurnames.length ? [eb('surname_gl', 'in', t.nearSurnames)] : []),
              ...(t.nearGivens.length ? [eb('given_canon', 'in', t.nearGivens)] : []),
            ]
          : []),
      ]),
    );
  }
  // One letter of the keys' alphabet: nothing in it for LIKE to read as a wildcard.
  if (initials.given) q = q.where('given_canon', 'like', `${initials.given}%`);
  if (initials.patronymic) q = q.where('patronymic_gl', 'like', `${initials.patronymic}%`);
  return (await q.execute()).map((r) => r.id);
};

export const findPersons = (db: Queryable, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('persons').select(PERSON_COLUMNS).where('id', 'in', ids).execute();

export const countPersons = async (db: Queryable): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('persons')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

export const deletePersonRow = async (db: Queryable, id: string): Promise<number> =>
  Number((await db.deleteFrom('persons').where('id', '=', id).executeTakeFirst()).numDeletedRows);

export const updatePersonRow = async (
  db: Queryable,
  id: string,
  patch: Omit<Updateable<PersonsTable>, 'id' | 'created_at'>,
): Promise<void> => {
  await db.updateTable('persons').set(patch).where('id', '=', id).execute();
};

export const insertRevision = async (db: Queryable, row: PersonRevisionsTable): Promise<void> => {
  await db.insertInto('person_revisions').values(row).execute();
};

export const listRevisions = (db: Queryable, personId: string) =>
  db
    .selectFrom('person_revisions')
    .select(['id', ...PERSON_FACT_COLUMNS, 'replaced_by', 'replaced_at'])
    .where('person_id', '=', personId)
    .orderBy('replaced_at', 'desc')
    .execute();

export const deleteRevisions = async (db: Queryable, personId: string): Promise<void> => {
  await db.deleteFrom('person_revisions').where('person_id', '=', personId).execute();
};

/** How many persons within `scope` (a subquery of ids) have each home region (null: not given). */
export const countPersonsByRegion = (db: Queryable, scope: PersonScope) =>
  db
    .selectFrom('persons')
    .select(['region_code', (eb) => eb.fn.countAll().as('n')])
    .where('id', 'in', scope as unknown as SelectQueryBuilder<Database, 'persons', { id: string }>)
    .groupBy('region_code')
    .execute();
