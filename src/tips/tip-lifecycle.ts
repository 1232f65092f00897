import { Invalid } from '../shared/errors.ts';
import type { TipSide } from '../policy/tips.policy.ts';

// The life of an anonymous tip, in one place: its states, the transitions, who makes each, and
// the one guard every change goes through (like src/cases/case-lifecycle.ts). The policy decides
// who the actor is (src/policy/tips.policy.ts); this module decides whether the state allows it.
//
//   new ──staff replies or attaches it to a case──▶ in_progress
//   new | in_progress ──the sender adds more──▶ (the same state; staff see "the sender wrote")
//   closed ──the sender adds more──▶ new (a witness who comes back is heard again)
//   new | in_progress ──staff close (reason)──▶ closed
//   closed ──staff reopen──▶ in_progress
//   new | in_progress | closed ──the sender deletes it──▶ deleted (the row is destroyed at once)
//   closed ──retention ends (system)──▶ purged (the row is destroyed)

export const TIP_STATES = ['new', 'in_progress', 'closed'] as const;
export type TipState = (typeof TIP_STATES)[number];
export type TipStateOrGone = TipState | 'deleted' | 'purged';

export type TipActor = TipSide | 'system';

export const OPEN_TIP_STATES: readonly TipState[] = ['new', 'in_progress'];
export const ALL_TIP_STATES: readonly TipState[] = TIP_STATES;

interface Transition {
  from: readonly TipState[];
  /** `same` keeps the state the tip is in */
  to: TipStateOrGone | 'same';
  by: readonly TipActor[];
  refusal: string;
}

export const TIP_TRANSITIONS = {
  /** staff answered the sender or used the tip: somebody is on it */
  staff_worked: { from: OPEN_TIP_STATES, to: 'in_progress', by: ['staff'], refusal: 'tips.errors.closed' },
  sender_added: { from: OPEN_TIP_STATES, to: 'same', by: ['sender'], refusal: 'tips.errors.closed' },
  sender_returned: { from: ['closed'], to: 'new', by: ['sender'], refusal: 'tips.errors.closed' },
  close: { from: OPEN_TIP_STATES, to: 'closed', by: ['staff'], refusal: 'tips.errors.closed' },
  reopen: { from: ['closed'], to: 'in_progress', by: ['staff'], refusal: 'tips.errors.notClosed' },
  delete: { from: ALL_TIP_STATES, to: 'deleted', by: ['sender'], refusal: 'errors.notFound' },
  purge: { from: ['closed'], to: 'purged', by: ['system'], refusal: 'tips.errors.notClosed' },
} as const satisfies Record<string, Transition>;
export type TipTransition = keyof typeof TIP_TRANSITIONS;

export const isOpenTip = (state: TipState): boolean => OPEN_TIP_STATES.includes(state);

/** The one guard: the state a transition leads to from `state` when `actor` may make it, else Invalid. */
export const tipTransition = (state: TipState | undefined, name: TipTransition, actor: TipActor): TipStateOrGone => {
  const t: Transition = TIP_TRANSITIONS[name];
  if (!t.by.includes(actor)) throw new Invalid({ field: '_form', key: 'errors.notFound' });
  if (!state || !t.from.includes(state)) throw tipRefusal(name);
  return t.to === 'same' ? state : t.to;
};

export const tipRefusal = (name: TipTransition): Invalid =>
  new Invalid({ field: '_form', key: TIP_TRANSITIONS[name].refusal });

/** The states a transition may start from, for its race-safe conditional update. */
export const tipFromStates = (name: TipTransition): readonly TipState[] => TIP_TRANSITIONS[name].from;

/** The step a sender's addition takes: more to an open tip, or back to "new" when it was closed. */
export const senderAddition = (state: TipState): TipTransition =>
  state === 'closed' ? 'sender_returned' : 'sender_added';

/** What the policy needs to know of a state. */
export const tipLifecycleFacts = (state: TipState) => ({ open: isOpenTip(state), closed: state === 'closed' });
