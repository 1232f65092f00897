import { Invalid } from '../shared/errors.ts';

// The life of a relative's removal or correction request, in one place (like
// src/tips/tip-lifecycle.ts): its states, the staff's decisions, the one guard, and the state as
// the relative reads it with the receipt code. Only staff of the organisation move a request (the
// policy's handle_request); the relative, with the receipt code, reads it and adds to it, which
// puts it back in the staff's queue (as a tip's sender who comes back is heard again).
//
//   new ──staff take it up──▶ in_review
//   new | in_review | done ──staff decide: removed, corrected or refused──▶ done (outcome)
//   new | in_review ──staff mark it handled without saying how──▶ done (no outcome)
//   new | in_review | done ──the relative adds words with the code──▶ new (no outcome: to decide again)

export const REQUEST_STATES = ['new', 'in_review', 'done'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];
export const OPEN_REQUEST_STATES: readonly RequestState[] = ['new', 'in_review'];

export const REQUEST_OUTCOMES = ['removed', 'corrected', 'refused'] as const;
export type RequestOutcome = (typeof REQUEST_OUTCOMES)[number];

/** What staff choose on a request's page: take it up, or decide it. */
export const REQUEST_DECISIONS = ['in_review', ...REQUEST_OUTCOMES] as const;
export type RequestDecision = (typeof REQUEST_DECISIONS)[number];

interface Step {
  from: readonly RequestState[];
  to: RequestState;
  refusal: string;
}

const STEPS = {
  review: { from: OPEN_REQUEST_STATES, to: 'in_review', refusal: 'registry.errors.requestDone' },
  decide: { from: REQUEST_STATES, to: 'done', refusal: 'registry.errors.stateChanged' },
  close: { from: OPEN_REQUEST_STATES, to: 'done', refusal: 'registry.errors.stateChanged' },
  relative_added: { from: REQUEST_STATES, to: 'new', refusal: 'registry.errors.stateChanged' },
} as const satisfies Record<string, Step>;
export type RequestStep = keyof typeof STEPS;

export const stepOf = (decision: RequestDecision): RequestStep => (decision === 'in_review' ? 'review' : 'decide');

/** The state after the step and the states it may start from (for the race-safe update), or Invalid. */
export const requestTransition = (
  state: RequestState | undefined,
  step: RequestStep,
): { to: RequestState; from: readonly RequestState[] } => {
  const s: Step = STEPS[step];
  if (!state) throw new Invalid({ field: '_form', key: 'registry.errors.stateChanged' });
  if (!s.from.includes(state)) throw new Invalid({ field: step === 'review' ? 'decision' : '_form', key: s.refusal });
  return { to: s.to, from: s.from };
};

/** What the relative is shown: received, in review, or done (how, when staff said). */
export type RequestPublicState = 'received' | 'in_review' | RequestOutcome | 'done';

export const publicStateOf = (state: RequestState, outcome: RequestOutcome | null): RequestPublicState =>
  state === 'new' ? 'received' : state === 'in_review' ? 'in_review' : (outcome ?? 'done');

/** The decisions staff may choose from a state (a handled request does not go back to review). */
export const decisionsFrom = (state: RequestState): readonly RequestDecision[] =>
  state === 'done' ? REQUEST_OUTCOMES : REQUEST_DECISIONS;

/** The decision a page's form starts from: the request's current one. */
export const decisionOf = (state: RequestState, outcome: RequestOutcome | null): RequestDecision | undefined =>
  state === 'in_review' ? 'in_review' : (outcome ?? undefined);
