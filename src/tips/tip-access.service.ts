import type { Queryable } from '../db/database.ts';
import { NotFound } from '../shared/errors.ts';
import { organisationPrivateKey } from '../accounts/accounts.service.ts';
import {
  grantTip,
  grantTips,
  tipAbilities,
  type TipAbilities,
  type TipAction,
  type TipFacts,
  type TipGrant,
} from '../policy/tips.policy.ts';
import type { Principal } from '../policy/principal.ts';
import { tipLifecycleFacts, type TipState } from './tip-lifecycle.ts';
import { openForOrganisation } from './tip-keys.ts';
import { findTip, findTipRef } from './tips.repository.ts';
import { isUuid } from '../shared/ids.ts';

// The tips domain asking the policy (src/policy/tips.policy.ts): it reads the few facts the
// policy needs and hands them over; services take the grant, together with the tip key opened
// for the grant's holder — the sender's from their visit, staff's through the organisation key.

export const tipFactsOf = (row: { id: string; organisation_id: string; state: TipState }): TipFacts => ({
  tipId: row.id,
  organisationId: row.organisation_id,
  ...tipLifecycleFacts(row.state),
});

export const authoriseTip = async <A extends TipAction>(
  db: Queryable,
  principal: Principal,
  tipId: string,
  action: A,
): Promise<TipGrant<A>> => {
  if (!isUuid(tipId)) throw new NotFound('tip');
  const row = await findTipRef(db, tipId);
  return grantTip(principal, row && tipFactsOf(row), action);
};

/** Of these rows, those the principal may read (one policy decision each, no query). */
export const readableTips = <R extends { id: string; organisation_id: string; state: TipState }>(
  principal: Principal,
  rows: R[],
): R[] => {
  const allowed = new Set(grantTips(principal, rows.map(tipFactsOf), 'read').map((g) => g.tipId));
  return rows.filter((r) => allowed.has(r.id));
};

/** A grant with the tip key its holder can open. */
export interface TipAccess<A extends TipAction = TipAction> {
  grant: TipGrant<A>;
  key: Buffer;
}

/**
 * The tip key for the grant's holder: the sender brings it from their visit (unwrapped with the
 * receipt code when they came in); staff open the organisation's wrap with the organisation key
 * their session unlocked.
 */
export const openTipAccess = async <A extends TipAction>(
  db: Queryable,
  grant: TipGrant<A>,
  senderKey?: Buffer,
): Promise<TipAccess<A>> => {
  if (grant.side === 'sender') {
    if (!senderKey) throw new NotFound('tip');
    return { grant, key: senderKey };
  }
  const row = await findTip(db, grant.tipId);
  if (!row || !grant.auth) throw new NotFound('tip');
  const orgKey = await organisationPrivateKey(db, grant.auth, grant.organisationId);
  return { grant, key: openForOrganisation(orgKey, grant.tipId, row.key_org_sealed) };
};

/** The page's abilities for the grant's holder, given the tip's state now. */
export const tipAbilitiesFor = (grant: TipGrant, state: TipState): TipAbilities =>
  tipAbilities(grant, tipLifecycleFacts(state));
