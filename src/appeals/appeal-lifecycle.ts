import { Invalid } from '../shared/errors.ts';

// The life of an appeal, in one place (like src/cases/case-lifecycle.ts): its states, the steps
// between them, who may take each, and the one guard every change goes through. The policy
// (src/policy/appeals.policy.ts) decides who the actor is; this module whether the state allows
// the step. A step is one conditional UPDATE … WHERE state IN (from), so two people recording
// the same answer at once cannot both succeed.
//
//   draft ──send──▶ sent ──register──▶ registered ──forward──▶ forwarded
//   sent | registered | forwarded | overdue ──extend (once)──▶ extended
//   sent | registered | forwarded | extended ──deadline passes (system)──▶ overdue
//   sent | registered | forwarded | extended | overdue ──answer──▶ answered
//   any but closed ──close──▶ closed          draft ──discard──▶ (deleted)

export const APPEAL_STATES = [
  'draft',
  'sent',
  'registered',
  'forwarded',
  'extended',
  'answered',
  'overdue',
  'closed',
] as const;
export type AppealState = (typeof APPEAL_STATES)[number];

/** Who takes a step: the family of the case, its organisation's staff, or the scheduler. */
export type AppealActor = 'family' | 'staff' | 'system';

/** Waiting for the authority: the deadline runs. */
export const WAITING: readonly AppealState[] = ['sent', 'registered', 'forwarded', 'extended'];
const OPEN_AFTER_SENDING: readonly AppealState[] = [...WAITING, 'overdue'];
const PEOPLE: readonly AppealActor[] = ['family', 'staff'];

interface Step {
  from: readonly AppealState[];
  to: AppealState | 'deleted';
  by: readonly AppealActor[];
  refusal: string;
}

export const APPEAL_STEPS = {
  edit: { from: ['draft'], to: 'draft', by: PEOPLE, refusal: 'appeals.errors.notDraft' },
  sign: { from: ['draft'], to: 'draft', by: ['family'], refusal: 'appeals.errors.notDraft' },
  send: { from: ['draft'], to: 'sent', by: PEOPLE, refusal: 'appeals.errors.notDraft' },
  discard: { from: ['draft'], to: 'deleted', by: PEOPLE, refusal: 'appeals.errors.notDraft' },
  register: {
    from: ['sent', 'forwarded', 'overdue'],
    to: 'registered',
    by: PEOPLE,
    refusal: 'appeals.errors.notWaiting',
  },
  forward: {
    from: ['sent', 'registered', 'overdue'],
    to: 'forwarded',
    by: PEOPLE,
    refusal: 'appeals.errors.notWaiting',
  },
  extend: {
    from: ['sent', 'registered', 'forwarded', 'overdue'],
    to: 'extended',
    by: PEOPLE,
    refusal: 'appeals.errors.notWaiting',
  },
  answer: { from: OPEN_AFTER_SENDING, to: 'answered', by: PEOPLE, refusal: 'appeals.errors.notWaiting' },
  mark_overdue: { from: WAITING, to: 'overdue', by: ['system'], refusal: 'appeals.errors.notWaiting' },
  close: {
    from: ['draft', ...OPEN_AFTER_SENDING, 'answered'],
    to: 'closed',
    by: PEOPLE,
    refusal: 'appeals.errors.closed',
  },
} as const satisfies Record<string, Step>;
export type AppealStep = keyof typeof APPEAL_STEPS;

/** The steps that record a notice or an answer from the authority (the "what came" form). */
export const RECORDED_STEPS = ['register', 'forward', 'extend', 'answer'] as const;
export type RecordedStep = (typeof RECORDED_STEPS)[number];

/** The one guard: the state after `step`, or Invalid saying why not (shown on the appeal page). */
export const stepTo = (
  state: AppealState | undefined,
  step: AppealStep,
  actor: AppealActor,
): AppealState | 'deleted' => {
  const s: Step = APPEAL_STEPS[step];
  if (!s.by.includes(actor)) throw new Invalid({ field: '_form', key: 'errors.notFound' });
  if (!state || !s.from.includes(state)) throw new Invalid({ field: '_form', key: s.refusal });
  return s.to;
};

export const fromStates = (step: AppealStep): readonly AppealState[] => APPEAL_STEPS[step].from;

/** The steps a person could take now (the page offers these forms). */
export const stepsOpen = (state: AppealState): AppealStep[] =>
  (Object.keys(APPEAL_STEPS) as AppealStep[]).filter((k) =>
    (APPEAL_STEPS[k].from as readonly string[]).includes(state),
  );

export const isWaiting = (state: AppealState): boolean => WAITING.includes(state);
