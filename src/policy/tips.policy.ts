import { NotFound } from '../shared/errors.ts';
import { accountOf, type AuthContext, type Principal } from './principal.ts';
import { isCaseStaff } from './staff-roles.ts';

// Who may do what with an anonymous tip. Two sides: the sender, who holds the receipt code (a
// `tip_sender` principal for that one tip, made only after the code was checked), and the case
// staff of the organisation the sender chose. Nobody else — no family, no editor, no other
// organisation, no site admin outside it — learns that a tip exists: every refusal is NotFound.
// Sending a tip needs no account and makes no link to one.

export const TIP_ACTIONS = ['read', 'add', 'delete', 'reply', 'attach', 'close', 'reopen'] as const;
export type TipAction = (typeof TIP_ACTIONS)[number];

export type TipSide = 'sender' | 'staff';

const WHO: Record<TipAction, readonly TipSide[]> = {
  read: ['sender', 'staff'],
  // Only the sender adds to their own tip or deletes it; staff answer, use, close and reopen it.
  add: ['sender'],
  delete: ['sender'],
  reply: ['staff'],
  attach: ['staff'],
  close: ['staff'],
  reopen: ['staff'],
};

/** What the policy needs to know about a tip, read by the tips domain. */
export interface TipFacts {
  tipId: string;
  organisationId: string;
  /** the lifecycle says the tip is new or in progress */
  open: boolean;
  /** the lifecycle says the tip is closed (it may be reopened) */
  closed: boolean;
}

declare const grantBrand: unique symbol;

/** Proof that the policy allowed `action` on this tip to this principal. Only made here. */
export interface TipGrant<A extends TipAction = TipAction> {
  readonly [grantBrand]: true;
  readonly action: A;
  readonly tipId: string;
  readonly organisationId: string;
  readonly side: TipSide;
  /** the staff member's account; null for the sender, who has none */
  readonly auth: AuthContext | null;
}

const sideOf = (principal: Principal, f: TipFacts): { side: TipSide; auth: AuthContext | null } | null => {
  if (principal.kind === 'tip_sender') return principal.tipId === f.tipId ? { side: 'sender', auth: null } : null;
  const auth = accountOf(principal);
  return isCaseStaff(auth) && auth.organisationId === f.organisationId ? { side: 'staff', auth } : null;
};

const mint = <A extends TipAction>(f: TipFacts, action: A, side: TipSide, auth: AuthContext | null) =>
  ({ action, tipId: f.tipId, organisationId: f.organisationId, side, auth }) as TipGrant<A>;

/** The grant for one action on one tip, or NotFound (for a missing tip exactly as for a forbidden one). */
export const grantTip = <A extends TipAction>(principal: Principal, facts: TipFacts | undefined, action: A) => {
  const holder = facts && sideOf(principal, facts);
  if (!facts || !holder || !WHO[action].includes(holder.side)) throw new NotFound('tip');
  return mint(facts, action, holder.side, holder.auth);
};

/** The tips of a list the principal may take `action` on (one decision per fact, no queries). */
export const grantTips = <A extends TipAction>(principal: Principal, facts: TipFacts[], action: A) =>
  facts.flatMap((f) => {
    const holder = sideOf(principal, f);
    return holder && WHO[action].includes(holder.side) ? [mint(f, action, holder.side, holder.auth)] : [];
  });

declare const queueBrand: unique symbol;

/** Proof that the policy allowed this staff member the tips of their organisation. */
export interface TipQueueGrant {
  readonly [queueBrand]: true;
  readonly organisationId: string;
  readonly auth: AuthContext;
}

/** The organisation's tips: its case staff (as for the case queue), nobody else. */
export const grantTipQueue = (principal: Principal): TipQueueGrant => {
  const auth = accountOf(principal);
  if (!isCaseStaff(auth)) throw new NotFound('tips');
  return { organisationId: auth.organisationId, auth } as TipQueueGrant;
};

/** Everything a tip page may offer its viewer, decided once here; views only read it. */
export interface TipAbilities {
  voice: TipSide;
  add: boolean;
  delete: boolean;
  reply: boolean;
  attach: boolean;
  close: boolean;
  reopen: boolean;
  /** staff see which staff member wrote a reply; the sender sees only "the organisation" */
  seeStaffNames: boolean;
}

const allows = (side: TipSide, action: TipAction): boolean => WHO[action].includes(side);

/** The abilities of a grant's holder on its tip, given what the lifecycle says of its state. */
export const tipAbilities = (grant: TipGrant, facts: Pick<TipFacts, 'open' | 'closed'>): TipAbilities => {
  const { side } = grant;
  const working = (action: TipAction) => allows(side, action) && facts.open;
  return {
    voice: side,
    // A sender may always add (a closed tip opens again) and always delete.
    add: allows(side, 'add'),
    delete: allows(side, 'delete'),
    reply: working('reply'),
    attach: working('attach'),
    close: working('close'),
    reopen: allows(side, 'reopen') && facts.closed,
    seeStaffNames: side === 'staff',
  };
};
