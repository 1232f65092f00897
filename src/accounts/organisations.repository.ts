import { type Insertable, PostgresAdapter, sql } from 'kysely';
import type { Queryable, Tx } from '../db/database.ts';
import type { OrganisationKeyWrapRow, OrganisationRow } from './accounts.table.ts';

// Queries on organisations and on the wraps of their private keys (one per holder); the rules
// are in accounts.service.ts and org-key-rotation.service.ts.

export const insertOrganisationRow = async (db: Queryable, row: Insertable<OrganisationRow>): Promise<void> => {
  await db.insertInto('organisations').values(row).execute();
};

export const findOrganisationPublicKey = (db: Queryable, id: string) =>
  db.selectFrom('organisations').select('public_key').where('id', '=', id).executeTakeFirst();

export const organisationNameKeyTaken = async (db: Queryable, nameKey: string): Promise<boolean> =>
  !!(await db.selectFrom('organisations').select('id').where('name_key', '=', nameKey).executeTakeFirst());

export const findOrganisationName = async (db: Queryable, id: string): Promise<string | undefined> =>
  (await db.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirst())?.name;

export const listOrganisationNames = (db: Queryable) =>
  db.selectFrom('organisations').select(['id', 'name']).orderBy('name').execute();

/** Every organisation as the request and tip forms offer it: its name and what it says of itself. */
export const listOrganisationChoiceRows = (db: Queryable) =>
  db.selectFrom('organisations').select(['id', 'name', 'about_ru', 'about_en']).orderBy('name').execute();

export const findOrganisationAbout = (db: Queryable, id: string) =>
  db.selectFrom('organisations').select(['name', 'about_ru', 'about_en']).where('id', '=', id).executeTakeFirst();

export const setOrganisationAbout = async (
  db: Queryable,
  id: string,
  about: { about_ru: string | null; about_en: string | null },
): Promise<void> => {
  await db.updateTable('organisations').set(about).where('id', '=', id).execute();
};

export const setOrganisationPublicKey = async (db: Queryable, id: string, publicKey: string): Promise<void> => {
  await db.updateTable('organisations').set({ public_key: publicKey }).where('id', '=', id).execute();
};

/**
 * Locks the organisation row until the transaction ends and reads its public key (see
 * lockOrganisation for why). PostgreSQL: `FOR SHARE` or `FOR UPDATE`. SQLite has one writer at
 * a time: a no-op write takes that lock at once, so what the transaction reads next is current
 * rather than a snapshot a rotation may since have replaced.
 */
export const lockOrganisationRow = async (tx: Tx, id: string, mode: 'share' | 'update') => {
  const read = tx.selectFrom('organisations').select('public_key').where('id', '=', id);
  if (tx.getExecutor().adapter instanceof PostgresAdapter)
    return (mode === 'update' ? read.forUpdate() : read.forShare()).executeTakeFirst();
  await tx.updateTable('organisations').set({ public_key: sql`public_key` }).where('id', '=', id).execute();
  return read.executeTakeFirst();
};

export const findOrganisationWrap = (db: Queryable, organisationId: string, userId: string) =>
  db
    .selectFrom('organisation_key_wraps')
    .select('wrapped')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();

/** Organisations whose key the user holds a wrap of, by name. */
export const listOrganisationsHeldBy = (db: Queryable, userId: string) =>
  db
    .selectFrom('organisation_key_wraps')
    .innerJoin('organisations', 'organisations.id', 'organisation_key_wraps.organisation_id')
    .select(['organisations.id', 'organisations.name'])
    .where('organisation_key_wraps.user_id', '=', userId)
    .orderBy('organisations.name')
    .execute();

/** Every account holding a wrap of the organisation key, with what a re-wrap needs. */
export const listWrapHolders = (db: Queryable, organisationId: string) =>
  db
    .selectFrom('organisation_key_wraps')
    .innerJoin('users', 'users.id', 'organisation_key_wraps.user_id')
    .select(['users.id', 'users.public_key', 'users.disabled'])
    .where('organisation_key_wraps.organisation_id', '=', organisationId)
    .execute();

export const insertOrganisationWrap = async (db: Queryable, row: OrganisationKeyWrapRow): Promise<void> => {
  await db.insertInto('organisation_key_wraps').values(row).execute();
};

export const deleteOrganisationWrap = async (db: Queryable, organisationId: string, userId: string): Promise<void> => {
  await db
    .deleteFrom('organisation_key_wraps')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .execute();
};

/** Every organisation key wrap the user holds. */
export const deleteWrapsOfUser = async (db: Queryable, userId: string): Promise<void> => {
  await db.deleteFrom('organisation_key_wraps').where('user_id', '=', userId).execute();
};
