import type { Queryable } from '../db/database.ts';
import { NotFound } from '../shared/errors.ts';
import { caseAbilities, grantCase, type CaseAction, type CaseFacts, type CaseGrant } from '../policy/case.policy.ts';
import type { Principal } from '../policy/principal.ts';
import { lifecycleFacts, type CaseState } from './case-lifecycle.ts';
import { findCaseRef, findCaseRefs, findEvent } from './cases.repository.ts';
import { openCaseKey, openStaffCaseKeys } from './case-keys.ts';
import { isUuid } from '../shared/ids.ts';

// The cases domain asking the policy: it reads the few facts the policy needs (who asked, which
// organisation, what state) and hands them over. Routes call these before any service; the
// services take the grant. Ids in URLs are random UUIDs; anything else is simply not found.

type CaseRefRow = NonNullable<Awaited<ReturnType<typeof findCaseRef>>>;

export const caseFactsOf = (row: CaseRefRow): CaseFacts => ({
  caseId: row.id,
  organisationId: row.organisation_id,
  requesterUserId: row.requester_user_id,
  personId: row.person_id,
  ...lifecycleFacts(row.state),
});

export const authoriseCase = async <A extends CaseAction>(
  db: Queryable,
  principal: Principal,
  caseId: string,
  action: A,
): Promise<CaseGrant<A>> => {
  if (!isUuid(caseId)) throw new NotFound('case');
  const row = await findCaseRef(db, caseId);
  return grantCase(principal, row && caseFactsOf(row), action);
};

/** The case an event belongs to, checked as for the case itself. A purged case's fact has none. */
export const authoriseEvent = async <A extends CaseAction>(
  db: Queryable,
  principal: Principal,
  eventId: string,
  action: A,
): Promise<CaseGrant<A>> => {
  if (!isUuid(eventId)) throw new NotFound('event');
  const caseId = (await findEvent(db, eventId))?.case_id;
  if (!caseId) throw new NotFound('event');
  return authoriseCase(db, principal, caseId, action);
};

/** The page's abilities for the grant's holder, given the case's state now. */
export const abilitiesFor = (grant: CaseGrant, state: CaseState) => caseAbilities(grant, lifecycleFacts(state));

/** For other domains (appeals): the facts the policy needs about a case, or undefined. */
export const findCaseFacts = async (db: Queryable, caseId: string): Promise<CaseFacts | undefined> => {
  if (!isUuid(caseId)) return undefined;
  const row = await findCaseRef(db, caseId);
  return row && caseFactsOf(row);
};

/** For other domains: the case key, opened with the grant holder's own key (see case-keys.ts). */
export const caseKeyFor = (db: Queryable, grant: CaseGrant): Promise<Buffer> => openCaseKey(db, grant);

/** For other domains' lists: findCaseFacts for many cases, in one query. */
export const findCaseFactsMany = async (db: Queryable, caseIds: string[]): Promise<CaseFacts[]> =>
  (await findCaseRefs(db, [...new Set(caseIds.filter(isUuid))])).map(caseFactsOf);

/** For other domains' lists: the keys of several cases, for staff grants (see case-keys.ts). */
export const staffCaseKeysFor = (db: Queryable, grants: CaseGrant[]): Promise<Map<string, Buffer>> =>
  openStaffCaseKeys(db, grants);
