import { DAY, HOUR } from '../shared/clock.ts';
import { NotFound } from '../shared/errors.ts';
import { hashToken, randomToken, seal } from '../shared/crypto/index.ts';
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
import { findUserById, updateUser } from './accounts.repository.ts';
import {
  deleteInvitesTargeting,
  deleteUnusedInvite,
  deleteUnusedInvitesIssuedBy,
  findInviteRef,
  insertInvite,
  listPendingInvites,
} from './invites.repository.ts';
import { deleteWrapsOfUser } from './organisations.repository.ts';
import {
  createUser,
  insertOrganisation,
  lockOrganisation,
  organisationPrivateKey,
  organisationsOfUser,
  wrapOrganisationKeyFor,
} from './accounts.service.ts';
import { rotateInTransaction, type RotationResult } from './org-key-rotation.service.ts';
import { aad, newId, newUserSecrets, tokenKey } from './account-keys.crypto.ts';
import { deleteUserSessions } from './sessions.service.ts';
import { auditAccountEvent } from './account-audit.service.ts';

// Staff accounts come only from an invite link (or the first administrator). At invite time the
// organisation key is sealed under a key derived from the random token; the invitee's acceptance
// re-wraps it to their new public key. The token is stored only hashed, so a copy of the database
// cannot accept an invite. A lost staff passphrase is handled the same way with a reset link.
// Issuing and revoking links is here; using them is in invites.service.ts.

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
  await insertInvite(tx, {
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
  });
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
      subjectId: target.id,
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
    await updateUser(tx, target.id, { disabled: 1 });
    await deleteWrapsOfUser(tx, target.id);
    // Their pending reset links, and the unused invites they issued (an informer's accomplices).
    await deleteInvitesTargeting(tx, target.id);
    await deleteUnusedInvitesIssuedBy(tx, target.id);
    await deleteUserSessions(tx, target.id);
    await auditAccountEvent(tx, {
      actorUserId: auth.userId,
      actorRole: auth.role,
      organisationId: target.organisation_id!,
      action: 'account.removed',
      subjectId: target.id,
      at: deps.clock.now().toISOString(),
    });
    return rotateInTransaction(tx, deps, auth, target.organisation_id!);
  });
};

/** Revokes an unused invite or reset link: its row (and the org key sealed in it) is deleted. */
export const revokeLink = async (deps: AccountsDeps, auth: AuthContext, inviteId: string): Promise<void> => {
  const row = await findInviteRef(deps.db, inviteId);
  // Managing an organisation's links takes holding its key, for a site admin too.
  const holdsKey = !!row && (await organisationsOfUser(deps.db, auth.userId)).some((o) => o.id === row.organisation_id);
  if (!row || row.used_at !== null || !mayManage(principalOf(auth), row.organisation_id, holdsKey))
    throw new NotFound('invite');
  await deleteUnusedInvite(deps.db, row.id);
};

export const pendingInvites = async (deps: AccountsDeps, orgId: string) =>
  listPendingInvites(deps.db, orgId, deps.clock.now().toISOString());

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
      await createUser(tx, secrets, { pseudonym: input.pseudonym, role: 'site_admin', organisationId: orgId, now });
      await wrapOrganisationKeyFor(tx, org.id, org.keyPair.privateKey, holder, deps.clock);
      await auditAccountEvent(tx, {
        actorUserId: secrets.id,
        actorRole: 'site_admin',
        organisationId: org.id,
        action: 'organisation.created',
        at: now,
      });
    } else {
      await createUser(tx, secrets, { pseudonym: input.pseudonym, role: 'site_admin', organisationId: null, now });
    }
    return orgId;
  });
  return { userId: secrets.id, organisationId, privateKey: secrets.keyPair.privateKey };
};
