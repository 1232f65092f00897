import type { Queryable } from '../db/database.ts';
import type { InviteRow } from './accounts.table.ts';

// Queries on invite and reset links (staff.service.ts and invites.service.ts hold the rules).
// A link row keeps only the token's hash and the organisation key sealed under the token.

export const insertInvite = async (db: Queryable, row: InviteRow): Promise<void> => {
  await db.insertInto('invites').values(row).execute();
};

export const findInviteRef = (db: Queryable, id: string) =>
  db.selectFrom('invites').select(['id', 'organisation_id', 'used_at']).where('id', '=', id).executeTakeFirst();

/** The link behind a token hash, with its organisation's name and the pseudonym a reset is for. */
export const findInviteByTokenHash = (db: Queryable, tokenHash: string) =>
  db
    .selectFrom('invites')
    .innerJoin('organisations', 'organisations.id', 'invites.organisation_id')
    .leftJoin('users', 'users.id', 'invites.target_user_id')
    .select([
      'invites.id',
      'invites.kind',
      'invites.role',
      'invites.organisation_id',
      'invites.target_user_id',
      'invites.org_key_sealed',
      'invites.expires_at',
      'invites.used_at',
      'organisations.name as organisation_name',
      'users.pseudonym as target_pseudonym',
    ])
    .where('invites.token_hash', '=', tokenHash)
    .executeTakeFirst();

/** Unused links of an organisation that expire after `now`, soonest first. */
export const listPendingInvites = (db: Queryable, organisationId: string, now: string) =>
  db
    .selectFrom('invites')
    .select(['id', 'kind', 'role', 'expires_at'])
    .where('organisation_id', '=', organisationId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('expires_at')
    .execute();

/** Marks the link used; false when another request used it first (one statement: single use under races). */
export const claimInvite = async (db: Queryable, id: string, now: string): Promise<boolean> =>
  Number(
    (
      await db
        .updateTable('invites')
        .set({ used_at: now })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .executeTakeFirst()
    ).numUpdatedRows,
  ) === 1;

export const deleteUnusedInvite = async (db: Queryable, id: string): Promise<void> => {
  await db.deleteFrom('invites').where('id', '=', id).where('used_at', 'is', null).execute();
};

/** Reset links for the account. */
export const deleteInvitesTargeting = async (db: Queryable, userId: string): Promise<void> => {
  await db.deleteFrom('invites').where('target_user_id', '=', userId).execute();
};

export const deleteUnusedInvitesIssuedBy = async (db: Queryable, userId: string): Promise<void> => {
  await db.deleteFrom('invites').where('created_by', '=', userId).where('used_at', 'is', null).execute();
};

/** Returns how many went: the rotation reports the revoked links on the admin page. */
export const deleteUnusedInvitesOfOrganisation = async (db: Queryable, organisationId: string): Promise<number> =>
  Number(
    (
      await db
        .deleteFrom('invites')
        .where('organisation_id', '=', organisationId)
        .where('used_at', 'is', null)
        .executeTakeFirst()
    ).numDeletedRows,
  );
