import { randomUUID } from 'node:crypto';
import { isoDay, isoNow } from '../shared/clock.ts';
import { Invalid } from '../shared/errors.ts';
import { sealOptional } from '../shared/crypto/index.ts';
import { maxVerificationFor, type CaseGrant } from '../web/access.ts';
import { fieldAad, openCaseKey } from './case-keys.ts';
import { auditCase } from './case-work.service.ts';
import type { CasesDeps } from './cases.service.ts';
import type { EventInput } from './cases.schema.ts';
import { findCase, findEvent, insertEvent, setEventVerification, updateCase } from './cases.repository.ts';
import { levelRank, type Verification } from './timeline.ts';

// Timeline events. Kind, date, place and source stay in clear: matching across families and
// lists needs them and they describe the soldier, not the family. The description is sealed
// with the case key: it is where a family writes what they were told and by whom.

const closedCase = () => new Invalid({ field: '_form', key: 'cases.errors.closed' });

export const addEvent = async (deps: CasesDeps, grant: CaseGrant, input: EventInput): Promise<{ eventId: string }> => {
  const max = maxVerificationFor(grant);
  // Families always report; staff choose a level up to what their role may set.
  const level: Verification = grant.viewer === 'family' ? 'reported' : (input.verification ?? 'reported');
  if (levelRank(level) > levelRank(max))
    throw new Invalid({ field: 'verification', key: 'cases.errors.levelNotAllowed' });
  if (!input.date) throw new Invalid({ field: 'date', key: 'errors.required' });
  const key = await openCaseKey(deps.db, grant);
  const eventId = randomUUID();
  const family = grant.viewer === 'family';
  await deps.db.transaction().execute(async (tx) => {
    const c = await findCase(tx, grant.caseId);
    if (c?.state !== 'open') throw closedCase();
    await insertEvent(tx, {
      id: eventId,
      person_id: c.person_id,
      case_id: c.id,
      kind: input.kind,
      event_date: input.date!.value,
      date_precision: input.date!.precision,
      place: input.place ?? null,
      description_sealed: sealOptional(key, input.description, fieldAad(c.id, `event:${eventId}:description`)),
      source: input.source,
      verification: level,
      added_by_family: family ? 1 : 0,
      created_on: isoDay(deps.clock),
      verified_by: level === 'reported' ? null : grant.auth.userId,
      verified_at: level === 'reported' ? null : isoNow(deps.clock),
    });
    await updateCase(tx, c.id, {
      last_activity_on: isoDay(deps.clock),
      ...(family ? { waiting_on: 'staff' as const } : {}),
    });
    await auditCase(tx, deps, grant, 'event.added');
  });
  return { eventId };
};

/**
 * Raise an event's verification level. Staff only; never downwards (a mistaken confirmation
 * is corrected by a new event, keeping the record of what was believed and when).
 */
export const verifyEvent = async (
  deps: CasesDeps,
  grant: CaseGrant,
  eventId: string,
  level: Verification,
): Promise<void> => {
  if (grant.viewer !== 'staff') throw new Invalid({ field: 'verification', key: 'cases.errors.levelNotAllowed' });
  if (levelRank(level) > levelRank(maxVerificationFor(grant)))
    throw new Invalid({ field: 'verification', key: 'cases.errors.levelNotAllowed' });
  await deps.db.transaction().execute(async (tx) => {
    const e = await findEvent(tx, eventId);
    if (!e || e.case_id !== grant.caseId) throw new Invalid({ field: '_form', key: 'errors.notFound' });
    if (levelRank(level) <= levelRank(e.verification))
      throw new Invalid({ field: 'verification', key: 'cases.errors.notHigher' });
    await setEventVerification(tx, eventId, level, grant.auth.userId, isoNow(deps.clock));
    await updateCase(tx, grant.caseId, { last_activity_on: isoDay(deps.clock) });
    await auditCase(tx, deps, grant, 'event.verified');
  });
};
