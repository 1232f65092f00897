import { randomUUID } from 'node:crypto';
import type { Queryable, Tx } from '../db/database.ts';
import { enteredKeys, searchKey } from './names.ts';
import type { PersonInput } from './people.schema.ts';
import { initialKeys, personSearchKeys, tokenKeys, type TokenKeys } from './search-keys.ts';
import { withNeighbours } from './person-records.service.ts';
import { PERSON_FACT_COLUMNS } from './people.table.ts';
import { findColony } from './person-records.repository.ts';
import { forgetNames, keepNames } from './name-neighbours.service.ts';
import {
  countPersons,
  countPersonsByRegion,
  deletePersonRow,
  deleteRevisions,
  findNameKeys,
  findPerson,
  findPersons,
  insertPerson,
  insertRevision,
  listRevisions,
  personIdsMatching,
  updatePersonRow,
  type PersonScope,
} from './people.repository.ts';

// The people domain as other domains see it. Called inside the caller's transaction.

export type PersonView = NonNullable<Awaited<ReturnType<typeof findPerson>>>;

/** Surname, given name, patronymic: how a person is named in lists and on pages. */
export const fullName = (p: Pick<PersonView, 'surname' | 'given_name' | 'patronymic'>): string =>
  [p.surname, p.given_name, p.patronymic].filter(Boolean).join(' ');

/** The stored columns for a person's input: entered forms plus their normalised keys. */
const personColumns = (input: PersonInput, colony: string | null) => {
  const named = {
    surname: input.surname,
    given_name: input.given_name,
    patronymic: input.patronymic ?? null,
    unit_number: input.unit_number ?? null,
    unit_name: input.unit_name ?? null,
  };
  const entered = {
    ...named,
    ...enteredKeys(named),
    birth_date: input.birth_date?.value ?? null,
    birth_precision: input.birth_date?.precision ?? null,
    region_code: input.region ?? null,
    rank: input.rank ?? null,
    service_category: input.service_category,
  };
  // A changed record is scored again against the others (src/matching/).
  return { ...entered, ...personSearchKeys({ ...entered, colony }), linkage_seq: null };
};

/**
 * A new person record. `organisationId` is the organisation holding it (the case's): staff search
 * and match only their own organisation's records (docs/matching.md).
 */
export const createPerson = async (
  tx: Tx,
  input: PersonInput,
  now: string,
  holder: { organisationId: string | null; origin?: 'case' | 'import' | 'tip' } = { organisationId: null },
): Promise<string> => {
  const id = randomUUID();
  const columns = personColumns(input, null);
  await insertPerson(tx, {
    id,
    ...columns,
    created_at: now,
    organisation_id: holder.organisationId,
    origin: holder.origin ?? 'case',
    cluster_id: null,
    status: null,
    colony: null,
    mobilisation_wave: null,
    linkage_seq: null,
  });
  await keepNames(tx, [{ organisation_id: holder.organisationId, ...columns }]);
  return id;
};

export interface PersonEditor {
  by: 'family' | 'staff';
  /** staff only */
  userId: string | null;
  /** ISO time for staff, a day for the family (the caller cuts it) */
  at: string;
}

/**
 * Corrects a person's details. The values replaced are kept in person_revisions first, so a
 * name as a family first typed it stays on record (matching and discrepancies may need it).
 * Nothing changed, nothing recorded: returns false.
 */
export const updatePerson = async (tx: Tx, id: string, input: PersonInput, editor: PersonEditor): Promise<boolean> => {
  const old = await findPerson(tx, id);
  if (!old) return false;
  const next = personColumns(input, await findColony(tx, id));
  if (PERSON_FACT_COLUMNS.every((f) => (old[f] ?? null) === (next[f] ?? null))) return false;
  const { id: _id, ...oldValues } = old;
  await insertRevision(tx, {
    id: randomUUID(),
    person_id: id,
    ...oldValues,
    replaced_by: editor.by,
    replaced_by_user_id: editor.userId,
    replaced_at: editor.at,
  });
  const keys = await findNameKeys(tx, id);
  await updatePersonRow(tx, id, next);
  if (keys) {
    await keepNames(tx, [{ ...keys, ...next }]);
    await forgetNames(tx, [keys]);
  }
  return true;
};

/** Earlier versions of a person's details, newest first. */
export const personRevisions = (db: Queryable, id: string) => listRevisions(db, id);
export type PersonRevisionView = Awaited<ReturnType<typeof listRevisions>>[number];

export const getPerson = async (db: Queryable, id: string): Promise<PersonView | undefined> => findPerson(db, id);

/**
 * Persons within `scope` (a subquery of ids) of the organisation's cases each word of `query`
 * finds: in their names or unit as written, or by a name's keys as the person search reads them
 * (person-records.service.ts: any script, gender form, sound, diminutive, one letter wrong).
 */
export const searchPersons = async (
  db: Queryable,
  organisationId: string,
  scope: PersonScope,
  query: string,
): Promise<string[]> => {
  const words = searchKey(query).split(' ').filter(Boolean).slice(0, 5);
  const initials = words.flatMap((w) => initialKeys(w) ?? []);
  const named = words.filter((w) => initialKeys(w) === null);
  const keyed = named.map((w) => tokenKeys(w));
  const near = await withNeighbours(
    db,
    organisationId,
    keyed.filter((t): t is TokenKeys => t !== null),
  );
  const tokens = keyed.map((t) => (t ? (near.shift() ?? null) : null));
  // As the person search reads initials: after one name the given name's and the patronymic's,
  // after two the patronymic's.
  const [given, patronymic] =
    tokens.filter(Boolean).length >= 2 ? [undefined, initials[0]] : [initials[0], initials[1]];
  return personIdsMatching(
    db,
    scope,
    named.map((text, i) => ({ text, token: tokens[i] })),
    { given, patronymic },
  );
};

/** Several persons by id, keyed by id (for lists). */
export const getPersons = async (db: Queryable, ids: string[]): Promise<Map<string, PersonView>> =>
  new Map((await findPersons(db, [...new Set(ids)])).map((p) => [p.id, p]));

export type { PersonScope };

/** Persons within `scope` per home region ('' when none was given): counts only. */
export const personsPerRegion = async (db: Queryable, scope: PersonScope): Promise<Map<string, number>> =>
  new Map((await countPersonsByRegion(db, scope)).map((r) => [r.region_code ?? '', Number(r.n)]));

export { countPersons };

/**
 * Removes a person for good (retention, when no case about them is left). The caller deletes
 * every row that refers to the person first, in the same transaction.
 */
export const deletePerson = async (tx: Tx, id: string): Promise<number> => {
  await deleteRevisions(tx, id);
  const keys = await findNameKeys(tx, id);
  const n = await deletePersonRow(tx, id);
  if (keys) await forgetNames(tx, [keys]);
  return n;
};
