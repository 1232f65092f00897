import { Invalid } from '../shared/errors.ts';
import type { RecordState } from './registry.table.ts';

// The life of a registry record, in one place: its states, the transitions, who makes each, and
// the one guard every change goes through. Who the actor is was settled by the policy
// (src/policy/registry.policy.ts for staff, case.policy.ts for the family's choice); whether the
// person's facts allow publication is the publication rules' question (publication-rules.ts).
//
//   (none) | withdrawn ──verifier tells the family, or records why not──▶ announced
//   announced ──verifier publishes (rules met, family told)──▶ published
//   published ──verifier corrects (public note)──▶ published (a new version)
//   announced | published ──verifier withdraws (reason) · the family says "do not publish"──▶ withdrawn
//
// Nothing is ever deleted: a withdrawn record is simply not shown (and its id answers "not
// found", like an id that never existed); its audit entries stay. To be public again it is
// announced again: the families are told anew (they were last told it was withdrawn) and the
// notice days, or a waiver recorded anew, count from then.

export type RecordStateOrNone = RecordState | 'none';
export type RecordActor = 'verifier' | 'family' | 'system';

interface Transition {
  from: readonly RecordStateOrNone[];
  to: RecordState;
  by: readonly RecordActor[];
}

export const RECORD_TRANSITIONS = {
  announce: { from: ['none', 'withdrawn', 'announced'], to: 'announced', by: ['verifier'] },
  publish: { from: ['announced'], to: 'published', by: ['verifier'] },
  correct: { from: ['published'], to: 'published', by: ['verifier'] },
  withdraw: { from: ['announced', 'published'], to: 'withdrawn', by: ['verifier', 'family', 'system'] },
} as const satisfies Record<string, Transition>;
export type RecordTransition = keyof typeof RECORD_TRANSITIONS;

/** Whether `name` may start from `state` (the pages offer only these). */
export const allows = (state: RecordStateOrNone, name: RecordTransition): boolean =>
  (RECORD_TRANSITIONS[name].from as readonly RecordStateOrNone[]).includes(state);

/** The one guard: the target state, or Invalid saying why the record's state does not allow it. */
export const transition = (state: RecordStateOrNone, name: RecordTransition, actor: RecordActor): RecordState => {
  const t: Transition = RECORD_TRANSITIONS[name];
  if (!t.by.includes(actor)) throw new Invalid({ field: '_form', key: 'errors.notFound' });
  if (!t.from.includes(state)) throw refusal();
  return t.to;
};

export const refusal = (): Invalid => new Invalid({ field: '_form', key: 'registry.errors.stateChanged' });

/** The states a transition may start from, for its conditional update (never 'none': that is an insert). */
export const fromStates = (name: RecordTransition): RecordState[] =>
  (RECORD_TRANSITIONS[name].from as readonly RecordStateOrNone[]).filter((s): s is RecordState => s !== 'none');

export const lifecycleAllows = (state: RecordStateOrNone) => ({
  announce: allows(state, 'announce'),
  publish: allows(state, 'publish'),
  correct: allows(state, 'correct'),
  withdraw: allows(state, 'withdraw'),
});
