import type { Tx } from '../db/database.ts';
import { NotFound } from '../shared/errors.ts';
import { generateKeyPair, publicKeyOf } from '../shared/crypto/index.ts';
import { principalOf, type AuthContext } from '../policy/principal.ts';
import { mayManage } from '../policy/organisation.policy.ts';
import { resealOrganisationCaseKeys } from '../cases/case-keys.ts';
import { resealImportKeys } from '../imports/import-keys.ts';
import { resealCohortKeys } from '../cohorts/cohort-keys.ts';
import { resealTipMatchKeys } from '../matching/tip-matches.service.ts';
import { resealOrganisationRequests } from '../registry/registry-keys.ts';
import { resealOrganisationTipKeys } from '../tips/tip-keys.service.ts';
import type { AccountsDeps } from './auth.service.ts';
import { lockOrganisation, organisationPrivateKey, wrapOrganisationKeyFor } from './accounts.service.ts';
import { auditAccountEvent } from './account-audit.service.ts';
import { deleteOrganisationWrap, listWrapHolders, setOrganisationPublicKey } from './organisations.repository.ts';
import { deleteUnusedInvitesOfOrganisation } from './invites.repository.ts';

// Organisation key rotation. Removing a staff member deletes their copy of the organisation key,
// but whoever kept an old database copy and their own passphrase could still open that copy, and
// with it every case key sealed to the organisation's public key — also of cases opened later.
// A new key pair ends that for the live database: every case key is re-sealed to the new public
// key and the new private key is sealed to each remaining staff member. A copy taken before the
// rotation still opens what it held then (docs/threat-model.md §7, §12).

export interface RotationResult {
  cases: number;
  holders: number;
  revokedLinks: number;
}

/**
 * Rotates inside the caller's transaction (removal rotates in its own, so a removal never commits
 * without its rotation). The organisation row is locked first: cases being opened, links being
 * issued or accepted wait, and cases that committed before the lock are re-sealed here.
 */
export const rotateInTransaction = async (
  tx: Tx,
  deps: AccountsDeps,
  auth: AuthContext,
  orgId: string,
): Promise<RotationResult> => {
  const currentPublic = await lockOrganisation(tx, orgId, 'update');
  // Read after the lock: a rotation that committed meanwhile replaced this admin's wrap.
  const oldPrivate = await organisationPrivateKey(tx, auth, orgId);
  // A wrap out of step with the public key would re-seal to the wrong key: refuse instead.
  if (publicKeyOf(oldPrivate) !== currentPublic) throw new NotFound('organisation key');
  const next = generateKeyPair();
  const cases = await resealOrganisationCaseKeys(tx, orgId, oldPrivate, next.publicKey);
  // Keys other domains sealed to the organisation go with it (issue 11).
  await resealImportKeys(tx, orgId, oldPrivate, next.publicKey);
  await resealCohortKeys(tx, orgId, oldPrivate, next.publicKey);
  await resealTipMatchKeys(tx, orgId, oldPrivate, next.publicKey);
  // Relatives' requests to the public registry are sealed to the organisation key too.
  await resealOrganisationRequests(tx, orgId, oldPrivate, next.publicKey);
  await resealOrganisationTipKeys(tx, orgId, oldPrivate, next.publicKey);

  const holders = await listWrapHolders(tx, orgId);
  let kept = 0;
  for (const h of holders) {
    if (h.disabled) {
      // A disabled account keeps no copy, old or new.
      await deleteOrganisationWrap(tx, orgId, h.id);
    } else {
      // Replaces the wrap: their sessions read the current wrap at each request and go on working.
      await wrapOrganisationKeyFor(tx, orgId, next.privateKey, { id: h.id, publicKey: h.public_key }, deps.clock);
      kept++;
    }
  }

  // Unused links hold the old key under a key derived from their token, and only the token's
  // hash is stored: they cannot be re-sealed, so they are revoked (the admin page says so).
  const revokedLinks = await deleteUnusedInvitesOfOrganisation(tx, orgId);
  await setOrganisationPublicKey(tx, orgId, next.publicKey);
  await auditAccountEvent(tx, {
    actorUserId: auth.userId,
    actorRole: auth.role,
    organisationId: orgId,
    action: 'organisation.key_rotated',
    at: deps.clock.now().toISOString(),
  });
  return { cases, holders: kept, revokedLinks };
};

/** The "replace the organisation key" button of the admin page. */
export const rotateOrganisationKey = async (
  deps: AccountsDeps,
  auth: AuthContext,
  orgId: string,
): Promise<RotationResult> => {
  if (!mayManage(principalOf(auth), orgId)) throw new NotFound('organisation');
  return deps.db.transaction().execute((tx) => rotateInTransaction(tx, deps, auth, orgId));
};
