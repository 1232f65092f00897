import { Invalid } from '../shared/errors.ts';
import type { PartialDate } from '../people/partial-date.ts';
import {
  DEATH_KINDS,
  discrepancyKey,
  findDiscrepancies,
  judgeDiscrepancies,
  type Discrepancy,
} from './discrepancies.ts';
import { GRAVE_STATUSES, deriveStatus, type PersonStatus, type StatusContext } from './status-rules.ts';
import { levelRank, type TimelineEvent, type Verification } from './timeline.ts';

// The life of an event's verification level and of a discrepancy, in one place: the steps, who
// makes each (the policy's actions, src/policy/case.policy.ts), and the one guard each goes
// through. The services make a step with one conditional update, so a level changed by someone
// else meanwhile refuses the step instead of overwriting it.
//
//   (new event) ──added──▶ reported | corroborated | confirmed    family: reported; staff: up to their role
//   level ──verified (one click)──▶ a higher level                 staff, only when the change is not grave
//   level ──confirmed (page: sources, discrepancies, reason)──▶ a higher level     staff, up to their role
//   level ──revised (reason)──▶ any other level, down too          verifiers
//   discrepancy: open ──resolved (reason)──▶ resolved: one version set aside, or both stand   verifiers
//
// Every step is kept (event_levels), with the staff member and, when given, the reason sealed
// with the case key: a mistaken confirmation is corrected, and the record still shows what was
// believed, when, and why.

export const LEVEL_STEPS = ['added', 'verified', 'confirmed', 'revised'] as const;
export type LevelStep = (typeof LEVEL_STEPS)[number];

interface StepRule {
  /** 'up': only to a higher level; 'any': to any other level */
  direction: 'up' | 'any';
  /** a written reason is required */
  reason: boolean;
  /** may set the status to a death, a capture or a detention (else the confirmation page is needed) */
  grave: boolean;
}

const STEPS: Record<Exclude<LevelStep, 'added'>, StepRule> = {
  verified: { direction: 'up', reason: false, grave: false },
  confirmed: { direction: 'up', reason: true, grave: true },
  revised: { direction: 'any', reason: true, grave: true },
};

/** A change that must go through the confirmation page (NeedsCheck names what the page shows). */
export class NeedsCheck extends Error {
  constructor(readonly check: EventCheck) {
    super('needs check');
  }
}

/**
 * The one guard of a level change: throws Invalid naming the field and why, or NeedsCheck when a
 * one-click step would make a grave change.
 */
export const guardLevelStep = (
  step: Exclude<LevelStep, 'added'>,
  change: { from: Verification; to: Verification; max: Verification; reason?: string; check: EventCheck },
): void => {
  const rule = STEPS[step];
  if (levelRank(change.to) > levelRank(change.max))
    throw new Invalid({ field: 'verification', key: 'cases.errors.levelNotAllowed' });
  if (change.to === change.from) throw new Invalid({ field: 'verification', key: 'cases.errors.sameLevel' });
  if (rule.direction === 'up' && levelRank(change.to) < levelRank(change.from))
    throw new Invalid({ field: 'verification', key: 'cases.errors.notHigher' });
  if (change.check.grave && !rule.grave) throw new NeedsCheck(change.check);
  if (rule.reason && !change.reason) throw new Invalid({ field: 'reason', key: 'cases.errors.reasonRequired' });
};

/** What a new event, or a new level of one, would do: shown on the check and confirmation pages. */
export interface EventCheck {
  /** the event added or changed (a new event's id is not kept if it is not saved) */
  eventId: string;
  /** the discrepancies the change would bring (an impossible date): saved only after a warning */
  warnings: Discrepancy[];
  /** the change sets the status to a death, a capture or a detention, or counts a death: a reason is needed */
  grave: boolean;
  statusBefore: PersonStatus;
  statusAfter: PersonStatus;
  /** the timeline after the change (clear fields only), for naming the events of the discrepancies */
  events: TimelineEvent[];
  /** the person's date of birth, the other side of a warning about it */
  birth: PartialDate | null;
  /** the discrepancies still open after the change */
  open: Discrepancy[];
}

/**
 * The check of a change to the timeline: `before` and `after` differ by one event added or by one
 * event's level. Grave: the changed event counts (corroborated or confirmed) and either reports
 * a death or sets the status to a death, a capture or a detention.
 */
export const checkChange = (
  before: TimelineEvent[],
  after: TimelineEvent[],
  changedId: string,
  context: StatusContext,
): EventCheck => {
  const changed = after.find((e) => e.id === changedId);
  const statusBefore = deriveStatus(before, context).status;
  const statusAfter = deriveStatus(after, context).status;
  const counts = changed !== undefined && levelRank(changed.verification) >= levelRank('corroborated');
  const grave =
    counts && (DEATH_KINDS.has(changed.kind) || (statusAfter !== statusBefore && GRAVE_STATUSES.has(statusAfter)));
  const known = new Set(findDiscrepancies(before, context).map(discrepancyKey));
  const warnings = findDiscrepancies(after, context).filter((d) => !known.has(discrepancyKey(d)));
  const { open } = judgeDiscrepancies(after, context, context.resolutions);
  return {
    eventId: changedId,
    warnings,
    grave,
    statusBefore,
    statusAfter,
    events: after,
    birth: context.birth ?? null,
    open,
  };
};

/**
 * The check of a corrected case: the discrepancies a corrected date of birth would bring to the
 * timeline (an event before the new date, service under 18), and those of the corrected last
 * contact added to it (`added`, a family's report, never grave), flagged once, in one check so
 * one confirmation covers both, before the correction is saved.
 */
export const checkBirthChange = (
  before: TimelineEvent[],
  context: StatusContext,
  birth: PartialDate | null,
  added?: TimelineEvent,
): EventCheck => {
  const after = { ...context, birth };
  const events = added ? [...before, added] : before;
  const known = new Set(findDiscrepancies(before, context).map(discrepancyKey));
  return {
    eventId: added?.id ?? '',
    warnings: findDiscrepancies(events, after).filter((d) => !known.has(discrepancyKey(d))),
    grave: false,
    statusBefore: deriveStatus(before, context).status,
    statusAfter: deriveStatus(events, after).status,
    events,
    birth,
    open: judgeDiscrepancies(events, after, context.resolutions).open,
  };
};

/**
 * How the check page names a warning the user chose to save anyway: its rule and the other side
 * (an event's id or the date of birth), since the new event has no id until it is saved.
 */
export const warningSignature = (d: Discrepancy, newEventId: string): string =>
  [d.rule, ...d.eventIds.filter((id) => id !== newEventId)].join(':') || d.rule;

/** The warnings not acknowledged by the user's second submit. */
export const unacknowledged = (check: EventCheck, newEventId: string, acknowledged: readonly string[]) =>
  check.warnings.filter((d) => !acknowledged.includes(warningSignature(d, newEventId)));

/** Resolving: only an open discrepancy, and only by setting aside one of its own events (or none). */
export const guardResolve = (open: Discrepancy | undefined, setAsideEventId: string | null): Discrepancy => {
  if (!open) throw new Invalid({ field: '_form', key: 'cases.errors.discrepancyNotOpen' });
  if (setAsideEventId !== null && !(open.eventIds as string[]).includes(setAsideEventId))
    throw new Invalid({ field: 'outcome', key: 'errors.unknownOption' });
  return open;
};
