import { randomUUID } from 'node:crypto';
import type { Tx } from '../db/database.ts';
import { orgDay, isoNow } from '../shared/clock.ts';
import { Invalid } from '../shared/errors.ts';
import { openOptional, seal } from '../shared/crypto/index.ts';
import { maxVerificationFor, type CaseGrant } from '../policy/case.policy.ts';
import type { CasesDeps } from './case-deps.ts';
import { fieldAad, openCaseKey } from './case-keys.ts';
import { postNews } from './case-news.service.ts';
import { readTimeline } from './case-timeline.service.ts';
import { refreshRecordStatus } from './case-links.service.ts';
import { auditCase, touchActiveCase } from './case-work.service.ts';
import { findEvent } from './cases.repository.ts';
import { discrepancyKey, judgeDiscrepancies } from './discrepancies.ts';
import { deriveStatus } from './status-rules.ts';
import type { Verification } from './timeline.ts';
import { checkChange, guardLevelStep, guardResolve, type LevelStep } from './verification-lifecycle.ts';
import {
  changeEventLevel,
  insertLevelChange,
  insertResolution,
  listLevelChanges,
  listResolutions,
} from './verification.repository.ts';

// Changing an event's level and settling discrepancies (the steps and their guard are in
// verification-lifecycle.ts). Each change locks the case first (touchActiveCase), reads the
// timeline, asks the guard, makes one conditional update, keeps the step in the history with its
// reason sealed under the case key, tells the family, and writes the audit record — one
// transaction.

/** A change of the person's status is news to the family. */
export const newsOfStatus = async (
  tx: Tx,
  caseId: string,
  change: { before: string; after: string; day: string },
): Promise<void> => {
  if (change.after !== change.before)
    await postNews(tx, { caseId, audience: 'family', kind: 'status', refId: change.after, day: change.day });
};

/** Keeps one step of an event's level in its history, the reason sealed with the case key. */
export const recordLevel = async (
  tx: Tx,
  grant: CaseGrant,
  step: { eventId: string; from: Verification | null; to: Verification; step: LevelStep; at: string },
  reason?: { key: Buffer; text: string },
): Promise<void> => {
  const id = randomUUID();
  await insertLevelChange(tx, {
    id,
    event_id: step.eventId,
    case_id: grant.caseId,
    from_level: step.from,
    to_level: step.to,
    step: step.step,
    by_user_id: grant.auth.userId,
    at: step.at,
    reason_sealed: reason ? seal(reason.key, reason.text, fieldAad(grant.caseId, `level:${id}:reason`)) : null,
  });
};

const AUDIT = { verified: 'event.verified', confirmed: 'event.confirmed', revised: 'event.revised' } as const;

const changeLevel = async (
  deps: CasesDeps,
  grant: CaseGrant<'verify' | 'confirm' | 'revise'>,
  eventId: string,
  level: Verification,
  step: 'verified' | 'confirmed' | 'revised',
  reason?: string,
): Promise<void> => {
  const key = reason ? await openCaseKey(deps.db, grant) : null;
  await deps.db.transaction().execute(async (tx) => {
    const day = orgDay(deps);
    // First: on PostgreSQL this locks the case row, so two changes to one case take turns and the
    // second reads the timeline as the first left it.
    await touchActiveCase(tx, grant.caseId, { last_activity_on: day });
    const e = await findEvent(tx, eventId);
    if (!e || e.case_id !== grant.caseId) throw new Invalid({ field: '_form', key: 'errors.notFound' });
    const { events, context } = await readTimeline(tx, grant.caseId);
    const after = events.map((x) => (x.id === eventId ? { ...x, verification: level } : x));
    const check = checkChange(events, after, eventId, context);
    guardLevelStep(step, { from: e.verification, to: level, max: maxVerificationFor(grant), reason, check });
    const at = isoNow(deps.clock);
    const changed = await changeEventLevel(tx, eventId, { from: e.verification, to: level, by: grant.auth.userId, at });
    if (!changed) throw new Invalid({ field: 'verification', key: 'cases.errors.levelChanged' });
    await recordLevel(
      tx,
      grant,
      { eventId, from: e.verification, to: level, step, at },
      key && reason ? { key, text: reason } : undefined,
    );
    const kind = step === 'revised' ? 'event_revised' : 'event_verified';
    await postNews(tx, { caseId: grant.caseId, audience: 'family', kind, refId: eventId, day });
    await newsOfStatus(tx, grant.caseId, { before: check.statusBefore, after: check.statusAfter, day });
    // The person record's status, as search and cohorts read it (src/people/person-records).
    await refreshRecordStatus(tx, grant.personId);
    await auditCase(tx, deps, grant, AUDIT[step]);
  });
};

/**
 * One click: raise an event's level up to what the holder's role may set. A change that sets the
 * status to a death, a capture or a detention, or counts a death, is refused with NeedsCheck:
 * it goes through the confirmation page (confirmEvent).
 */
export const verifyEvent = (
  deps: CasesDeps,
  grant: CaseGrant<'verify'>,
  eventId: string,
  level: Verification,
): Promise<void> => changeLevel(deps, grant, eventId, level, 'verified');

/** Raise a level on the confirmation page, with a written reason (any change, grave or not). */
export const confirmEvent = (
  deps: CasesDeps,
  grant: CaseGrant<'confirm'>,
  eventId: string,
  level: Verification,
  reason: string,
): Promise<void> => changeLevel(deps, grant, eventId, level, 'confirmed', reason);

/** Correct a mistaken level, down as well as up, with a written reason (verifiers). */
export const reviseEvent = (
  deps: CasesDeps,
  grant: CaseGrant<'revise'>,
  eventId: string,
  level: Verification,
  reason: string,
): Promise<void> => changeLevel(deps, grant, eventId, level, 'revised', reason);

/**
 * A verifier's verdict on an open discrepancy, with a written reason: one version set aside (it
 * stays on the timeline, shown as set aside, and no longer counts for the status), or both stand.
 */
export const resolveDiscrepancy = async (
  deps: CasesDeps,
  grant: CaseGrant<'resolve'>,
  input: { key: string; setAsideEventId: string | null; reason: string },
): Promise<void> => {
  const caseKey = await openCaseKey(deps.db, grant);
  await deps.db.transaction().execute(async (tx) => {
    const day = orgDay(deps);
    await touchActiveCase(tx, grant.caseId, { last_activity_on: day });
    const { events, context } = await readTimeline(tx, grant.caseId);
    const resolutions = context.resolutions ?? [];
    const { open } = judgeDiscrepancies(events, context, resolutions);
    const d = guardResolve(
      open.find((x) => discrepancyKey(x) === input.key),
      input.setAsideEventId,
    );
    const id = randomUUID();
    await insertResolution(tx, {
      id,
      case_id: grant.caseId,
      discrepancy_key: input.key,
      rule: d.rule,
      set_aside_event_id: input.setAsideEventId,
      reason_sealed: seal(caseKey, input.reason, fieldAad(grant.caseId, `resolution:${id}:reason`)),
      resolved_by: grant.auth.userId,
      resolved_at: isoNow(deps.clock),
    });
    const verdict = { key: input.key, setAsideEventId: input.setAsideEventId };
    await postNews(tx, { caseId: grant.caseId, audience: 'family', kind: 'discrepancy_resolved', refId: id, day });
    await newsOfStatus(tx, grant.caseId, {
      before: deriveStatus(events, context).status,
      after: deriveStatus(events, { ...context, resolutions: [...resolutions, verdict] }).status,
      day,
    });
    await refreshRecordStatus(tx, grant.personId);
    await auditCase(tx, deps, grant, 'discrepancy.resolved');
  });
};

export interface LevelChangeView {
  eventId: string;
  from: Verification | null;
  to: Verification;
  step: LevelStep;
  /** the staff member's pseudonym */
  by: string;
  at: string;
  reason: string | null;
}

export interface ResolutionView {
  key: string;
  setAsideEventId: string | null;
  reason: string;
  by: string;
  at: string;
}

/**
 * The history of levels and the verdicts of a case, reasons opened with the case key, for staff
 * (the caller reads the case under its audited read). Inside the caller's transaction.
 */
export const readVerificationRecord = async (
  tx: Tx,
  caseId: string,
  key: Buffer,
  names: Map<string, string>,
): Promise<{ levels: LevelChangeView[]; resolutions: ResolutionView[] }> => ({
  levels: (await listLevelChanges(tx, caseId)).map((l) => ({
    eventId: l.event_id,
    from: l.from_level,
    to: l.to_level,
    step: l.step as LevelStep,
    by: names.get(l.by_user_id) ?? '',
    at: l.at,
    reason: openOptional(key, l.reason_sealed, fieldAad(caseId, `level:${l.id}:reason`)),
  })),
  resolutions: (await listResolutions(tx, caseId)).map((r) => ({
    key: r.discrepancy_key,
    setAsideEventId: r.set_aside_event_id,
    reason: openOptional(key, r.reason_sealed, fieldAad(caseId, `resolution:${r.id}:reason`)) ?? '',
    by: names.get(r.resolved_by) ?? '',
    at: r.resolved_at,
  })),
});
