import { Invalid } from '../shared/errors.ts';
import type { CaseSide } from '../policy/case.policy.ts';

// The life of a case, in one place: its states, the transitions between them, who may make
// each, and the one guard every change goes through. The policy decides who the actor is
// (src/policy/case.policy.ts); this module decides whether the case's state allows the step.
// Appeals and tips get lifecycles of their own the same way.
//
//   open ──staff writes──▶ waiting_on_family ──family writes──▶ open
//   open | waiting_on_family ──staff closes (reason)──▶ closed
//   open | waiting_on_family ──family withdraws──▶ withdrawn
//   closed | withdrawn ──staff reopens──▶ open
//   closed | withdrawn ──retention ends (system)──▶ purged (the row is destroyed)
//   any ──the family deletes its account (family)──▶ purged (the row is destroyed)

export const CASE_STATES = ['open', 'waiting_on_family', 'closed', 'withdrawn'] as const;
export type CaseState = (typeof CASE_STATES)[number];
/** `purged` is where a case ends: nothing of it is left to have a state. */
export type CaseStateOrPurged = CaseState | 'purged';

/** Who makes a transition: one of the case's two sides, or the system (scheduled retention). */
export type CaseActor = CaseSide | 'system';

export const ACTIVE_STATES: readonly CaseState[] = ['open', 'waiting_on_family'];
export const ENDED_STATES: readonly CaseState[] = ['closed', 'withdrawn'];

interface Transition {
  from: readonly CaseState[];
  to: CaseStateOrPurged;
  by: readonly CaseActor[];
  /** the error a refused step shows, as a form error on the case page */
  refusal: string;
}

export const CASE_TRANSITIONS = {
  /** staff wrote to the family: the next move is theirs */
  await_family: { from: ACTIVE_STATES, to: 'waiting_on_family', by: ['staff'], refusal: 'cases.errors.closed' },
  /** the family wrote or reported something: the next move is the organisation's */
  family_replied: { from: ACTIVE_STATES, to: 'open', by: ['family'], refusal: 'cases.errors.closed' },
  close: { from: ACTIVE_STATES, to: 'closed', by: ['staff'], refusal: 'cases.errors.closed' },
  withdraw: { from: ACTIVE_STATES, to: 'withdrawn', by: ['family'], refusal: 'cases.errors.closed' },
  reopen: { from: ENDED_STATES, to: 'open', by: ['staff'], refusal: 'cases.errors.notClosed' },
  purge: { from: ENDED_STATES, to: 'purged', by: ['system'], refusal: 'cases.errors.notClosed' },
  /** the family deletes its account and every case with it, in whatever state (case-erasure.service.ts) */
  erase: { from: CASE_STATES, to: 'purged', by: ['family'], refusal: 'errors.notFound' },
} as const satisfies Record<string, Transition>;
export type CaseTransition = keyof typeof CASE_TRANSITIONS;

export const isActive = (state: CaseState): boolean => ACTIVE_STATES.includes(state);
export const isEnded = (state: CaseState): boolean => ENDED_STATES.includes(state);

/** Work inside a case (messages, events, notes, assignment, corrections) needs it active. */
export const assertActive = (state: CaseState | undefined): void => {
  if (!state || !isActive(state)) throw new Invalid({ field: '_form', key: 'cases.errors.closed' });
};

/**
 * The one guard of every state change: the target state when `actor` may make `name` from
 * `state`, else an Invalid naming why (the case page shows it as a form error).
 */
export const transition = (state: CaseState | undefined, name: CaseTransition, actor: CaseActor): CaseStateOrPurged => {
  const t: Transition = CASE_TRANSITIONS[name];
  if (!t.by.includes(actor)) throw new Invalid({ field: '_form', key: 'errors.notFound' });
  if (!state || !t.from.includes(state)) throw refusal(name);
  return t.to;
};

/** The error of a step the case's state does not allow (also when it changed under a race). */
export const refusal = (name: CaseTransition): Invalid =>
  new Invalid({ field: '_form', key: CASE_TRANSITIONS[name].refusal });

/** The states a transition may start from, for the conditional update that makes it race-safe. */
export const fromStates = (name: CaseTransition): readonly CaseState[] => CASE_TRANSITIONS[name].from;

/** What the policy needs to know of a state (see CaseFacts). */
export const lifecycleFacts = (state: CaseState) => ({ active: isActive(state), reopenable: isEnded(state) });
