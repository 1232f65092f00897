import { sql, type Insertable, type SelectQueryBuilder, type Updateable } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Queryable } from '../db/database.ts';
import { PERSON_FACT_COLUMNS, type PersonRevisionsTable, type PersonsTable } from './people.table.ts';

export const insertPerson = async (db: Queryable, row: Insertable<PersonsTable>): Promise<void> => {
  await db.insertInto('persons').values(row).execute();
};

/** What a page or a service reads of a person (the search keys stay in the database). */
const PERSON_COLUMNS = ['id', ...PERSON_FACT_COLUMNS] as const;

export const findPerson = (db: Queryable, id: string) =>
  db.selectFrom('persons').select(PERSON_COLUMNS).where('id', '=', id).executeTakeFirst();

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A one-column subquery yielding the person ids a search may return (one organisation's, say). */
export type PersonScope = SelectQueryBuilder<Database, keyof Database, Record<string, string>>;

/**
 * Ids of persons within `scope` matching every token of the (already normalised) query in
 * their name keys or unit. LIKE with an explicit escape so "%" or "_" typed by a user match
 * literally. The scope stays a subquery: no id list is pulled into memory.
 */
export const personIdsMatching = async (db: Queryable, scope: PersonScope, tokens: string[]): Promise<string[]> => {
  if (tokens.length === 0) return [];
  let q = db
    .selectFrom('persons')
    .select('id')
    .where('id', 'in', scope as unknown as SelectQueryBuilder<Database, 'persons', { id: string }>);
  for (const token of tokens) {
    const pattern = `%${escapeLike(token)}%`;
    q = q.where((eb) =>
      eb.or(
        (['surname_key', 'given_name_key', 'patronymic_key', 'unit_key'] as const).map(
          (col) => sql<boolean>`${eb.ref(col)} like ${pattern} escape '\\'`,
        ),
      ),
    );
  }
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
