import { NotFound } from '../shared/errors.ts';
import { accountOf, type AuthContext, type Principal } from './principal.ts';
import { effectiveRole, isCaseStaff } from './staff-roles.ts';

// Who may do what with a case. Deny by default: an action is allowed only when WHO names the
// holder's side of the case. A refusal is NotFound, never Forbidden, so nobody learns whether a
// case id exists. The cases domain reads the facts (one query, or one for a whole list) and asks
// here; services take the resulting grant, so a service call cannot happen without a check.
// Whether the case's state allows the action is the lifecycle's question (cases/case-lifecycle.ts);
// the abilities handed to pages combine both.

export const CASE_ACTIONS = [
  'read',
  'message',
  'add_event',
  'edit',
  // The family's own account of when and how they last heard from him, corrected on the edit form.
  'correct_last_contact',
  'withdraw',
  // Removing a file attached to the case (a wrong photo, one showing more than it should).
  'remove_file',
  'assign',
  'note',
  'close',
  'reopen',
  'verify',
  'choose_publication',
  // A change of level that sets the status to a death, a capture or a detention, or that
  // counts a death: made on a page with the sources, the open discrepancies and a reason.
  'confirm',
  // Correcting a mistaken level, down as well as up, with a reason.
  'revise',
  // Settling a discrepancy with a reason: which version is set aside, or that both stand.
  'resolve',
  'erase',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** The two sides of a case: the requesting family and the organisation's case staff. */
export type CaseSide = 'family' | 'staff';

const WHO: Record<CaseAction, readonly CaseSide[]> = {
  read: ['family', 'staff'],
  message: ['family', 'staff'],
  add_event: ['family', 'staff'],
  edit: ['family', 'staff'],
  // What the family told of its last contact is the family's word: staff who learn otherwise add
  // an event of their own, with its source, rather than rewrite hers.
  correct_last_contact: ['family'],
  // Withdrawing is the requester's own decision: staff close a case instead, with their reason.
  withdraw: ['family'],
  // Deleting the case with the account is the requester's alone too (case-erasure.service.ts).
  erase: ['family'],
  // Either side, but only a file it added itself (mayRemoveFile).
  remove_file: ['family', 'staff'],
  assign: ['staff'],
  note: ['staff'],
  close: ['staff'],
  reopen: ['staff'],
  verify: ['staff'],
  // Whether the public registry may show the person is the requesting family's own choice.
  choose_publication: ['family'],
  confirm: ['staff'],
  revise: ['staff'],
  resolve: ['staff'],
};

/**
 * Actions that also need a verifier's role (a verifier, the organisation admin): correcting a
 * level and settling a discrepancy are judgements on evidence, kept apart from the caseworker
 * who collects it, as confirming is (maxVerificationFor).
 */
const VERIFIERS_ONLY: ReadonlySet<CaseAction> = new Set(['revise', 'resolve']);

/** What the policy needs to know about a case, read by the cases domain. */
export interface CaseFacts {
  caseId: string;
  organisationId: string;
  requesterUserId: string;
  personId: string;
  /** the lifecycle says the case takes new work (open, or waiting on the family) */
  active: boolean;
  /** the lifecycle says the case has ended and may be reopened (closed or withdrawn) */
  reopenable: boolean;
}

declare const grantBrand: unique symbol;

/** Proof that the policy allowed `action` on this case to this account. Only made here. */
export interface CaseGrant<A extends CaseAction = CaseAction> {
  readonly [grantBrand]: true;
  readonly action: A;
  readonly caseId: string;
  readonly organisationId: string;
  readonly personId: string;
  readonly requesterUserId: string;
  readonly side: CaseSide;
  readonly auth: AuthContext;
}

const sideOf = (principal: Principal, f: CaseFacts): { side: CaseSide; auth: AuthContext } | null => {
  const auth = accountOf(principal);
  if (!auth) return null;
  if (auth.role === 'family') return auth.userId === f.requesterUserId ? { side: 'family', auth } : null;
  return isCaseStaff(auth) && auth.organisationId === f.organisationId ? { side: 'staff', auth } : null;
};

const mint = <A extends CaseAction>(f: CaseFacts, action: A, side: CaseSide, auth: AuthContext): CaseGrant<A> =>
  ({
    action,
    caseId: f.caseId,
    organisationId: f.organisationId,
    personId: f.personId,
    requesterUserId: f.requesterUserId,
    side,
    auth,
  }) as CaseGrant<A>;

const may = (holder: { side: CaseSide; auth: AuthContext }, action: CaseAction): boolean =>
  WHO[action].includes(holder.side) && (!VERIFIERS_ONLY.has(action) || maxVerificationFor(holder) === 'confirmed');

/** The grant for one action on one case, or NotFound. */
export const grantCase = <A extends CaseAction>(principal: Principal, facts: CaseFacts | undefined, action: A) => {
  const holder = facts && sideOf(principal, facts);
  if (!facts || !holder || !may(holder, action)) throw new NotFound('case');
  return mint(facts, action, holder.side, holder.auth);
};

/** The cases of a list the principal may take `action` on (one decision per fact, no queries). */
export const grantCases = <A extends CaseAction>(principal: Principal, facts: CaseFacts[], action: A) =>
  facts.flatMap((f) => {
    const holder = sideOf(principal, f);
    return holder && may(holder, action) ? [mint(f, action, holder.side, holder.auth)] : [];
  });

/**
 * Whether the holder may remove this attached file: each side removes only what it added. A
 * family's photo is her own account, not the organisation's to take away; a scan staff attached
 * is the organisation's record, not the family's to delete. A file of the other side is not found.
 */
export const mayRemoveFile = (grant: CaseGrant, file: { fromFamily: boolean }): boolean =>
  may(grant, 'remove_file') && file.fromFamily === (grant.side === 'family');

/** Whether the grant's holder may also take `action` on the same case (a part of a form only some may use). */
export const mayAlso = (grant: CaseGrant, action: CaseAction): boolean => may(grant, action);

/**
 * A grant for another action on the same case, for a service that learns only while working that
 * the change needs it (an event that turns out to set a death needs 'confirm'), or NotFound.
 */
export const extendGrant = <A extends CaseAction>(grant: CaseGrant, action: A): CaseGrant<A> => {
  if (!may(grant, action)) throw new NotFound('case');
  return { ...grant, action } as CaseGrant<A>;
};

export type VerificationLevel = 'reported' | 'corroborated' | 'confirmed';

/**
 * The highest verification level the holder may set. Families only report. A caseworker, who
 * talks with the family, may corroborate; confirming takes a verifier or the organisation
 * admin, so no single caseworker both collects and confirms a claim.
 */
export const maxVerificationFor = (grant: Pick<CaseGrant, 'side' | 'auth'>): VerificationLevel => {
  if (grant.side === 'family') return 'reported';
  return effectiveRole(grant.auth) === 'caseworker' ? 'corroborated' : 'confirmed';
};

/** Everything a case page may offer its viewer, decided once here; views only read it. */
export interface CaseAbilities {
  /** which side's wording the page speaks in (a choice of words, not of access) */
  voice: CaseSide;
  message: boolean;
  addEvent: boolean;
  edit: boolean;
  withdraw: boolean;
  /** remove a file its own side attached (mayRemoveFile decides per file) */
  removeFile: boolean;
  assign: boolean;
  note: boolean;
  seeNotes: boolean;
  seeAssignee: boolean;
  close: boolean;
  reopen: boolean;
  verify: boolean;
  /** change a level on the confirmation page (with sources, discrepancies and a reason) */
  confirm: boolean;
  /** correct a level, down too, with a reason */
  revise: boolean;
  /** settle a discrepancy with a reason */
  resolve: boolean;
  /** see the history of levels and the reasons written by staff */
  seeLevelHistory: boolean;
  maxVerification: VerificationLevel;
  /** the family's "do not publish" choice: kept open whatever the case's state (a consent, not work) */
  choosePublication: boolean;
}

/** The abilities of a grant's holder on its case, given what the lifecycle says of its state. */
export const caseAbilities = (grant: CaseGrant, facts: Pick<CaseFacts, 'active' | 'reopenable'>): CaseAbilities => {
  const { side } = grant;
  const working = (action: CaseAction) => may(grant, action) && facts.active;
  return {
    voice: side,
    message: working('message'),
    addEvent: working('add_event'),
    edit: working('edit'),
    withdraw: working('withdraw'),
    removeFile: working('remove_file'),
    assign: working('assign'),
    note: working('note'),
    seeNotes: side === 'staff',
    seeAssignee: side === 'staff',
    close: working('close'),
    reopen: may(grant, 'reopen') && facts.reopenable,
    verify: working('verify'),
    confirm: working('confirm'),
    revise: working('revise'),
    resolve: working('resolve'),
    seeLevelHistory: side === 'staff',
    maxVerification: maxVerificationFor(grant),
    choosePublication: may(grant, 'choose_publication'),
  };
};
