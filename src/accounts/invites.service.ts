import { NotFound } from '../shared/errors.ts';
import { DecryptionFailed, generateKeyPair, hashToken, open, seal } from '../shared/crypto/index.ts';
import type { StaffRole } from '../policy/principal.ts';
import type { AccountsDeps } from './auth.service.ts';
import { updateUser } from './accounts.repository.ts';
import { claimInvite, findInviteByTokenHash } from './invites.repository.ts';
import { deleteWrapsOfUser } from './organisations.repository.ts';
import { createUser, lockOrganisation, wrapOrganisationKeyFor } from './accounts.service.ts';
import { aad, newUserSecrets, tokenKey } from './account-keys.crypto.ts';
import { createSession, deleteUserSessions } from './sessions.service.ts';
import { auditAccountEvent } from './account-audit.service.ts';

// The invitee's side of an invite or reset link (staff.service.ts issues them). The link holds
// the organisation key sealed under a key derived from its token; accepting re-wraps it to the
// account's new public key. Only the token's hash is stored, so a copy of the database cannot
// accept a link, and each link works once.

/** A usable link, or NotFound for unknown, used, expired or wrong-kind links alike. */
export const findLink = async (deps: AccountsDeps, token: string, kind: 'invite' | 'reset') => {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw new NotFound('invite');
  const row = await findInviteByTokenHash(deps.db, hashToken(token));
  if (!row || row.kind !== kind || row.used_at !== null || row.expires_at <= deps.clock.now().toISOString())
    throw new NotFound('invite');
  return row;
};

const openOrgKey = (token: string, row: { id: string; org_key_sealed: string }): Buffer => {
  try {
    return open(tokenKey(token, 'invite'), row.org_key_sealed, aad.invite(row.id));
  } catch (err) {
    if (err instanceof DecryptionFailed) throw new NotFound('invite');
    throw err;
  }
};

export const acceptInvite = async (
  deps: AccountsDeps,
  token: string,
  input: { pseudonym: string; passphrase: string },
): Promise<{ cookie: string; userId: string }> => {
  const link = await findLink(deps, token, 'invite');
  const orgPrivateKey = openOrgKey(token, link);
  const secrets = await newUserSecrets(input.passphrase, deps.config);
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    // A rotation that committed since findLink deleted the link (claim fails); one that has not
    // started waits for this newcomer and then re-wraps to them too.
    await lockOrganisation(tx, link.organisation_id, 'share');
    if (!(await claimInvite(tx, link.id, now))) throw new NotFound('invite');
    await createUser(tx, secrets, {
      pseudonym: input.pseudonym,
      role: link.role as StaffRole,
      organisationId: link.organisation_id,
      now,
    });
    await wrapOrganisationKeyFor(
      tx,
      link.organisation_id,
      orgPrivateKey,
      { id: secrets.id, publicKey: secrets.keyPair.publicKey },
      deps.clock,
    );
    await auditAccountEvent(tx, {
      actorUserId: secrets.id,
      actorRole: link.role,
      organisationId: link.organisation_id,
      action: 'account.invite_accepted',
      at: now,
    });
  });
  const { cookie } = await createSession(deps.db, {
    userId: secrets.id,
    privateKey: secrets.keyPair.privateKey,
    secondFactorDone: false,
    clock: deps.clock,
  });
  return { cookie, userId: secrets.id };
};

/**
 * The old private key is lost with the passphrase, so the account gets a new key pair; the org
 * key comes from the link. The old TOTP secret was sealed to the old key: 2FA is set up again.
 */
export const acceptReset = async (
  deps: AccountsDeps,
  token: string,
  input: { passphrase: string },
): Promise<{ cookie: string; userId: string }> => {
  const link = await findLink(deps, token, 'reset');
  if (!link.target_user_id) throw new NotFound('invite');
  const userId = link.target_user_id;
  const orgPrivateKey = openOrgKey(token, link);
  const secrets = await newUserSecrets(input.passphrase, deps.config, generateKeyPair());
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    await lockOrganisation(tx, link.organisation_id, 'share');
    if (!(await claimInvite(tx, link.id, now))) throw new NotFound('invite');
    await updateUser(tx, userId, {
      public_key: secrets.keyPair.publicKey,
      passphrase_salt: secrets.salt,
      passphrase_verifier: secrets.verifier,
      private_key_sealed: seal(secrets.kek, secrets.keyPair.privateKey, aad.userPrivateKey(userId)),
      totp_secret_sealed: null,
      totp_last_step: null,
    });
    await deleteWrapsOfUser(tx, userId);
    await wrapOrganisationKeyFor(
      tx,
      link.organisation_id,
      orgPrivateKey,
      { id: userId, publicKey: secrets.keyPair.publicKey },
      deps.clock,
    );
    await deleteUserSessions(tx, userId);
    await auditAccountEvent(tx, {
      actorUserId: userId,
      actorRole: link.role,
      organisationId: link.organisation_id,
      action: 'account.reset_used',
      at: now,
    });
  });
  const { cookie } = await createSession(deps.db, {
    userId,
    privateKey: secrets.keyPair.privateKey,
    secondFactorDone: false,
    clock: deps.clock,
  });
  return { cookie, userId };
};
