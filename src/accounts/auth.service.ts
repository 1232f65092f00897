import { randomBytes } from 'node:crypto';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { isoDay, type Clock } from '../shared/clock.ts';
import { Invalid, RateLimited } from '../shared/errors.ts';
import { derivePassphraseKeys, hashToken, newSalt, open, seal, verifierMatches } from '../shared/crypto/index.ts';
import type { Role } from '../policy/principal.ts';
import {
  countRecoveryCodes,
  deleteRecoveryCode,
  deleteRecoveryCodesOfUser,
  findRecoveryCode,
  findUserById,
  findUserByPseudonymKey,
  insertRecoveryCodes,
  updateUser,
} from './accounts.repository.ts';
import { createUser } from './accounts.service.ts';
import { aad, newId, newUserSecrets, pseudonymKey, tokenKey } from './account-keys.crypto.ts';
import {
  createSession,
  deleteOtherSessions,
  deleteSession,
  deleteUserSessions,
  purgeExpiredSessions,
  setPendingCodes,
  type LoadedSession,
} from './sessions.service.ts';
import { clearFailures, isLocked, purgeExpiredCounters, recordFailure, throttleKey } from './throttle.service.ts';

// Registration, login and recovery. Every path that takes a pseudonym does the same work whether
// or not the account exists (one Argon2id run, the same queries), so timing reveals nothing.

export interface AccountsDeps {
  db: Db;
  config: Config;
  clock: Clock;
}

export const RECOVERY_CODE_COUNT = 6;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 100 random bits, shown as XXXXX-XXXXX-XXXXX-XXXXX: easy to copy by hand, impossible to guess. */
export const newRecoveryCode = (): string => {
  const bytes = randomBytes(20);
  const chars = Array.from(bytes, (b) => CROCKFORD[b & 31]).join('');
  return chars.match(/.{5}/g)!.join('-');
};

/** Case, spaces, dashes and the letters people confuse with digits do not matter. */
export const normaliseRecoveryCode = (code: string): string =>
  code.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');

const sealRecoveryCodes = (userId: string, privateKey: Buffer, now: string) => {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const rows = codes.map((code) => {
    const id = newId();
    const norm = normaliseRecoveryCode(code);
    return {
      id,
      user_id: userId,
      code_hash: hashToken(norm),
      key_sealed: seal(tokenKey(norm, 'recovery'), privateKey, aad.recovery(id)),
      created_at: now,
    };
  });
  return { codes, rows };
};

export const registerFamily = async (
  deps: AccountsDeps,
  input: { pseudonym: string; passphrase: string },
): Promise<{ cookie: string }> => {
  const secrets = await newUserSecrets(input.passphrase, deps.config);
  // A family's registration is family activity: kept to the day (threat model).
  const now = isoDay(deps.clock);
  const { codes, rows } = sealRecoveryCodes(secrets.id, secrets.keyPair.privateKey, now);
  // One transaction: no account is left whose codes were never shown. The codes wait sealed in
  // the new session for the page the registration redirects to, never in a URL or in clear.
  return deps.db.transaction().execute(async (tx) => {
    await createUser(tx, secrets, { pseudonym: input.pseudonym, role: 'family', organisationId: null, now });
    await insertRecoveryCodes(tx, rows);
    const { cookie } = await createSession(tx, {
      userId: secrets.id,
      privateKey: secrets.keyPair.privateKey,
      secondFactorDone: true,
      clock: deps.clock,
      pendingCodes: codes,
    });
    return { cookie };
  });
};

/**
 * New codes replace all old ones (after the passphrase is entered again). They wait sealed in
 * this session for the one page the form redirects to, as a new account's do (takePendingCodes).
 */
export const regenerateRecoveryCodes = async (
  deps: AccountsDeps,
  session: Pick<LoadedSession, 'auth' | 'handle'>,
): Promise<void> => {
  const { auth, handle } = session;
  const { codes, rows } = sealRecoveryCodes(auth.userId, auth.userPrivateKey, isoDay(deps.clock));
  await deps.db.transaction().execute(async (tx) => {
    await deleteRecoveryCodesOfUser(tx, auth.userId);
    await insertRecoveryCodes(tx, rows);
    await setPendingCodes(tx, handle, codes);
  });
};

// An unknown pseudonym still costs one Argon2id run with a salt of the same shape.
const DUMMY_SALT = newSalt();
const DUMMY_VERIFIER = hashToken('no such account');

export interface LoginResult {
  cookie: string;
  /** where to go next: the TOTP prompt, the mandatory 2FA setup, or straight in */
  next: 'second_factor' | 'setup_totp' | 'done';
  role: Role;
  organisationId: string | null;
}

export const login = async (
  deps: AccountsDeps,
  input: { pseudonym: string; passphrase: string; previousSessionHash?: string | null },
): Promise<LoginResult> => {
  const key = throttleKey('login', pseudonymKey(input.pseudonym));
  if (await isLocked(deps.db, key, deps.clock)) throw new RateLimited('login');
  const user = await findUserByPseudonymKey(deps.db, pseudonymKey(input.pseudonym));
  const { verifier, kek } = await derivePassphraseKeys(
    input.passphrase,
    user?.passphrase_salt ?? DUMMY_SALT,
    deps.config.argon2,
  );
  const matches = verifierMatches(verifier, user?.passphrase_verifier ?? DUMMY_VERIFIER);
  if (!user || !matches || user.disabled) {
    await recordFailure(deps.db, key, deps.clock);
    throw new Invalid({ field: '_form', key: 'accounts.errors.badLogin' });
  }
  await clearFailures(deps.db, key);
  // Housekeeping rides on logins: expired sessions and counters do not linger in a seized file.
  await purgeExpiredSessions(deps.db, deps.clock, deps.config);
  await purgeExpiredCounters(deps.db, deps.clock);
  const privateKey = open(kek, user.private_key_sealed, aad.userPrivateKey(user.id));
  // Rotation: whatever session the browser had before is gone; the new id was never seen by anyone.
  if (input.previousSessionHash) await deleteSession(deps.db, input.previousSessionHash);
  const hasTotp = user.totp_secret_sealed !== null;
  const isFamily = user.role === 'family';
  const { cookie } = await createSession(deps.db, {
    userId: user.id,
    privateKey,
    secondFactorDone: isFamily && !hasTotp,
    clock: deps.clock,
  });
  return {
    cookie,
    next: hasTotp ? 'second_factor' : isFamily ? 'done' : 'setup_totp',
    role: user.role as Role,
    organisationId: user.organisation_id,
  };
};

/** Re-checks the passphrase of the logged-in user (before 2FA or passphrase changes). */
export const verifyOwnPassphrase = async (
  deps: AccountsDeps,
  userId: string,
  passphrase: string,
  field = 'passphrase',
) => {
  const key = throttleKey('reauth', userId);
  if (await isLocked(deps.db, key, deps.clock)) throw new RateLimited('reauth');
  const user = await findUserById(deps.db, userId);
  if (!user) throw new Invalid({ field, key: 'accounts.errors.wrongPassphrase' });
  const { verifier } = await derivePassphraseKeys(passphrase, user.passphrase_salt, deps.config.argon2);
  if (!verifierMatches(verifier, user.passphrase_verifier)) {
    await recordFailure(deps.db, key, deps.clock);
    throw new Invalid({ field, key: 'accounts.errors.wrongPassphrase' });
  }
  await clearFailures(deps.db, key);
  return user;
};

/** Re-seals the same private key under a new passphrase; every other session is ended. */
export const changePassphrase = async (
  deps: AccountsDeps,
  session: LoadedSession,
  input: { current: string; next: string },
): Promise<void> => {
  const { auth } = session;
  await verifyOwnPassphrase(deps, auth.userId, input.current, 'current');
  const salt = newSalt();
  const { verifier, kek } = await derivePassphraseKeys(input.next, salt, deps.config.argon2);
  await deps.db.transaction().execute(async (tx) => {
    await updateUser(tx, auth.userId, {
      passphrase_salt: salt,
      passphrase_verifier: verifier,
      private_key_sealed: seal(kek, auth.userPrivateKey, aad.userPrivateKey(auth.userId)),
    });
    await deleteOtherSessions(tx, auth.userId, auth.sessionId);
  });
};

/**
 * A recovery code unwraps the private key and lets the user set a new passphrase. The code is
 * deleted in the same transaction, so it works exactly once.
 */
export const recoverWithCode = async (
  deps: AccountsDeps,
  input: { pseudonym: string; code: string; passphrase: string },
): Promise<LoginResult> => {
  const key = throttleKey('recover', pseudonymKey(input.pseudonym));
  if (await isLocked(deps.db, key, deps.clock)) throw new RateLimited('recover');
  const salt = newSalt();
  const { verifier, kek } = await derivePassphraseKeys(input.passphrase, salt, deps.config.argon2);
  const user = await findUserByPseudonymKey(deps.db, pseudonymKey(input.pseudonym));
  const norm = normaliseRecoveryCode(input.code);
  const code = await findRecoveryCode(deps.db, user?.id ?? '', hashToken(norm));
  if (!user || !code || user.disabled) {
    await recordFailure(deps.db, key, deps.clock);
    throw new Invalid({ field: '_form', key: 'accounts.errors.badRecovery' });
  }
  const privateKey = open(tokenKey(norm, 'recovery'), code.key_sealed, aad.recovery(code.id));
  const used = await deps.db.transaction().execute(async (tx) => {
    if (!(await deleteRecoveryCode(tx, code.id))) return false;
    await updateUser(tx, user.id, {
      passphrase_salt: salt,
      passphrase_verifier: verifier,
      private_key_sealed: seal(kek, privateKey, aad.userPrivateKey(user.id)),
    });
    await deleteUserSessions(tx, user.id);
    return true;
  });
  if (!used) throw new Invalid({ field: '_form', key: 'accounts.errors.badRecovery' });
  await clearFailures(deps.db, key);
  // The paper code is itself something the family has: it stands in for a lost TOTP phone, and
  // /account/2fa (passphrase again) then lets them set up a new one. Staff have no codes.
  const { cookie } = await createSession(deps.db, {
    userId: user.id,
    privateKey,
    secondFactorDone: true,
    clock: deps.clock,
  });
  return { cookie, next: 'done', role: user.role as Role, organisationId: user.organisation_id };
};

export const remainingRecoveryCodes = (deps: AccountsDeps, userId: string): Promise<number> =>
  countRecoveryCodes(deps.db, userId);
