import type { Queryable } from '../db/database.ts';
import type { RegistryRequestsTable } from './registry.table.ts';

// Withdrawal and correction requests from relatives without an account (requests.service.ts).

export const insertRequest = async (db: Queryable, row: RegistryRequestsTable): Promise<void> => {
  await db.insertInto('registry_requests').values(row).execute();
};

export const listRequests = (db: Queryable, organisationId: string, state: RegistryRequestsTable['state']) =>
  db
    .selectFrom('registry_requests')
    .select(['id', 'record_id', 'kind', 'body_sealed', 'created_on', 'state', 'handled_at'])
    .where('organisation_id', '=', organisationId)
    .where('state', '=', state)
    .orderBy('created_on', state === 'new' ? 'asc' : 'desc')
    .orderBy('id')
    .limit(200)
    .execute();

export const findRequest = (db: Queryable, id: string) =>
  db
    .selectFrom('registry_requests')
    .select(['id', 'record_id', 'organisation_id', 'state'])
    .where('id', '=', id)
    .executeTakeFirst();

export const countNewRequests = async (db: Queryable, organisationId: string): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('registry_requests')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('organisation_id', '=', organisationId)
        .where('state', '=', 'new')
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Marks a new request handled; false when someone else already did. */
export const closeRequestIfNew = async (db: Queryable, id: string, by: string, at: string): Promise<boolean> => {
  const r = await db
    .updateTable('registry_requests')
    .set({ state: 'done', handled_by: by, handled_at: at })
    .where('id', '=', id)
    .where('state', '=', 'new')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
};
