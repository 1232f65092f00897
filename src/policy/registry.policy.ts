import { NotFound } from '../shared/errors.ts';
import { maySystem } from './system.policy.ts';
import { accountOf, type AuthContext, type Principal, type StaffRole } from './principal.ts';
import { effectiveRole, isCaseStaff } from './staff-roles.ts';

// The public registry (src/registry/). Reading what is published needs no account: every
// principal, the public included, reads published records and the statistics, and nothing else —
// a record being prepared or withdrawn is "not found", exactly like one that never existed.
// Publishing, correcting, withdrawing and reading relatives' requests belong to those who may
// confirm a fact (a verifier or the organisation admin, as for confirming an event), each only
// for their own organisation's cases and records. Refusals are NotFound.

/** The record states anyone may read. Repositories filter lists by exactly these. */
export const PUBLIC_RECORD_STATES = ['published'] as const;

export interface RecordFacts {
  id: string;
  state: string;
  /** the organisation that published (or prepares) the record */
  organisationId: string;
}

const isPublic = (state: string): boolean => (PUBLIC_RECORD_STATES as readonly string[]).includes(state);

/** Anyone may read the published registry: the public, any account, the system, a tip sender. */
export const mayReadRegistry = (_principal: Principal): boolean => true;

/** The public view of one record, or NotFound (missing, being prepared or withdrawn). */
export const grantPublicRecord = <F extends Pick<RecordFacts, 'state'>>(
  principal: Principal,
  facts: F | undefined,
): F => {
  if (!facts || !mayReadRegistry(principal) || !isPublic(facts.state)) throw new NotFound('record');
  return facts;
};

/** Of a list of records, those the principal may read (one decision each, no queries). */
export const visibleRecords = <F extends Pick<RecordFacts, 'state'>>(principal: Principal, facts: F[]): F[] =>
  mayReadRegistry(principal) ? facts.filter((f) => isPublic(f.state)) : [];

/** Roles that confirm facts, and so may make them public. */
export const PUBLISHING_ROLES: readonly StaffRole[] = ['verifier', 'org_admin'];

export const REGISTRY_ACTIONS = [
  'desk',
  'announce',
  'waive_notice',
  'publish',
  'correct',
  'withdraw',
  'read_requests',
  'handle_request',
] as const;
export type RegistryAction = (typeof REGISTRY_ACTIONS)[number];

declare const grantBrand: unique symbol;

/** Proof that the policy allowed `action` in this organisation's registry work. Only made here. */
export interface RegistryGrant<A extends RegistryAction = RegistryAction> {
  readonly [grantBrand]: true;
  readonly action: A;
  readonly organisationId: string;
  readonly auth: AuthContext;
}

const publisherOf = (principal: Principal): (AuthContext & { organisationId: string }) | null => {
  const auth = accountOf(principal);
  return isCaseStaff(auth) && PUBLISHING_ROLES.includes(effectiveRole(auth) as StaffRole) ? auth : null;
};

/** Whether the principal publishes for some organisation (the menu, the staff desk). */
export const mayPublish = (principal: Principal): boolean => publisherOf(principal) !== null;

/**
 * The grant for one action on a case or record of `organisationId` (undefined: the object does
 * not exist), or NotFound. A caseworker collects claims but does not make them public.
 */
export const grantRegistry = <A extends RegistryAction>(
  principal: Principal,
  organisationId: string | undefined,
  action: A,
): RegistryGrant<A> => {
  const auth = publisherOf(principal);
  if (!auth || !organisationId || auth.organisationId !== organisationId) throw new NotFound('registry');
  return { action, organisationId, auth } as RegistryGrant<A>;
};

/** The staff registry desk of the principal's own organisation. */
export const grantRegistryDesk = (principal: Principal): RegistryGrant<'desk'> =>
  grantRegistry(principal, publisherOf(principal)?.organisationId, 'desk');

/** Records that come without a verifier (the synthetic demo, an operator's import): the system only. */
export const assertSystemRecords = (principal: Principal): void => {
  if (!maySystem(principal, 'demo') && !maySystem(principal, 'import')) throw new NotFound('registry');
};

/** What the staff page of one person's publication offers, given what its lifecycle allows now. */
export interface RegistryAbilities {
  announce: boolean;
  waiveNotice: boolean;
  publish: boolean;
  correct: boolean;
  withdraw: boolean;
}

export const registryAbilities = (
  grant: RegistryGrant | null,
  allowed: { announce: boolean; publish: boolean; correct: boolean; withdraw: boolean },
): RegistryAbilities => ({
  announce: grant !== null && allowed.announce,
  waiveNotice: grant !== null && allowed.announce,
  publish: grant !== null && allowed.publish,
  correct: grant !== null && allowed.correct,
  withdraw: grant !== null && allowed.withdraw,
});
