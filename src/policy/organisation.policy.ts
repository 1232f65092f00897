import { NotFound } from '../shared/errors.ts';
import { accountOf, type AuthContext, type Principal, type Role } from './principal.ts';
import { effectiveRole, isCaseStaff } from './staff-roles.ts';

// Who may see an organisation's lists and run it: the queue and search, the audit log, invites,
// reset links, removing staff, rotating the organisation key, creating organisations. Deny by
// default; a refusal is NotFound, so nothing about another organisation is revealed.

declare const grantBrand: unique symbol;

export type OrganisationPurpose = 'queue' | 'audit' | 'manage';

/** Proof that the policy allowed `purpose` in this organisation to this account. */
export interface OrganisationGrant<P extends OrganisationPurpose = OrganisationPurpose> {
  readonly [grantBrand]: true;
  readonly purpose: P;
  readonly organisationId: string;
  readonly auth: AuthContext;
}

const mint = <P extends OrganisationPurpose>(purpose: P, organisationId: string, auth: AuthContext) =>
  ({ purpose, organisationId, auth }) as OrganisationGrant<P>;

/** The queue and search of one's own organisation: case-working roles only. */
export const grantQueue = (principal: Principal): OrganisationGrant<'queue'> => {
  const auth = accountOf(principal);
  if (!isCaseStaff(auth)) throw new NotFound('queue');
  return mint('queue', auth.organisationId, auth);
};

/** The audit log: the organisation admin only (a site admin counts as admin of their own). */
export const grantAuditLog = (principal: Principal): OrganisationGrant<'audit'> => {
  const auth = accountOf(principal);
  if (!auth || effectiveRole(auth) !== 'org_admin' || !auth.organisationId) throw new NotFound('audit');
  return mint('audit', auth.organisationId, auth);
};

/** Org admins manage their own organisation; a site admin any organisation whose key they hold. */
export const mayManage = (principal: Principal, organisationId: string, holdsKey = true): boolean => {
  const auth = accountOf(principal);
  if (!auth || !holdsKey) return false;
  return auth.role === 'site_admin' || (auth.role === 'org_admin' && auth.organisationId === organisationId);
};

export const grantManage = (principal: Principal, organisationId: string, holdsKey = true) => {
  if (!mayManage(principal, organisationId, holdsKey)) throw new NotFound('organisation');
  return mint('manage', organisationId, accountOf(principal)!);
};

/** Of the organisations whose key an account holds, those it may manage (one decision each). */
export const manageableOrganisations = <O extends { id: string }>(principal: Principal, held: O[]): O[] =>
  held.filter((o) => mayManage(principal, o.id));

/** Whether the principal may use the staff pages at all (an admin of some kind). */
export const mayAdministerStaff = (principal: Principal): boolean => {
  const role = accountOf(principal)?.role;
  return role === 'site_admin' || role === 'org_admin';
};

/** Creating organisations and seeing the scheduled jobs: site administrators. */
export const mayAdministerSite = (principal: Principal): boolean => accountOf(principal)?.role === 'site_admin';

export const grantSiteAdmin = (principal: Principal): AuthContext => {
  if (!mayAdministerSite(principal)) throw new NotFound('site');
  return accountOf(principal)!;
};

/** An invite may be for any staff role but site admin (those are made by the first-run link or the CLI). */
export const mayInviteRole = (role: Role): boolean => role !== 'family' && role !== 'site_admin';

export interface AccountFacts {
  id: string;
  role: Role;
  organisationId: string | null;
  disabled: boolean;
}

/**
 * A reset link gives whoever holds it the account and its role, so an organisation admin may
 * not reset a site admin, nobody resets themselves, and families (who have recovery codes) get none.
 */
export const mayResetAccount = (principal: Principal, target: AccountFacts | undefined): boolean => {
  const auth = accountOf(principal);
  if (!auth || !target || target.role === 'family' || !target.organisationId || target.id === auth.userId) return false;
  const outranks = target.role !== 'site_admin' || auth.role === 'site_admin';
  return outranks && mayManage(principal, target.organisationId);
};

/** Removing a staff member: never oneself, never a site admin, never a family account. */
export const mayRemoveAccount = (principal: Principal, target: AccountFacts | undefined): boolean => {
  const auth = accountOf(principal);
  if (!auth || !target || target.disabled || target.role === 'family' || target.role === 'site_admin') return false;
  if (!target.organisationId || target.id === auth.userId) return false;
  return mayManage(principal, target.organisationId);
};

/** Opening a tracing request is what family accounts are for. */
export const grantOpenCase = (principal: Principal): AuthContext => {
  const auth = accountOf(principal);
  if (auth?.role !== 'family') throw new NotFound('case');
  return auth;
};

/** Deleting one's own account with every case: a family's own decision (staff are removed by an admin). */
export const mayEraseOwnAccount = (principal: Principal): boolean => accountOf(principal)?.role === 'family';

export const grantEraseOwnAccount = (principal: Principal): AuthContext => {
  if (!mayEraseOwnAccount(principal)) throw new NotFound('account');
  return accountOf(principal)!;
};
