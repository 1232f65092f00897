import { Invalid, NotFound, RateLimited } from '../shared/errors.ts';
import { MINUTE } from '../shared/clock.ts';
import { openWith, sealTo } from '../shared/crypto/index.ts';
import type { AccountsDeps } from './auth.service.ts';
import { verifyOwnPassphrase } from './auth.service.ts';
import { advanceTotpStep, findUserById, updateUser } from './accounts.repository.ts';
import { aad } from './account-keys.crypto.ts';
import {
  createSession,
  deleteOtherSessions,
  deleteSession,
  openPendingTotp,
  setPendingTotp,
  type LoadedSession,
} from './sessions.service.ts';
import { updateSession } from './sessions.repository.ts';
import { clearFailures, isLocked, recordFailure, throttleKey } from './throttle.service.ts';
import { newTotpSecret, verifyTotp } from './totp.crypto.ts';
import { auditAccountEvent } from './account-audit.service.ts';

// TOTP second factor: the code asked at each login, and setting it up or changing it on one's
// own account after entering the passphrase again. The secret is stored sealed to the user's
// public key, so only a session that unwrapped the user's private key can check a code.

/** Checks a login code; on success the session is replaced by one that has passed 2FA. */
export const passSecondFactor = async (
  deps: AccountsDeps,
  session: LoadedSession,
  code: string,
): Promise<{ cookie: string }> => {
  const { auth } = session;
  const key = throttleKey('totp', auth.userId);
  if (await isLocked(deps.db, key, deps.clock)) throw new RateLimited('totp');
  const user = await findUserById(deps.db, auth.userId);
  if (!user?.totp_secret_sealed) throw new NotFound('totp');
  const secret = openWith(auth.userPrivateKey, user.totp_secret_sealed, aad.userTotp(user.id)).toString('utf8');
  const step = verifyTotp(secret, code, deps.clock.now(), user.totp_last_step);
  // The conditional update makes two requests racing with one code accept it at most once.
  const accepted = step !== null && (await advanceTotpStep(deps.db, user.id, step));
  if (!accepted) {
    await recordFailure(deps.db, key, deps.clock);
    throw new Invalid({ field: 'code', key: 'accounts.errors.badCode' });
  }
  await clearFailures(deps.db, key);
  await deleteSession(deps.db, auth.sessionId);
  return createSession(deps.db, {
    userId: user.id,
    privateKey: auth.userPrivateKey,
    secondFactorDone: true,
    clock: deps.clock,
  });
};

/** Step 1: the passphrase again, then a fresh secret is kept sealed in this session only. */
export const startTotpSetup = async (deps: AccountsDeps, session: LoadedSession, passphrase: string): Promise<void> => {
  await verifyOwnPassphrase(deps, session.auth.userId, passphrase);
  await setPendingTotp(deps.db, session.handle, newTotpSecret());
};

/** How long after the passphrase began a session its first 2FA setup does not ask for it again. */
export const FRESH_PASSPHRASE_MS = 5 * MINUTE;

/**
 * Whether this session has just proven the passphrase, so that a first setup of the second
 * factor need not ask for it again: a new staff member chooses the passphrase on the invite's
 * page and is sent straight to set 2FA up, where «enter it again» proved nothing new.
 *
 * The rule, and why it is safe:
 * - only when the account has NO second factor yet: changing an existing one (another phone,
 *   a new key) always asks, however fresh the session, since that is what a thief of an open
 *   session would want to do;
 * - only within FRESH_PASSPHRASE_MS of the session's start, counted from its creation (which is
 *   the moment of the passphrase, sessions.service.ts LoadedSession.createdAt), never from its
 *   last activity: a browser left open for longer asks again;
 * - nothing about the passphrase is stored: the session's own creation time is the proof. The
 *   session is the one the passphrase opened (its cookie unwraps the user's key), so this is no
 *   way around it for anyone who did not just enter it.
 */
export const passphraseJustEntered = (session: Pick<LoadedSession, 'auth' | 'createdAt'>, now: Date): boolean =>
  !session.auth.totpEnabled && now.getTime() - Date.parse(session.createdAt) <= FRESH_PASSPHRASE_MS;

/** Step 1 without the passphrase, only when passphraseJustEntered says so; returns the new secret. */
export const startFreshTotpSetup = async (deps: AccountsDeps, session: LoadedSession): Promise<string> => {
  if (!passphraseJustEntered(session, deps.clock.now()))
    throw new Invalid({ field: 'passphrase', key: 'errors.required' });
  const secret = newTotpSecret();
  await setPendingTotp(deps.db, session.handle, secret);
  return secret;
};

export const pendingTotpSecret = (session: LoadedSession): string | null =>
  openPendingTotp(session.handle, session.pendingTotpSealed);

/** Step 2: a code from the new secret proves the app has it; then it replaces the old one. */
export const confirmTotpSetup = async (deps: AccountsDeps, session: LoadedSession, code: string): Promise<void> => {
  const { auth } = session;
  const secret = pendingTotpSecret(session);
  if (!secret) throw new Invalid({ field: 'code', key: 'accounts.errors.setupExpired' });
  const key = throttleKey('totp', auth.userId);
  if (await isLocked(deps.db, key, deps.clock)) throw new RateLimited('totp');
  const step = verifyTotp(secret, code, deps.clock.now(), null);
  if (step === null) {
    await recordFailure(deps.db, key, deps.clock);
    throw new Invalid({ field: 'code', key: 'accounts.errors.badCode' });
  }
  await clearFailures(deps.db, key);
  const user = await findUserById(deps.db, auth.userId);
  if (!user) throw new NotFound('user');
  await deps.db.transaction().execute(async (tx) => {
    await updateUser(tx, user.id, {
      totp_secret_sealed: sealTo(user.public_key, Buffer.from(secret, 'utf8'), aad.userTotp(user.id)),
      totp_last_step: step,
    });
    await updateSession(tx, auth.sessionId, { pending_totp_sealed: null, second_factor_done: 1 });
    // Other sessions were opened under the old secret: end them.
    await deleteOtherSessions(tx, user.id, auth.sessionId);
    if (user.role !== 'family' && user.organisation_id) {
      await auditAccountEvent(tx, {
        actorUserId: user.id,
        actorRole: user.role,
        organisationId: user.organisation_id,
        action: 'account.2fa_set',
        at: deps.clock.now().toISOString(),
      });
    }
  });
};
