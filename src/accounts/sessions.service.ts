import type { Queryable } from '../db/database.ts';
import type { Config } from '../config.ts';
import { HOUR, MINUTE, type Clock } from '../shared/clock.ts';
import {
  DecryptionFailed,
  hashToken,
  open,
  openOptional,
  randomToken,
  seal,
  verifierMatches,
} from '../shared/crypto/index.ts';
import type { AuthContext, Role } from '../policy/principal.ts';
import { aad } from './account-keys.crypto.ts';
import { updateUser } from './accounts.repository.ts';
import {
  countSessionsOfUserExcept,
  deleteSessionRow,
  deleteSessionsBefore,
  deleteSessionsOfUser,
  deleteSessionsOfUserExcept,
  findSessionWithUser,
  insertSession,
  swapSessionCodes,
  updateSession,
} from './sessions.repository.ts';

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
  /**
   * When the session began. Every session begins right after its passphrase was entered or
   * chosen (login, registration, an invite or a reset link, the first administrator's setup,
   * recovery) — except passSecondFactor's, which replaces one that did, for an account that
   * already has a second factor (twofactor.service.ts passphraseJustEntered relies on this).
   */
  createdAt: string;
  /** recovery codes waiting to be shown once (setPendingCodes), sealed under the cookie's secret */
  codesSealed: string | null;
}

/** last_seen_at is written at most this often, not on every request. */
const TOUCH_EVERY_MS = MINUTE;

/**
 * Codes waiting in a session, and once shown the token of the one link that may show them again
 * (the page's language link): null until their first view.
 */
interface PendingCodes {
  codes: string[];
  again: string | null;
}

const sealCodes = (handle: SessionHandle, pending: PendingCodes): string =>
  seal(handle.secret, JSON.stringify(pending), aad.pendingCodes(handle.idHash));

const openCodes = (handle: SessionHandle, sealed: string): PendingCodes | null => {
  let json: string | null;
  try {
    json = openOptional(handle.secret, sealed, aad.pendingCodes(handle.idHash));
  } catch (err) {
    if (err instanceof DecryptionFailed) return null;
    throw err;
  }
  if (json === null) return null;
  const value = JSON.parse(json) as PendingCodes | string[];
  // Sealed before the language link kept them: the codes alone, not shown yet.
  return Array.isArray(value) ? { codes: value, again: null } : value;
};

/** A new session; `pendingCodes` (a new account's recovery codes) wait in it for one page view. */
export const createSession = async (
  db: Queryable,
  opts: { userId: string; privateKey: Buffer; secondFactorDone: boolean; clock: Clock; pendingCodes?: string[] },
): Promise<{ cookie: string; handle: SessionHandle }> => {
  const id = randomToken(32);
  const secret = Buffer.from(randomToken(32), 'base64url');
  const idHash = hashToken(id);
  const handle = { idHash, secret };
  const now = opts.clock.now().toISOString();
  await insertSession(db, {
    id_hash: idHash,
    user_id: opts.userId,
    key_sealed: seal(secret, opts.privateKey, aad.session(idHash)),
    second_factor_done: opts.secondFactorDone ? 1 : 0,
    pending_totp_sealed: null,
    codes_sealed: opts.pendingCodes ? sealCodes(handle, { codes: opts.pendingCodes, again: null }) : null,
    created_at: now,
    last_seen_at: now,
  });
  // Every login makes a session: the day keeps an idle family account from retention's deletion.
  await updateUser(db, opts.userId, { last_login_on: now.slice(0, 10) });
  return { cookie: `${id}.${secret.toString('base64url')}`, handle };
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
  const row = await findSessionWithUser(db, parsed.idHash);
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
    await updateSession(db, row.id_hash, { last_seen_at: now.toISOString() });
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
    createdAt: row.created_at,
    codesSealed: row.codes_sealed,
  };
};

export const deleteSession = (db: Queryable, idHash: string): Promise<void> => deleteSessionRow(db, idHash);

export const deleteUserSessions = (db: Queryable, userId: string): Promise<void> => deleteSessionsOfUser(db, userId);

/** "Log out my other devices": every session of the user except this one. */
export const deleteOtherSessions = (db: Queryable, userId: string, keepIdHash: string): Promise<number> =>
  deleteSessionsOfUserExcept(db, userId, keepIdHash);

export const countOtherSessions = (db: Queryable, userId: string, keepIdHash: string): Promise<number> =>
  countSessionsOfUserExcept(db, userId, keepIdHash);

export const setPendingTotp = async (db: Queryable, handle: SessionHandle, secret: string | null): Promise<void> => {
  await updateSession(db, handle.idHash, {
    pending_totp_sealed: secret === null ? null : seal(handle.secret, secret, aad.pendingTotp(handle.idHash)),
  });
};

/**
 * Recovery codes to show once on the page a form redirects to (post/redirect/get), sealed under
 * the cookie's secret: never in a URL, in clear, or in a POST response the browser keeps.
 * A new session takes them at its creation instead (createSession's `pendingCodes`).
 */
export const setPendingCodes = async (db: Queryable, handle: SessionHandle, codes: string[]): Promise<void> => {
  await updateSession(db, handle.idHash, { codes_sealed: sealCodes(handle, { codes, again: null }) });
};

/** Codes to show on their page, with the token its language link carries to show them again. */
export interface ShownCodes {
  codes: string[];
  again: string;
}

/**
 * The codes waiting in this session, for their page: on its first view, or when the page's own
 * language link asks again (`again`, the token of the view before, used once). Any other visit
 * (a reload, a link from elsewhere, an old token) erases them. Each step is one conditional
 * update of the value loadSession read, so of two requests racing for it at most one gets it.
 */
export const viewPendingCodes = async (
  db: Queryable,
  session: LoadedSession,
  again: string | undefined,
): Promise<ShownCodes | null> => {
  const { handle, codesSealed } = session;
  if (codesSealed === null) return null;
  const pending = openCodes(handle, codesSealed);
  const asked =
    pending !== null && (pending.again === null || (again !== undefined && verifierMatches(again, pending.again)));
  if (!asked) {
    await swapSessionCodes(db, handle.idHash, codesSealed, null);
    return null;
  }
  const next = randomToken(16);
  const kept = sealCodes(handle, { codes: pending.codes, again: next });
  if (!(await swapSessionCodes(db, handle.idHash, codesSealed, kept))) return null;
  return { codes: pending.codes, again: next };
};

/** The session went anywhere but the codes' page: they are never shown again. */
export const dropPendingCodes = async (db: Queryable, session: LoadedSession): Promise<void> => {
  if (session.codesSealed !== null) await swapSessionCodes(db, session.handle.idHash, session.codesSealed, null);
};

export const openPendingTotp = (handle: SessionHandle, sealed: string | null): string | null =>
  openOptional(handle.secret, sealed, aad.pendingTotp(handle.idHash));

/** Housekeeping: sessions past their absolute lifetime are removed even if never presented again. */
export const purgeExpiredSessions = async (db: Queryable, clock: Clock, config: Config): Promise<void> => {
  const now = clock.now().getTime();
  await deleteSessionsBefore(db, {
    createdBefore: new Date(now - config.sessionAbsoluteHours * HOUR).toISOString(),
    lastSeenBefore: new Date(now - config.sessionIdleMinutes * MINUTE).toISOString(),
  });
};
