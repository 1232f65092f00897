import { NotFound } from '../shared/errors.ts';
import { accountOf, type AuthContext, type Principal } from './principal.ts';
import { effectiveRole, isCaseStaff } from './staff-roles.ts';

// Who may work an organisation's person records (issue 11): search them, import lists, review
// the candidates the linkage engine finds, merge and undo, and keep incidents. Only the
// organisation's own case staff, and only its own records: records of two organisations are
// never compared, shown or merged together (docs/matching.md). Deny by default; a refusal is
// NotFound, so nobody learns whether another organisation holds a record.

export const MATCHING_ACTIONS = [
  'search',
  'import',
  'review',
  'decide',
  'decide_unsure',
  'undo',
  'incident_edit',
  'incident_confirm',
] as const;
export type MatchingAction = (typeof MATCHING_ACTIONS)[number];

/**
 * A caseworker may search, import, decide and keep incidents. A pair someone was unsure about,
 * and a fact about an incident that families will be told as confirmed, take a verifier or the
 * organisation admin: as for events, no single caseworker both collects and confirms.
 */
const CONFIRMERS = new Set(['verifier', 'org_admin']);
const needsConfirmer = (action: MatchingAction): boolean => action === 'decide_unsure' || action === 'incident_confirm';

declare const grantBrand: unique symbol;

/** Proof that the policy allowed `action` on this organisation's records to this account. */
export interface MatchingGrant<A extends MatchingAction = MatchingAction> {
  readonly [grantBrand]: true;
  readonly action: A;
  readonly organisationId: string;
  readonly auth: AuthContext;
}

const allowed = (auth: AuthContext | null, action: MatchingAction): auth is AuthContext & { organisationId: string } =>
  isCaseStaff(auth) && (!needsConfirmer(action) || CONFIRMERS.has(effectiveRole(auth)));

/** The grant for `action` within the account's own organisation, or NotFound. */
export const grantMatching = <A extends MatchingAction>(principal: Principal, action: A): MatchingGrant<A> => {
  const auth = accountOf(principal);
  if (!allowed(auth, action)) throw new NotFound('matching');
  return { action, organisationId: auth.organisationId, auth } as MatchingGrant<A>;
};

/**
 * The grant for `action` on an object (a record, a candidate, an import, an incident) held by
 * `organisationId`; a missing object (undefined) and another organisation's look the same.
 */
export const grantMatchingObject = <A extends MatchingAction>(
  principal: Principal,
  organisationId: string | null | undefined,
  action: A,
): MatchingGrant<A> => {
  const grant = grantMatching(principal, action);
  if (!organisationId || organisationId !== grant.organisationId) throw new NotFound('record');
  return grant;
};

/** What matching pages may offer their viewer, decided once; views only read it. */
export interface MatchingAbilities {
  search: boolean;
  import: boolean;
  decide: boolean;
  decideUnsure: boolean;
  undo: boolean;
  editIncidents: boolean;
  confirmFacts: boolean;
}

export const matchingAbilities = (principal: Principal): MatchingAbilities => {
  const auth = accountOf(principal);
  return {
    search: allowed(auth, 'search'),
    import: allowed(auth, 'import'),
    decide: allowed(auth, 'decide'),
    decideUnsure: allowed(auth, 'decide_unsure'),
    undo: allowed(auth, 'undo'),
    editIncidents: allowed(auth, 'incident_edit'),
    confirmFacts: allowed(auth, 'incident_confirm'),
  };
};

/** The system (the command line) imports for an organisation the operator names. */
export const mayImportAsSystem = (principal: Principal): boolean =>
  principal.kind === 'system' && (principal.task === 'import' || principal.task === 'admin_cli');
