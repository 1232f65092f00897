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

/**
 * The names of the organisation that have one of these forms, per kind, in one query (one index
 * range per form; the IN lists go in slices under the engines' limits on bound parameters).
 */
export const namesWithVariants = async (
  db: Queryable,
  organisationId: string,
  lookups: Array<{ kind: NameKind; variants: string[] }>,
): Promise<Array<{ kind: NameKind; name: string }>> => {
  const wanted = lookups.filter((l) => l.variants.length > 0);
  if (wanted.length === 0) return [];
  const out: Array<{ kind: NameKind; name: string }> = [];
  // A word gives a few dozen forms: one slice but for a pasted paragraph.
  for (let i = 0; ; i += 1) {
    const slices = wanted
      .map((l) => ({ kind: l.kind, variants: l.variants.slice(i * 2000, (i + 1) * 2000) }))
      .filter((l) => l.variants.length > 0);
    if (slices.length === 0) break;
    // One SELECT a kind, joined by UNION ALL: an OR of the two would make SQLite read the
    // organisation's whole dictionary instead of one index range a form.
    const [first, ...rest] = slices.map((l) =>
      db
        .selectFrom('person_name_variants')
        .select(['kind', 'name'])
        .distinct()
        .where('organisation_id', '=', organisationId)
        .where('kind', '=', l.kind)
        .where('variant', 'in', l.variants),
    );
    out.push(...(await rest.reduce((q, r) => q.unionAll(r), first).execute()));
  }
  return out;
};

/** Which of these names some record of the organisation still bears (covering index probes). */
export const namesInUse = async (
  db: Queryable,
  organisationId: string,
  kind: NameKind,
  names: string[],
): Promise<Set<string>> => {
  const column = kind === 'surname' ? 'surname_gl' : 'given_canon';
  const used = new Set<string>();
  for (let i = 0; i < names.length; i += 2000)
    for (const r of await db
      .selectFrom('persons')
      .select(column)
      .distinct()
      .where('organisation_id', '=', organisationId)
      .where(column, 'in', names.slice(i, i + 2000))
      .execute())
      if (r[column]) used.add(r[column]);
  return used;
};

/** Drops every row of these names (the variants are each name's forms: the key's own range). */
export const deleteNames = async (
  db: Queryable,
  organisationId: string,
  kind: NameKind,
  names: Array<{ name: string; variants: string[] }>,
): Promise<void> => {
  for (let i = 0; i < names.length; i += 100) {
    const slice = names.slice(i, i + 100);
    const variants = [...new Set(slice.flatMap((n) => n.variants))];
    if (variants.length === 0) continue;
    await db
      .deleteFrom('person_name_variants')
      .where('organisation_id', '=', organisationId)
      .where('kind', '=', kind)
      .where('variant', 'in', variants)
      .where(
        'name',
        'in',
        slice.map((n) => n.name),
      )
      .execute();
  }
};
