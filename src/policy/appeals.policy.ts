import { NotFound } from '../shared/errors.ts';
import { grantCase, type CaseFacts, type CaseSide } from './case.policy.ts';
import { accountOf, type AuthContext, type Principal } from './principal.ts';
import { effectiveRole, isCaseStaff } from './staff-roles.ts';

// Who may do what with appeals, the directory of authorities, the letter templates and the guides.
// An appeal belongs to a case: its two sides (the requesting family and the organisation's case
// staff) are the case's, so the case policy decides the side and this file what each side may
// do. Deny by default; a refusal is NotFound, for a missing appeal and a forbidden one alike.
// Editors write the directory, the templates and the guides; they never see a case (least
// privilege: src/policy/staff-roles.ts), so they never see an appeal either.

export const APPEAL_ACTIONS = ['read', 'write', 'print', 'sign', 'original'] as const;
export type AppealAction = (typeof APPEAL_ACTIONS)[number];

const WHO: Record<AppealAction, readonly CaseSide[]> = {
  read: ['family', 'staff'],
  // drafting, sending, recording notices and answers with their scans, closing
  write: ['family', 'staff'],
  print: ['family', 'staff'],
  // a collective appeal is signed by each family in its own account, never by staff for it
  sign: ['family'],
  // the kept original of a scan (evidence): verifiers and the organisation admin only
  original: ['staff'],
};

declare const grantBrand: unique symbol;

/** Proof that the policy allowed `action` on the appeals of one case. Only made here. */
export interface AppealGrant<A extends AppealAction = AppealAction> {
  readonly [grantBrand]: true;
  readonly action: A;
  readonly caseId: string;
  readonly organisationId: string;
  readonly requesterUserId: string;
  readonly side: CaseSide;
  readonly auth: AuthContext;
  /** the case takes new work (the lifecycle says open or waiting): new appeals need it */
  readonly caseActive: boolean;
}

const ORIGINAL_ROLES = ['verifier', 'org_admin'];

/** The grant for `action` on the appeals of a case, or NotFound. */
export const grantAppeal = <A extends AppealAction>(
  principal: Principal,
  facts: CaseFacts | undefined,
  action: A,
): AppealGrant<A> => {
  const caseGrant = grantCase(principal, facts, 'read');
  if (!WHO[action].includes(caseGrant.side)) throw new NotFound('appeal');
  if (action === 'original' && !ORIGINAL_ROLES.includes(effectiveRole(caseGrant.auth))) throw new NotFound('appeal');
  return {
    action,
    caseId: caseGrant.caseId,
    organisationId: caseGrant.organisationId,
    requesterUserId: caseGrant.requesterUserId,
    side: caseGrant.side,
    auth: caseGrant.auth,
    caseActive: facts!.active,
  } as AppealGrant<A>;
};

/** Of a list of cases, those whose appeals the principal may read (one decision each). */
export const readableAppealCases = (principal: Principal, facts: CaseFacts[]): string[] =>
  facts.flatMap((f) => {
    try {
      return [grantAppeal(principal, f, 'read').caseId];
    } catch {
      return [];
    }
  });

/** What the appeal page may offer, decided once here; views only read it. */
export interface AppealAbilities {
  voice: CaseSide;
  write: boolean;
  print: boolean;
  sign: boolean;
  original: boolean;
}

export const appealAbilities = (grant: AppealGrant, caseActive: boolean): AppealAbilities => {
  const can = (a: AppealAction) =>
    WHO[a].includes(grant.side) && (a !== 'original' || ORIGINAL_ROLES.includes(effectiveRole(grant.auth)));
  return {
    voice: grant.side,
    // A closed case's appeals can be read and printed, not changed.
    write: can('write') && caseActive,
    print: can('print'),
    sign: can('sign') && caseActive,
    original: can('original'),
  };
};

/** The organisation's list of overdue and due appeals: the case-working staff. */
export const grantAppealQueue = (principal: Principal): AuthContext & { organisationId: string } => {
  const auth = accountOf(principal);
  if (!isCaseStaff(auth)) throw new NotFound('appeals');
  return auth;
};

/** Writing the directory of authorities, the letter templates and the guides. */
export const mayEdit = (principal: Principal): boolean => {
  const role = accountOf(principal)?.role;
  return role === 'editor' || role === 'site_admin';
};

export const grantEditor = (principal: Principal): AuthContext => {
  if (!mayEdit(principal)) throw new NotFound('editor');
  return accountOf(principal)!;
};
