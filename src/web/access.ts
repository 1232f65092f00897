import type { Queryable } from '../db/database.ts';
import { NotFound } from '../shared/errors.ts';
import type { Verification } from '../cases/timeline.ts';
import { caseRef, eventCaseId } from '../cases/cases.service.ts';
import type { AuthContext, StaffRole } from './auth-context.ts';

// Every object-level decision about cases lives here. Deny by default: a rule must say yes.
// A refusal is NotFound, never Forbidden, so nobody can learn whether a case id exists.
// Routes call these before the service; services take the resulting grant, so a service
// call cannot be made without a check having been made.

/** Staff roles that work cases. Editors write guides: they do not need families' stories, so
 * they do not see them (least privilege). */
export const CASE_ROLES: readonly StaffRole[] = ['caseworker', 'verifier', 'org_admin'];

export type CaseAction = 'read' | 'message' | 'add_event' | 'edit' | 'withdraw' | 'work' | 'verify';

declare const grantBrand: unique symbol;

export interface CaseGrant {
  readonly [grantBrand]: true;
  readonly caseId: string;
  readonly organisationId: string;
  readonly personId: string;
  readonly requesterUserId: string;
  readonly viewer: 'family' | 'staff';
  readonly auth: AuthContext;
}

export interface OrganisationGrant {
  readonly [grantBrand]: true;
  readonly organisationId: string;
  readonly auth: AuthContext;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The role that counts for cases. A site admin who belongs to an organisation holds its key
 * and acts as its admin (the accounts guards make the same choice); one outside any
 * organisation has no role here at all.
 */
export const caseRole = (auth: AuthContext): AuthContext['role'] =>
  auth.role === 'site_admin' && auth.organisationId ? 'org_admin' : auth.role;

/** A staff member who may work this organisation's cases: right role, 2FA done, in an org. */
export const isCaseStaff = (auth: AuthContext | null): auth is AuthContext & { organisationId: string } =>
  auth !== null &&
  (CASE_ROLES as string[]).includes(caseRole(auth)) &&
  auth.secondFactorDone &&
  auth.organisationId !== null;

const FAMILY_ACTIONS: ReadonlySet<CaseAction> = new Set(['read', 'message', 'add_event', 'edit', 'withdraw']);
/** Withdrawing is the requester's own decision: staff close a case instead, with their reason. */
const FAMILY_ONLY_ACTIONS: ReadonlySet<CaseAction> = new Set(['withdraw']);

export const authoriseCase = async (
  db: Queryable,
  auth: AuthContext | null,
  caseId: string,
  action: CaseAction,
): Promise<CaseGrant> => {
  if (!auth || !UUID_RE.test(caseId)) throw new NotFound('case');
  const ref = await caseRef(db, caseId);
  if (!ref) throw new NotFound('case');
  let viewer: CaseGrant['viewer'] | null = null;
  if (auth.role === 'family' && ref.requesterUserId === auth.userId && FAMILY_ACTIONS.has(action)) viewer = 'family';
  else if (isCaseStaff(auth) && auth.organisationId === ref.organisationId && !FAMILY_ONLY_ACTIONS.has(action))
    viewer = 'staff';
  if (!viewer) throw new NotFound('case');
  return {
    caseId,
    organisationId: ref.organisationId,
    personId: ref.personId,
    requesterUserId: ref.requesterUserId,
    viewer,
    auth,
  } as CaseGrant;
};

/** The case an event belongs to, checked as for the case itself. */
export const authoriseEvent = async (
  db: Queryable,
  auth: AuthContext | null,
  eventId: string,
  action: CaseAction,
): Promise<CaseGrant> => {
  if (!auth || !UUID_RE.test(eventId)) throw new NotFound('event');
  const caseId = await eventCaseId(db, eventId);
  if (!caseId) throw new NotFound('event');
  return authoriseCase(db, auth, caseId, action);
};

/** Lists and searches: only the staff member's own organisation, only case-working roles. */
export const authoriseQueue = (auth: AuthContext | null): OrganisationGrant => {
  if (!isCaseStaff(auth)) throw new NotFound('queue');
  return { organisationId: auth.organisationId, auth } as OrganisationGrant;
};

/** The audit log: the organisation admin only. */
export const authoriseAuditLog = (auth: AuthContext | null): OrganisationGrant => {
  if (!auth || caseRole(auth) !== 'org_admin' || !auth.secondFactorDone || !auth.organisationId)
    throw new NotFound('audit');
  return { organisationId: auth.organisationId, auth } as OrganisationGrant;
};

/** Opening a tracing request is what family accounts are for. */
export const authoriseOpenCase = (auth: AuthContext | null): AuthContext => {
  if (auth?.role !== 'family') throw new NotFound('case');
  return auth;
};

/**
 * The highest verification level a viewer may set. Families only report. A caseworker, who
 * talks with the family, may corroborate; confirming takes a verifier or the organisation
 * admin, so no single caseworker both collects and confirms a claim.
 */
export const maxVerificationFor = (grant: CaseGrant): Verification => {
  if (grant.viewer === 'family') return 'reported';
  return caseRole(grant.auth) === 'caseworker' ? 'corroborated' : 'confirmed';
};
