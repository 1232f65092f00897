import type { Queryable } from '../db/database.ts';
import type { RegistryRequestAdditionsTable, RegistryRequestsTable } from './registry.table.ts';
import type { RequestState } from './request-lifecycle.ts';

// Withdrawal and correction requests from relatives without an account (requests.service.ts,
// request-answer.service.ts, request-receipt.service.ts).

export const insertRequest = async (db: Queryable, row: RegistryRequestsTable): Promise<void> => {
  await db.insertInto('registry_requests').values(row).execute();
};

export const listRequests = (db: Queryable, organisationId: string, states: readonly RequestState[]) =>
  db
    .selectFrom('registry_requests')
    .select([
      'id',
      'record_id',
      'kind',
      'body_sealed',
      'created_on',
      'state',
      'outcome',
      'handled_at',
      'answered_on',
      'relative_wrote',
    ])
    .select((eb) =>
      eb
        .selectFrom('registry_request_additions as a')
        .select((e) => e.fn.countAll().as('n'))
        .whereRef('a.request_id', '=', 'registry_requests.id')
        .as('additions'),
    )
    .where('organisation_id', '=', organisationId)
    .where('state', 'in', states)
    .orderBy('created_on', states.includes('done') ? 'desc' : 'asc')
    .orderBy('id')
    .limit(200)
    .execute();

export const findRequest = (db: Queryable, id: string) =>
  db
    .selectFrom('registry_requests')
    .select(['id', 'record_id', 'organisation_id', 'state'])
    .where('id', '=', id)
    .executeTakeFirst();

/** One request with everything sealed in it, for its staff page. */
export const findRequestSealed = (db: Queryable, id: string) =>
  db
    .selectFrom('registry_requests')
    .select([
      'id',
      'record_id',
      'organisation_id',
      'kind',
      'body_sealed',
      'created_on',
      'state',
      'outcome',
      'handled_at',
      'key_org_sealed',
      'answer_sealed',
      'answered_on',
      'relative_wrote',
    ])
    .where('id', '=', id)
    .executeTakeFirst();

/** The request a receipt code's lookup id finds, with what the code must prove and unwrap. */
export const findRequestByLookup = (db: Queryable, lookupId: string) =>
  db
    .selectFrom('registry_requests')
    .select([
      'id',
      'organisation_id',
      'kind',
      'created_on',
      'state',
      'outcome',
      'code_salt',
      'code_verifier',
      'key_code_sealed',
      'answer_sealed',
      'answered_on',
    ])
    .where('lookup_id', '=', lookupId)
    .executeTakeFirst();

export const requestLookupTaken = async (db: Queryable, lookupId: string): Promise<boolean> =>
  !!(await db.selectFrom('registry_requests').select('id').where('lookup_id', '=', lookupId).executeTakeFirst());

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

type RequestPatch = Partial<
  Pick<
    RegistryRequestsTable,
    'state' | 'outcome' | 'handled_by' | 'handled_at' | 'answer_sealed' | 'answered_on' | 'relative_wrote'
  >
>;

/** Moves a request that is still in one of `from`; false when someone else moved it first. */
export const updateRequestIfIn = async (
  db: Queryable,
  id: string,
  from: readonly RequestState[],
  patch: RequestPatch,
): Promise<boolean> => {
  const r = await db
    .updateTable('registry_requests')
    .set(patch)
    .where('id', '=', id)
    .where('state', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
};

// --- what the relative added with the code (migration 0047) ---------------------------------------

export const insertAddition = async (db: Queryable, row: RegistryRequestAdditionsTable): Promise<void> => {
  await db.insertInto('registry_request_additions').values(row).execute();
};

/** The next place among a request's additions (inside the transaction that inserts it). */
export const nextAdditionSeq = async (db: Queryable, requestId: string): Promise<number> => {
  const row = await db
    .selectFrom('registry_request_additions')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('request_id', '=', requestId)
    .executeTakeFirst();
  return Number(row?.seq ?? 0) + 1;
};

/** A request's additions in the order they came. */
export const listAdditions = (db: Queryable, requestId: string) =>
  db
    .selectFrom('registry_request_additions')
    .select(['id', 'seq', 'body_sealed', 'created_on'])
    .where('request_id', '=', requestId)
    .orderBy('seq')
    .execute();

/** Staff opened the request: its new words are no longer new. */
export const clearRelativeWrote = async (db: Queryable, id: string): Promise<void> => {
  await db.updateTable('registry_requests').set({ relative_wrote: 0 }).where('id', '=', id).execute();
};
