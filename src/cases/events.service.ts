import { randomUUID } from 'node:crypto';
import { orgDay, isoNow } from '../shared/clock.ts';
import { Invalid } from '../shared/errors.ts';
import { sealOptional } from '../shared/crypto/index.ts';
import { extendGrant, maxVerificationFor, type CaseGrant } from '../policy/case.policy.ts';
import { fieldAad, openCaseKey } from './case-keys.ts';
import { auditCase, stepCase, touchActiveCase } from './case-work.service.ts';
import type { CasesDeps } from './case-deps.ts';
import type { EventInput } from './cases.schema.ts';
import { insertEvent } from './cases.repository.ts';
import { postNewsFor } from './case-news.service.ts';
import { readTimeline } from './case-timeline.service.ts';
import { refreshRecordStatus } from './case-links.service.ts';
import { isOwnLastContact, nextReportSeq } from './last-contact.ts';
import { levelRank, type TimelineEvent, type Verification } from './timeline.ts';
import { NeedsCheck, checkChange, unacknowledged } from './verification-lifecycle.ts';
import { newsOfStatus, recordLevel } from './verification.service.ts';

export { confirmEvent, resolveDiscrepancy, reviseEvent, verifyEvent } from './verification.service.ts';

// Timeline events. Kind, date, place and source stay in clear: matching across families and
// lists needs them and they describe the soldier, not the family. The description is sealed
// with the case key: it is where a family writes what they were told and by whom.

/** What the person adding an event said on the check page (verification-lifecycle.ts). */
export interface EventConfirmation {
  /** the warnings (impossible dates) they saw and chose to save anyway: warningSignature()s */
  acknowledged?: readonly string[];
  /**
   * Every date warning is accepted in advance: for callers that record what someone else said and
   * leave contradictions open on the case for a verifier (a tip attached, the demo), not for a
   * person at a form, who is shown the warnings first.
   */
  acceptWarnings?: boolean;
  /** why, for an event that sets the status to a death, a capture or a detention, or counts a death */
  reason?: string;
}

/**
 * Adds an event. Two things stop it once, with NeedsCheck naming them, until the person confirms
 * on the check page: a date that contradicts the timeline or the date of birth (saved after the
 * warning: an official letter is evidence even when it is wrong, and the contradiction is kept as
 * a discrepancy), and, for staff, an event that makes a grave change (it needs a written reason
 * and the 'confirm' action).
 */
export const addEvent = async (
  deps: CasesDeps,
  grant: CaseGrant<'add_event'>,
  input: EventInput,
  confirmation: EventConfirmation = {},
): Promise<{ eventId: string }> => {
  const max = maxVerificationFor(grant);
  const family = grant.side === 'family';
  // Families always report; staff choose a level up to what their role may set.
  const level: Verification = family ? 'reported' : (input.verification ?? 'reported');
  if (levelRank(level) > levelRank(max))
    throw new Invalid({ field: 'verification', key: 'cases.errors.levelNotAllowed' });
  if (!input.date) throw new Invalid({ field: 'date', key: 'errors.required' });
  const date = input.date;
  const key = await openCaseKey(deps.db, grant);
  const eventId = randomUUID();
  const caseId = grant.caseId;
  await deps.db.transaction().execute(async (tx) => {
    const today = { last_activity_on: orgDay(deps) };
    // A family's report hands the next move to the organisation, as a message does.
    if (family) await stepCase(tx, grant, 'family_replied', today);
    else await touchActiveCase(tx, caseId, today);
    const { events, context } = await readTimeline(tx, caseId);
    const told: TimelineEvent = { id: eventId, kind: input.kind, date, source: input.source, verification: level };
    // Her own last contact added on the timeline is her newest word on it, as on her edit form.
    const own = isOwnLastContact({ ...told, byFamily: family });
    const added: TimelineEvent = { ...told, byFamily: family, reportSeq: own ? nextReportSeq(events) : null };
    const check = checkChange(events, [...events, added], eventId, context);
    const reason = check.grave ? confirmation.reason : undefined;
    const warned = confirmation.acceptWarnings ? [] : unacknowledged(check, eventId, confirmation.acknowledged ?? []);
    if (warned.length > 0 || (check.grave && !reason)) throw new NeedsCheck(check);
    // Only those who may confirm make a grave change (the policy; today every case staff member).
    const confirmer = check.grave ? extendGrant(grant, 'confirm') : null;
    await insertEvent(tx, {
      id: eventId,
      person_id: grant.personId,
      case_id: caseId,
      kind: input.kind,
      event_date: date.value,
      date_precision: date.precision,
      place: input.place ?? null,
      description_sealed: sealOptional(key, input.description, fieldAad(caseId, `event:${eventId}:description`)),
      source: input.source,
      verification: level,
      added_by_family: family ? 1 : 0,
      created_on: orgDay(deps),
      verified_by: level === 'reported' ? null : grant.auth.userId,
      verified_at: level === 'reported' ? null : isoNow(deps.clock),
      report_seq: added.reportSeq ?? null,
    });
    const day = orgDay(deps);
    if (level !== 'reported')
      await recordLevel(
        tx,
        confirmer ?? grant,
        { eventId, from: null, to: level, step: 'added', at: isoNow(deps.clock) },
        reason ? { key, text: reason } : undefined,
      );
    await postNewsFor(tx, grant.side, { caseId, kind: 'event_added', refId: eventId, day });
    if (!family) await newsOfStatus(tx, caseId, { before: check.statusBefore, after: check.statusAfter, day });
    await refreshRecordStatus(tx, grant.personId);
    await auditCase(tx, deps, grant, 'event.added');
  });
  return { eventId };
};
