import { randomUUID } from 'node:crypto';
import type { Queryable, Tx } from '../db/database.ts';
import { optionalKey, searchKey } from './names.ts';
import type { PersonInput } from './people.schema.ts';
import { countPersons, deletePersonRow, findPerson, findPersons, insertPerson, personIdsMatching, type PersonScope } from './people.repository.ts';

// The people domain as other domains see it. Called inside the caller's transaction.

export type PersonView = NonNullable<Awaited<ReturnType<typeof findPerson>>>;

export const createPerson = async (tx: Tx, input: PersonInput, now: string): Promise<string> => {
  const id = randomUUID();
  const unit = [input.unit_number, input.unit_name].filter(Boolean).join(' ');
  await insertPerson(tx, {
    id,
    surname: input.surname,
    given_name: input.given_name,
    patronymic: input.patronymic ?? null,
    surname_key: searchKey(input.surname),
    given_name_key: searchKey(input.given_name),
    patronymic_key: optionalKey(input.patronymic),
    birth_date: input.birth_date?.value ?? null,
    birth_precision: input.birth_date?.precision ?? null,
    region_code: input.region ?? null,
    unit_number: input.unit_number ?? null,
    unit_name: input.unit_name ?? null,
    unit_key: optionalKey(unit),
    rank: input.rank ?? null,
    service_category: input.service_category,
    created_at: now,
  });
  return id;
};

export const getPerson = async (db: Queryable, id: string): Promise<PersonView | undefined> => findPerson(db, id);

/** Persons within `scope` (a subquery of ids) whose names or unit contain every word of `query`. */
export const searchPersons = (db: Queryable, scope: PersonScope, query: string): Promise<string[]> =>
  personIdsMatching(db, scope, searchKey(query).split(' ').filter(Boolean).slice(0, 5));

/** Several persons by id, keyed by id (for lists). */
export const getPersons = async (db: Queryable, ids: string[]): Promise<Map<string, PersonView>> =>
  new Map((await findPersons(db, [...new Set(ids)])).map((p) => [p.id, p]));

export type { PersonScope };

export { countPersons };

/**
 * Removes a person for good (retention, when no case about them is left). The caller deletes
 * every row that refers to the person first, in the same transaction.
 */
export const deletePerson = (tx: Tx, id: string): Promise<number> => deletePersonRow(tx, id);
