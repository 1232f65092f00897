import type { Queryable } from '../db/database.ts';
import type { PersonNameVariantsTable } from './people.table.ts';

// The one-edit dictionary of the organisation's name keys (migration 0013, name-neighbours.ts).

export type NameKind = PersonNameVariantsTable['kind'];

/** Adds rows, leaving those already there (both engines: ON CONFLICT DO NOTHING). */
export const insertVariants = async (db: Queryable, rows: PersonNameVariantsTable[]): Promise<void> => {
  // Four parameters a row; under SQLite's and PostgreSQL's limits on bound parameters.
  for (let i = 0; i < rows.length; i += 5000)
    await db
      .insertInto('person_name_variants')
      .values(rows.slice(i, i + 5000))
      .onConflict((oc) => oc.doNothing())
      .execute();
};

/** The names of the organisation that have one of these forms (one index range per form). */
export const namesWithVariants = async (
  db: Queryable,
  organisationId: string,
  kind: NameKind,
  variants: string[],
): Promise<string[]> =>
  variants.length === 0
    ? []
    : (
        await db
          .selectFrom('person_name_variants')
          .select('name')
          .distinct()
          .where('organisation_id', '=', organisationId)
          .where('kind', '=', kind)
          .where('variant', 'in', variants)
          .execute()
      ).map((r) => r.name);

/** Whether any record of the organisation still bears the name (one probe of a covering index). */
export const nameInUse = async (db: Queryable, organisationId: string, kind: NameKind, name: string) =>
  (await db
    .selectFrom('persons')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where(kind === 'surname' ? 'surname_gl' : 'given_canon', '=', name)
    .limit(1)
    .executeTakeFirst()) !== undefined;

export const deleteVariants = async (
  db: Queryable,
  organisationId: string,
  kind: NameKind,
  name: string,
  variants: string[],
): Promise<void> => {
  if (variants.length === 0) return;
  await db
    .deleteFrom('person_name_variants')
    .where('organisation_id', '=', organisationId)
    .where('kind', '=', kind)
    .where('variant', 'in', variants)
    .where('name', '=', name)
    .execute();
};
