import { DAY, HOUR } from '../shared/clock.ts';
import { NotFound } from '../shared/errors.ts';
import { DecryptionFailed, generateKeyPair, hashToken, open, randomToken, seal } from '../shared/crypto/index.ts';
import { principalOf, type AuthContext, type Role, type StaffRole } from '../policy/principal.ts';
import {
  mayAdministerSite,
  mayInviteRole,
  mayManage,
  mayRemoveAccount,
  mayResetAccount,
  type AccountFacts,
} from '../policy/organisation.policy.ts';
import type { Queryable } from '../db/database.ts';
import type { AccountsDeps } from './auth.service.ts';
import { insertUser, findUserById } from './accounts.repository.ts';
import {
  insertOrganisation,
  lockOrganisation,
  organisationPrivateKey,
  wrapOrganisationKeyFor,
} from './accounts.service.ts';
import { rotateInTransaction, type RotationResult } from './org-key-rotation.service.ts';
import { aad, newId, newUserSecrets, tokenKey } from './account-keys.crypto.ts';
import { createSession, deleteUserSessions } from './sessions.service.ts';
import { auditAccountEvent } from './account-audit.service.ts';

// Staff accounts come only from an invite link (or the first administrator). At invite time the
// organisation key is sealed under a key derived from the random token; the invitee's acceptance
// re-wraps it to their new public key. The token is stored only hashed, so a copy of the database
// cannot accept an invite. A lost staff passphrase is handled the same way with a reset link.

const factsOf = (u: { id: string; role: string; organisation_id: string | null; disabled: number }): AccountFacts => ({
  id: u.id,
  role: u.role as Role,
  organisationId: u.organisation_id,
  disabled: u.disabled === 1,
});

export const INVITE_TTL_MS = 72 * HOUR;
export const RESET_TTL_MS = DAY;

export interface IssuedLink {
  token: string;
  expiresAt: string;
}

const issueLink = async (
  tx: Queryable,
  deps: AccountsDeps,
  input: {
    kind: 'invite' | 'reset';
    orgId: string;
    orgPrivateKey: Buffer;
    role: string;
    targetUserId: string | null;
    createdBy: string;
  },
): Promise<IssuedLink> => {
  const id = newId();
  const token = randomToken(32);
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + (input.kind === 'invite' ? INVITE_TTL_MS : RESET_TTL_MS)).toISOString();
  await tx
    .insertInto('invites')
    .values({
      id,
      token_hash: hashToken(token),
      kind: input.kind,
      organisation_id: input.orgId,
      role: input.role,
      target_user_id: input.targetUserId,
      org_key_sealed: seal(tokenKey(token, 'invite'), input.orgPrivateKey, aad.invite(id)),
      created_by: input.createdBy,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      used_at: null,
    })
    .execute();
  return { token, expiresAt };
};

export const createInvite = async (
  deps: AccountsDeps,
  auth: AuthContext,
  input: { organisationId: string; role: StaffRole },
): Promise<IssuedLink> => {
  if (!mayManage(principalOf(auth), input.organisationId) || !mayInviteRole(input.role))
    throw new NotFound('organisation');
  return deps.db.transaction().execute(async (tx) => {
    // Under the organisation's lock, so a link never carries a key a rotation just replaced.
    await lockOrganisation(tx, input.organisationId, 'share');
    const orgPrivateKey = await organisationPrivateKey(tx, auth, input.organisationId);
    const link = await issueLink(tx, deps, {
      kind: 'invite',
      orgId: input.organisationId,
      orgPrivateKey,
      role: input.role,
      targetUserId: null,
      createdBy: auth.userId,
    });
    await auditAccountEvent(tx, {
      actorUserId: auth.userId,
      actorRole: auth.role,
      organisationId: input.organisationId,
      action: 'account.invite_created',
      at: deps.clock.now().toISOString(),
    });
    return link;
  });
};

/** A site admin creates an organisation; the org key goes to them and into the first admin's invite. */
export const createOrganisationWithInvite = async (
  deps: AccountsDeps,
  auth: AuthContext,
  name: string,
): Promise<IssuedLink & { organisationId: string }> => {
  if (!mayAdministerSite(principalOf(auth))) throw new NotFound('organisation');
  const me = await findUserById(deps.db, auth.userId);
  if (!me) throw new NotFound('user');
  return deps.db.transaction().execute(async (tx) => {
    const org = await insertOrganisation(tx, {
      name,
      holder: { id: me.id, publicKey: me.public_key },
      clock: deps.clock,
    });
    const at = deps.clock.now().toISOString();
    await auditAccountEvent(tx, {
      actorUserId: auth.userId,
      actorRole: auth.role,
      organisationId: org.id,
      action: 'organisation.created',
      at,
    });
    const link = await issueLink(tx, deps, {
      kind: 'invite',
      orgId: org.id,
      orgPrivateKey: org.keyPair.privateKey,
      role: 'org_admin',
      targetUserId: null,
      createdBy: auth.userId,
    });
    await auditAccountEvent(tx, {
      actorUserId: auth.userId,
      actorRole: auth.role,
      organisationId: org.id,
      action: 'account.invite_created',
      at,
    });
    return { ...link, organisationId: org.id };
  });
};

export const createResetLink = async (
  deps: AccountsDeps,
  auth: AuthContext,
  targetUserId: string,
): Promise<IssuedLink> => {
  const target = await findUserById(deps.db, targetUserId);
  if (!target || !mayResetAccount(principalOf(auth), factsOf(target))) throw new NotFound('user');
  return deps.db.transaction().execute(async (tx) => {
    await lockOrganisation(tx, target.organisation_id!, 'share');
    const orgPrivateKey = await organisationPrivateKey(tx, auth, target.organisation_id!);
    const link = await issueLink(tx, deps, {
      kind: 'reset',
      orgId: target.organisation_id!,
      orgPrivateKey,
      role: target.role,
      targetUserId: target.id,
      createdBy: auth.userId,
    });
    await auditAccountEvent(tx, {
      actorUserId: auth.userId,
      actorRole: auth.role,
      organisationId: target.organisation_id!,
      action: 'account.reset_created',
      at: deps.clock.now().toISOString(),
    });
    return link;
  });
};

/**
 * Removes a staff member: the account is disabled (the pseudonym stays reserved), their wrap of
 * the organisation key and their sessions are deleted, and the organisation key is rotated in the
 * same transaction (which also revokes every unused link). What they may have copied while
 * trusted cannot be taken back; see docs/threat-model.md.
 */
export const removeStaff = async (
  deps: AccountsDeps,
  auth: AuthContext,
  targetUserId: string,
): Promise<RotationResult> => {
  const target = await findUserById(deps.db, targetUserId);
  if (!target || !mayRemoveAccount(principalOf(auth), factsOf(target))) throw new NotFound('user');
  return deps.db.transaction().execute(async (tx) => {
    // The lock comes first, as in openCase, so the two never wait on each other in opposite order.
    await lockOrganisation(tx, target.organisation_id!, 'update');
    await tx.updateTable('users').set({ disabled: 1 }).where('id', '=', target.id).execute();
    await tx.deleteFrom('organisation_key_wraps').where('user_id', '=', target.id).execute();
    // Their pending reset links, and the unused invites they issued (an informer's accomplices).
    await tx.deleteFrom('invites').where('target_user_id', '=', target.id).execute();
    await tx.deleteFrom('invites').where('created_by', '=', target.id).where('used_at', 'is', null).execute();
    await deleteUserSessions(tx, target.id);
    await auditAccountEvent(tx, {
      actorUserId: auth.userId,
      actorRole: auth.role,
      organisationId: target.organisation_id!,
      action: 'account.removed',
      at: deps.clock.now().toISOString(),
    });
    return rotateInTransaction(tx, deps, auth, target.organisation_id!);
  });
};

/** Revokes an unused invite or reset link: its row (and the org key sealed in it) is deleted. */
export const revokeLink = async (deps: AccountsDeps, auth: AuthContext, inviteId: string): Promise<void> => {
  const row = await deps.db
    .selectFrom('invites')
    .select(['id', 'organisation_id', 'used_at'])
    .where('id', '=', inviteId)
    .executeTakeFirst();
  if (!row || row.used_at !== null || !mayManage(principalOf(auth), row.organisation_id)) throw new NotFound('invite');
  await deps.db.deleteFrom('invites').where('id', '=', row.id).where('used_at', 'is', null).execute();
};

/** A usable link, or NotFound for unknown, used, expired or wrong-kind links alike. */
export const findLink = async (deps: AccountsDeps, token: string, kind: 'invite' | 'reset') => {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw new NotFound('invite');
  const row = await deps.db
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
    .where('invites.token_hash', '=', hashToken(token))
    .executeTakeFirst();
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

/** Marks the link used; false when another request used it first (single use under races). */
const claim = async (tx: Queryable, id: string, now: string): Promise<boolean> =>
  Number(
    (
      await tx
        .updateTable('invites')
        .set({ used_at: now })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .executeTakeFirst()
    ).numUpdatedRows,
  ) === 1;

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
    if (!(await claim(tx, link.id, now))) throw new NotFound('invite');
    await insertUser(tx, secrets, {
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
    if (!(await claim(tx, link.id, now))) throw new NotFound('invite');
    await tx
      .updateTable('users')
      .set({
        public_key: secrets.keyPair.publicKey,
        passphrase_salt: secrets.salt,
        passphrase_verifier: secrets.verifier,
        private_key_sealed: seal(secrets.kek, secrets.keyPair.privateKey, aad.userPrivateKey(userId)),
        totp_secret_sealed: null,
        totp_last_step: null,
      })
      .where('id', '=', userId)
      .execute();
    await tx.deleteFrom('organisation_key_wraps').where('user_id', '=', userId).execute();
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

export const pendingInvites = async (deps: AccountsDeps, orgId: string) =>
  deps.db
    .selectFrom('invites')
    .select(['id', 'kind', 'role', 'expires_at'])
    .where('organisation_id', '=', orgId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', deps.clock.now().toISOString())
    .orderBy('expires_at')
    .execute();

/** The first site administrator (CLI or one-time setup link), optionally with a first organisation. */
export const createSiteAdmin = async (
  deps: AccountsDeps,
  input: { pseudonym: string; passphrase: string; organisationName?: string },
): Promise<{ userId: string; organisationId: string | null; privateKey: Buffer }> => {
  const secrets = await newUserSecrets(input.passphrase, deps.config);
  const now = deps.clock.now().toISOString();
  const organisationId = await deps.db.transaction().execute(async (tx) => {
    const holder = { id: secrets.id, publicKey: secrets.keyPair.publicKey };
    let orgId: string | null = null;
    if (input.organisationName) {
      const org = await insertOrganisation(tx, { name: input.organisationName, holder: null, clock: deps.clock });
      orgId = org.id;
      await insertUser(tx, secrets, { pseudonym: input.pseudonym, role: 'site_admin', organisationId: orgId, now });
      await wrapOrganisationKeyFor(tx, org.id, org.keyPair.privateKey, holder, deps.clock);
      await auditAccountEvent(tx, {
        actorUserId: secrets.id,
        actorRole: 'site_admin',
        organisationId: org.id,
        action: 'organisation.created',
        at: now,
      });
    } else {
      await insertUser(tx, secrets, { pseudonym: input.pseudonym, role: 'site_admin', organisationId: null, now });
    }
    return orgId;
  });
  return { userId: secrets.id, organisationId, privateKey: secrets.keyPair.privateKey };
};
