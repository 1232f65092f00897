import type { Insertable, Updateable } from 'kysely';
import type { Queryable } from '../db/database.ts';
import type { SessionRow } from './accounts.table.ts';

// Queries on sessions (sessions.service.ts holds the rules: expiry, touching, what the cookie opens).

export const insertSession = async (db: Queryable, row: Insertable<SessionRow>): Promise<void> => {
  await db.insertInto('sessions').values(row).execute();
};

/** The session row and what a request needs of its account. */
export const findSessionWithUser = (db: Queryable, idHash: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id_hash',
      'sessions.key_sealed',
      'sessions.second_factor_done',
      'sessions.pending_totp_sealed',
      'sessions.codes_sealed',
      'sessions.created_at',
      'sessions.last_seen_at',
      'users.id as user_id',
      'users.pseudonym',
      'users.role',
      'users.organisation_id',
      'users.disabled',
      'users.totp_secret_sealed',
    ])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();

type SessionPatch = Pick<
  Updateable<SessionRow>,
  'last_seen_at' | 'pending_totp_sealed' | 'second_factor_done' | 'codes_sealed'
>;

/**
 * Replaces (or, with null, erases) what waits to be shown once, if it is still the value the
 * caller read with the session: true for the one request whose conditional update took it (two
 * racing get it at most once).
 */
export const swapSessionCodes = async (
  db: Queryable,
  idHash: string,
  sealed: string,
  replacement: string | null,
): Promise<boolean> => {
  const taken = await db
    .updateTable('sessions')
    .set({ codes_sealed: replacement })
    .where('id_hash', '=', idHash)
    .where('codes_sealed', '=', sealed)
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
};

export const updateSession = async (db: Queryable, idHash: string, patch: SessionPatch): Promise<void> => {
  await db.updateTable('sessions').set(patch).where('id_hash', '=', idHash).execute();
};

export const deleteSessionRow = async (db: Queryable, idHash: string): Promise<void> => {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
};

export const deleteSessionsOfUser = async (db: Queryable, userId: string): Promise<void> => {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
};

/** Every session of the user but one; returns how many went. */
export const deleteSessionsOfUserExcept = async (db: Queryable, userId: string, keepIdHash: string): Promise<number> =>
  Number(
    (
      await db
        .deleteFrom('sessions')
        .where('user_id', '=', userId)
        .where('id_hash', '!=', keepIdHash)
        .executeTakeFirst()
    ).numDeletedRows,
  );

export const countSessionsOfUserExcept = async (db: Queryable, userId: string, keepIdHash: string): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', userId)
        .where('id_hash', '!=', keepIdHash)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Sessions created before `createdBefore` or last seen before `lastSeenBefore` (ISO times). */
export const deleteSessionsBefore = async (
  db: Queryable,
  bounds: { createdBefore: string; lastSeenBefore: string },
): Promise<void> => {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('created_at', '<', bounds.createdBefore), eb('last_seen_at', '<', bounds.lastSeenBefore)]))
    .execute();
};
