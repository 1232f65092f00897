import { NotFound } from '../shared/errors.ts';
import { accountOf, type AuthContext, type Principal } from './principal.ts';
import { isCaseStaff } from './staff-roles.ts';

// Cohort boards (issue 11): families whose soldiers share a unit, a colony, a mobilisation wave or
// an incident, who opted in on their case, and their organisation's staff. Nobody else reads a
// board; nobody learns who else is in a cohort, only how many. A family's membership comes only
// from an active case of its own that opted in and belongs to the cohort, while it is not off that
// board; staff of the board's organisation read, post and moderate. A family may choose the name
// it shows on a board; staff have none to choose (families read them as "the organisation"), and
// may reset a family's name to its label (moderation). A family may leave one board, and come back
// on its own; staff may remove a family from a board, and only staff let it back. Deny by
// default, NotFound for missing and forbidden.

export type BoardAction = 'read' | 'post' | 'moderate' | 'name' | 'reset_name' | 'leave' | 'rejoin' | 'remove_family';

const FAMILY_MAY: readonly BoardAction[] = ['read', 'post', 'name', 'leave'];
const STAFF_MAY: readonly BoardAction[] = ['read', 'post', 'moderate', 'reset_name', 'remove_family'];
/**
 * What only a family does on a board (its own name, leaving it, coming back), and what only staff
 * do (moderation, removing a family and letting it back).
 */
type FamilyOnly = 'name' | 'leave' | 'rejoin';
type StaffOnly = 'moderate' | 'reset_name' | 'remove_family';

/** What the cohorts domain reads about a board and the asking account. */
export interface BoardFacts {
  boardId: string;
  organisationId: string;
  /** the asking account's own active, opted-in cases in this cohort, while it is on the board */
  memberCaseIds: string[];
  /**
   * the same cases while the family is off the board because it left on its own (it may come
   * back); empty when it is on the board, or when staff removed it (only staff let it back)
   */
  leftCaseIds: string[];
}

declare const grantBrand: unique symbol;

interface GrantOf<A extends BoardAction> {
  readonly [grantBrand]: true;
  readonly action: A;
  readonly boardId: string;
  readonly organisationId: string;
  readonly auth: AuthContext;
}

/** A family on the board, through one of its opted-in cases. */
export interface FamilyBoardGrant<A extends BoardAction = BoardAction> extends GrantOf<A> {
  readonly side: 'family';
  /** the family's case through which it belongs */
  readonly caseId: string;
}

/** The organisation's case staff on the board. */
export interface StaffBoardGrant<A extends BoardAction = BoardAction> extends GrantOf<A> {
  readonly side: 'staff';
  readonly caseId: null;
}

/**
 * The grant for an action says in its type who holds it: a family for its name, staff for
 * moderation, either for reading and posting. So a service never checks the side again.
 */
export type BoardGrant<A extends BoardAction = BoardAction> = A extends FamilyOnly
  ? FamilyBoardGrant<A>
  : A extends StaffOnly
    ? StaffBoardGrant<A>
    : FamilyBoardGrant<A> | StaffBoardGrant<A>;

export const grantBoard = <A extends BoardAction>(
  principal: Principal,
  facts: BoardFacts | undefined,
  action: A,
): BoardGrant<A> => {
  const auth = accountOf(principal);
  if (!auth || !facts) throw new NotFound('board');
  const base = { action, boardId: facts.boardId, organisationId: facts.organisationId, auth };
  if (auth.role === 'family') {
    // Coming back is for a family off the board by its own choice; all else for one on it.
    const through = action === 'rejoin' ? facts.leftCaseIds : FAMILY_MAY.includes(action) ? facts.memberCaseIds : [];
    if (through.length === 0) throw new NotFound('board');
    return { ...base, side: 'family', caseId: through[0] } as unknown as BoardGrant<A>;
  }
  if (!isCaseStaff(auth) || auth.organisationId !== facts.organisationId || !STAFF_MAY.includes(action))
    throw new NotFound('board');
  return { ...base, side: 'staff', caseId: null } as unknown as BoardGrant<A>;
};

/** Proof that the policy let this account act on all of its organisation's boards at once. */
export interface BoardsGrant {
  readonly [grantBrand]: true;
  readonly organisationId: string;
  readonly auth: AuthContext;
}

/**
 * The organisation's boards as a whole (their list, and handing their keys to the families
 * waiting for them): the organisation's case staff, who may read every one of them.
 */
export const grantBoardsOfOrganisation = (principal: Principal): BoardsGrant => {
  const auth = accountOf(principal);
  if (!isCaseStaff(auth)) throw new NotFound('board');
  return { organisationId: auth.organisationId, auth } as BoardsGrant;
};

/** What a board page may offer; views only read it. */
export interface BoardAbilities {
  post: boolean;
  moderate: boolean;
  /** staff see staff pseudonyms and hidden posts' text; families see neither */
  seeStaffNames: boolean;
  seeHidden: boolean;
  /** a family chooses the name it shows on the board (staff have none there) */
  chooseName: boolean;
  /** staff give a family back its label when the name it chose should not stand */
  resetNames: boolean;
  /** a family leaves the board (its case stays open) */
  leave: boolean;
  /** staff remove a family from the board, and let a removed family back */
  removeFamilies: boolean;
}

export const boardAbilities = (grant: BoardGrant): BoardAbilities => ({
  post: true,
  moderate: grant.side === 'staff',
  seeStaffNames: grant.side === 'staff',
  seeHidden: grant.side === 'staff',
  chooseName: grant.side === 'family',
  resetNames: grant.side === 'staff',
  leave: grant.side === 'family',
  removeFamilies: grant.side === 'staff',
});

/** The facts about a case that opting in needs (read by the cases domain). */
export interface OptInFacts {
  caseId: string;
  requesterUserId: string;
  active: boolean;
}

/** Joining the families of a cohort is the requesting family's own choice, on an active case. */
export const mayOptIn = (principal: Principal, facts: OptInFacts | undefined): boolean => {
  const auth = accountOf(principal);
  return !!facts && auth?.role === 'family' && auth.userId === facts.requesterUserId && facts.active;
};
