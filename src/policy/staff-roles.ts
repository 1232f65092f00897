import type { AuthContext, Role, StaffRole } from './principal.ts';

// Which staff role counts for what. One place, so no page or service keeps its own list.

/** Staff roles that work cases. Editors write guides: they do not need families' stories, so
 * they do not see them (least privilege). */
export const CASE_ROLES: readonly StaffRole[] = ['caseworker', 'verifier', 'org_admin'];

/**
 * The role that counts inside an organisation. A site admin who belongs to an organisation holds
 * its key and acts as its admin; one outside any organisation has no organisation role at all.
 */
export const effectiveRole = (auth: Pick<AuthContext, 'role' | 'organisationId'>): Role =>
  auth.role === 'site_admin' && auth.organisationId ? 'org_admin' : auth.role;

/** A staff member who may work this organisation's cases: right role, 2FA done, in an org. */
export const isCaseStaff = (auth: AuthContext | null): auth is AuthContext & { organisationId: string } =>
  auth !== null &&
  CASE_ROLES.includes(effectiveRole(auth) as StaffRole) &&
  auth.secondFactorDone &&
  auth.organisationId !== null;

/** Whether a member of staff with this role may be assigned cases. */
export const worksCases = (role: Role): boolean => CASE_ROLES.includes(role as StaffRole);
