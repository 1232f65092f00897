import type { Queryable } from '../db/database.ts';
import type { Config } from '../config.ts';
import { HOUR, MINUTE, type Clock } from '../shared/clock.ts';
import { DecryptionFailed, hashToken, open, openOptional, randomToken, seal } from '../shared/crypto/index.ts';
import type { AuthContext, Role } from '../policy/principal.ts';
import { aad } from './account-keys.crypto.ts';

// Server-side sessions. The cookie carries "<sessionId>.<secret>"; the row keeps only the
// SHA-256 of the id and the user's private key sealed under the secret. So any process can serve
// the user, a restart logs nobody out, and a copy of the database without the cookie opens nothing.

export const SESSION_COOKIE = 'kt_session';

export interface SessionHandle {
  idHash: string;
  secret: Buffer;
}

export interface LoadedSession {
  auth: AuthContext;
  handle: SessionHandle;
  pendingTotpSealed: string | null;
}

/** last_seen_at is written at most this often, not on every request. */
const TOUCH_EVERY_MS = MINUTE;

export const createSession = async (
  db: Queryable,
  opts: { userId: string; privateKey: Buffer; secondFactorDone: boolean; clock: Clock },
): Promise<{ cookie: string; handle: SessionHandle }> => {
  const id = randomToken(32);
  const secret = Buffer.from(randomToken(32), 'base64url');
  const idHash = hashToken(id);
  const now = opts.clock.now().toISOString();
  await db
    .insertInto('sessions')
    .values({
      id_hash: idHash,
      user_id: opts.userId,
      key_sealed: seal(secret, opts.privateKey, aad.session(idHash)),
      second_factor_done: opts.secondFactorDone ? 1 : 0,
      pending_totp_sealed: null,
      created_at: now,
      last_seen_at: now,
    })
    .execute();
  // Every login makes a session: the day keeps an idle family account from retention's deletion.
  await db
    .updateTable('users')
    .set({ last_login_on: now.slice(0, 10) })
    .where('id', '=', opts.userId)
    .execute();
  return { cookie: `${id}.${secret.toString('base64url')}`, handle: { idHash, secret } };
};

export const parseCookie = (value: string | undefined): { idHash: string; secret: Buffer } | null => {
  if (!value) return null;
  const m = /^([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!m) return null;
  return { idHash: hashToken(m[1]), secret: Buffer.from(m[2], 'base64url') };
};

const expired = (row: { created_at: string; last_seen_at: string }, now: Date, config: Config): boolean =>
  now.getTime() - Date.parse(row.last_seen_at) > config.sessionIdleMinutes * MINUTE ||
  now.getTime() - Date.parse(row.created_at) > config.sessionAbsoluteHours * HOUR;

/** The session behind a cookie, or null (and the row deleted) when expired or unknown. */
export const loadSession = async (
  db: Queryable,
  cookie: string | undefined,
  clock: Clock,
  config: Config,
): Promise<LoadedSession | null> => {
  const parsed = parseCookie(cookie);
  if (!parsed) return null;
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id_hash',
      'sessions.key_sealed',
      'sessions.second_factor_done',
      'sessions.pending_totp_sealed',
      'sessions.created_at',
      'sessions.last_seen_at',
      'users.id as user_id',
      'users.pseudonym',
      'users.role',
      'users.organisation_id',
      'users.disabled',
      'users.totp_secret_sealed',
    ])
    .where('sessions.id_hash', '=', parsed.idHash)
    .executeTakeFirst();
  if (!row) return null;
  const now = clock.now();
  if (expired(row, now, config) || row.disabled) {
    await deleteSession(db, row.id_hash);
    return null;
  }
  let userPrivateKey: Buffer;
  try {
    userPrivateKey = open(parsed.secret, row.key_sealed, aad.session(row.id_hash));
  } catch (err) {
    if (err instanceof DecryptionFailed) return null;
    throw err;
  }
  if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString() })
      .where('id_hash', '=', row.id_hash)
      .execute();
  }
  return {
    auth: {
      userId: row.user_id,
      pseudonym: row.pseudonym,
      role: row.role as Role,
      organisationId: row.organisation_id,
      secondFactorDone: row.second_factor_done === 1,
      totpEnabled: row.totp_secret_sealed !== null,
      sessionId: row.id_hash,
      userPrivateKey,
    },
    handle: parsed,
    pendingTotpSealed: row.pending_totp_sealed,
  };
};

export const deleteSession = async (db: Queryable, idHash: string): Promise<void> => {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
};

export const deleteUserSessions = async (db: Queryable, userId: string): Promise<void> => {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
};

/** "Log out my other devices": every session of the user except this one. */
export const deleteOtherSessions = async (db: Queryable, userId: string, keepIdHash: string): Promise<number> =>
  Number(
    (
      await db
        .deleteFrom('sessions')
        .where('user_id', '=', userId)
        .where('id_hash', '!=', keepIdHash)
        .executeTakeFirst()
    ).numDeletedRows,
  );

export const countOtherSessions = async (db: Queryable, userId: string, keepIdHash: string): Promise<number> =>
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

export const setPendingTotp = async (db: Queryable, handle: SessionHandle, secret: string | null): Promise<void> => {
  await db
    .updateTable('sessions')
    .set({ pending_totp_sealed: secret === null ? null : seal(handle.secret, secret, aad.pendingTotp(handle.idHash)) })
    .where('id_hash', '=', handle.idHash)
    .execute();
};

export const openPendingTotp = (handle: SessionHandle, sealed: string | null): string | null =>
  openOptional(handle.secret, sealed, aad.pendingTotp(handle.idHash));

/** Housekeeping: sessions past their absolute lifetime are removed even if never presented again. */
export const purgeExpiredSessions = async (db: Queryable, clock: Clock, config: Config): Promise<void> => {
  const now = clock.now().getTime();
  await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([
        eb('created_at', '<', new Date(now - config.sessionAbsoluteHours * HOUR).toISOString()),
        eb('last_seen_at', '<', new Date(now - config.sessionIdleMinutes * MINUTE).toISOString()),
      ]),
    )
    .execute();
};
