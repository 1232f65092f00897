import { randomUUID } from 'node:crypto';
import { isoDay, isoNow } from '../shared/clock.ts';
import { Invalid } from '../shared/errors.ts';
import { sealOptional } from '../shared/crypto/index.ts';
import { maxVerificationFor, type CaseGrant } from '../policy/case.policy.ts';
import { fieldAad, openCaseKey } from './case-keys.ts';
import { auditCase, stepCase, touchActiveCase } from './case-work.service.ts';
import type { CasesDeps } from './case-deps.ts';
import type { EventInput } from './cases.schema.ts';
import { findEvent, insertEvent, listTimelineOfCases, setEventVerification } from './cases.repository.ts';
import { postNews, postNewsFor } from './case-news.service.ts';
import { deriveStatus } from './status-rules.ts';
import { refreshRecordStatus } from './case-links.service.ts';
import { levelRank, type EventKind, type EventSource, type Verification } from './timeline.ts';
import type { Tx } from '../db/database.ts';

// Timeline events. Kind, date, place and source stay in clear: matching across families and
// lists needs them and they describe the soldier, not the family. The description is sealed
// with the case key: it is where a family writes what they were told and by whom.

/** The derived status of one case's person, read inside the transaction that changes it. */
const statusNow = async (tx: Tx, caseId: string): Promise<string> =>
  deriveStatus(
    (await listTimelineOfCases(tx, [caseId])).map((e) => ({
      id: e.id,
      kind: e.kind as EventKind,
      date: { value: e.event_date, precision: e.date_precision },
      source: e.source as EventSource,
      verification: e.verification,
    })),
  ).status;

/** A change of the person's status is news to the family (verified events only set it). */
const newsOfStatus = async (tx: Tx, caseId: string, before: string, day: string): Promise<void> => {
  const after = await statusNow(tx, caseId);
  if (after !== before) await postNews(tx, { caseId, audience: 'family', kind: 'status', refId: after, day });
};

export const addEvent = async (
  deps: CasesDeps,
  grant: CaseGrant<'add_event'>,
  input: EventInput,
): Promise<{ eventId: string }> => {
  const max = maxVerificationFor(grant);
  const family = grant.side === 'family';
  // Families always report; staff choose a level up to what their role may set.
  const level: Verification = family ? 'reported' : (input.verification ?? 'reported');
  if (levelRank(level) > levelRank(max))
    throw new Invalid({ field: 'verification', key: 'cases.errors.levelNotAllowed' });
  if (!input.date) throw new Invalid({ field: 'date', key: 'errors.required' });
  const key = await openCaseKey(deps.db, grant);
  const eventId = randomUUID();
  const caseId = grant.caseId;
  await deps.db.transaction().execute(async (tx) => {
    const today = { last_activity_on: isoDay(deps.clock) };
    // A family's report hands the next move to the organisation, as a message does.
    if (family) await stepCase(tx, grant, 'family_replied', today);
    else await touchActiveCase(tx, caseId, today);
    const before = await statusNow(tx, caseId);
    await insertEvent(tx, {
      id: eventId,
      person_id: grant.personId,
      case_id: caseId,
      kind: input.kind,
      event_date: input.date!.value,
      date_precision: input.date!.precision,
      place: input.place ?? null,
      description_sealed: sealOptional(key, input.description, fieldAad(caseId, `event:${eventId}:description`)),
      source: input.source,
      verification: level,
      added_by_family: family ? 1 : 0,
      created_on: isoDay(deps.clock),
      verified_by: level === 'reported' ? null : grant.auth.userId,
      verified_at: level === 'reported' ? null : isoNow(deps.clock),
    });
    const day = isoDay(deps.clock);
    await postNewsFor(tx, grant.side, { caseId, kind: 'event_added', refId: eventId, day });
    if (!family) await newsOfStatus(tx, caseId, before, day);
    await refreshRecordStatus(tx, grant.personId);
    await auditCase(tx, deps, grant, 'event.added');
  });
  return { eventId };
};

/**
 * Raise an event's verification level, up to what the holder's role may set; never downwards (a
 * mistaken confirmation is corrected by a new event, keeping the record of what was believed).
 */
export const verifyEvent = async (
  deps: CasesDeps,
  grant: CaseGrant<'verify'>,
  eventId: string,
  level: Verification,
): Promise<void> => {
  if (levelRank(level) > levelRank(maxVerificationFor(grant)))
    throw new Invalid({ field: 'verification', key: 'cases.errors.levelNotAllowed' });
  await deps.db.transaction().execute(async (tx) => {
    const e = await findEvent(tx, eventId);
    if (!e || e.case_id !== grant.caseId) throw new Invalid({ field: '_form', key: 'errors.notFound' });
    if (levelRank(level) <= levelRank(e.verification))
      throw new Invalid({ field: 'verification', key: 'cases.errors.notHigher' });
    const day = isoDay(deps.clock);
    await touchActiveCase(tx, grant.caseId, { last_activity_on: day });
    const before = await statusNow(tx, grant.caseId);
    await setEventVerification(tx, eventId, level, grant.auth.userId, isoNow(deps.clock));
    await postNews(tx, { caseId: grant.caseId, audience: 'family', kind: 'event_verified', refId: eventId, day });
    await newsOfStatus(tx, grant.caseId, before, day);
    await refreshRecordStatus(tx, grant.personId);
    await auditCase(tx, deps, grant, 'event.verified');
  });
};
