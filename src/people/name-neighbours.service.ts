import type { Queryable } from '../db/database.ts';
import { deletionForms, nearNames } from './name-neighbours.ts';
import {
  deleteNames,
  insertVariants,
  namesInUse,
  namesWithVariants,
  type NameKind,
} from './name-neighbours.repository.ts';
import type { PersonNameVariantsTable } from './people.table.ts';

// Keeps the organisation's one-edit name dictionary in step with its records, and answers which
// names of the organisation lie one edit from a typed word (name-neighbours.ts says why so).

/** The keys of a record the dictionary holds. */
export interface NamedRecord {
  organisation_id?: string | null;
  surname_gl?: string | null;
  given_canon?: string | null;
}

const namesOf = (records: NamedRecord[]): Array<[string, NameKind, string]> => {
  const seen = new Map<string, [string, NameKind, string]>();
  for (const r of records) {
    if (!r.organisation_id) continue;
    for (const [kind, name] of [
      ['surname', r.surname_gl],
      ['given', r.given_canon],
    ] as const)
      if (name) seen.set(`${r.organisation_id}\u0000${kind}\u0000${name}`, [r.organisation_id, kind, name]);
  }
  return [...seen.values()];
};

/** Adds the records' names to their organisations' dictionaries (in the writer's transaction). */
export const keepNames = async (db: Queryable, records: NamedRecord[]): Promise<void> => {
  const rows: PersonNameVariantsTable[] = [];
  for (const [organisation_id, kind, name] of namesOf(records))
    for (const variant of deletionForms(name)) rows.push({ organisation_id, kind, variant, name });
  await insertVariants(db, rows);
};

/**
 * Drops names no record of the organisation bears any more (call after the records were deleted
 * or renamed): a purged person's surname must not outlive him in the dictionary.
 */
export const forgetNames = async (db: Queryable, records: NamedRecord[]): Promise<void> => {
  // One probe per organisation and kind for all the names, not one per name (a rekeying pass
  // renames thousands).
  const groups = new Map<string, { organisationId: string; kind: NameKind; names: string[] }>();
  for (const [organisationId, kind, name] of namesOf(records)) {
    const k = `${organisationId}\u0000${kind}`;
    const g = groups.get(k) ?? { organisationId, kind, names: [] };
    g.names.push(name);
    groups.set(k, g);
  }
  for (const { organisationId, kind, names } of groups.values()) {
    const used = await namesInUse(db, organisationId, kind, names);
    const gone = names.filter((n) => !used.has(n)).map((name) => ({ name, variants: deletionForms(name) }));
    await deleteNames(db, organisationId, kind, gone);
  }
};

/**
 * For each word's forms (its surname keys, or its given name's readings), the organisation's
 * names exactly one edit from one of them, in key order, at most NEIGHBOUR_MAX. One
 * query for all the words and both kinds together.
 */
export const neighbourNames = async (
  db: Queryable,
  organisationId: string,
  formsPerWord: { surname: string[][]; given: string[][] },
): Promise<{ surname: string[][]; given: string[][] }> => {
  const kinds = ['surname', 'given'] as const;
  const found = await namesWithVariants(
    db,
    organisationId,
    kinds.map((kind) => ({ kind, variants: [...new Set(formsPerWord[kind].flat().flatMap(deletionForms))] })),
  );
  const near = (kind: NameKind) => {
    const names = found
      .filter((f) => f.kind === kind)
      .map((f) => f.name)
      .sort();
    return formsPerWord[kind].map((forms) => nearNames(forms, names));
  };
  return { surname: near('surname'), given: near('given') };
};
