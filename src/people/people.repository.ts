import { sql } from 'kysely';
import type { Queryable } from '../db/database.ts';
import type { PersonsTable } from './people.table.ts';

export const insertPerson = async (db: Queryable, row: PersonsTable): Promise<void> => {
  await db.insertInto('persons').values(row).execute();
};

export const findPerson = (db: Queryable, id: string) =>
  db
    .selectFrom('persons')
    .select(['id', 'surname', 'given_name', 'patronymic', 'birth_date', 'birth_precision', 'region_code', 'unit_number', 'unit_name', 'rank', 'service_category'])
    .where('id', '=', id)
    .executeTakeFirst();

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Ids of persons among `ids` matching every token of the (already normalised) query in their
 * name keys or unit. LIKE with an explicit escape so "%" or "_" typed by a user match literally.
 */
export const personIdsMatching = async (db: Queryable, ids: string[], tokens: string[]): Promise<string[]> => {
  if (ids.length === 0 || tokens.length === 0) return [];
  let q = db.selectFrom('persons').select('id').where('id', 'in', ids);
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

export const countPersons = async (db: Queryable): Promise<number> =>
  Number((await db.selectFrom('persons').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
