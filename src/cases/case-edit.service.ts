import { isoDay } from '../shared/clock.ts';
import { Invalid } from '../shared/errors.ts';
import { seal } from '../shared/crypto/index.ts';
import { personRevisions, updatePerson, type PersonRevisionView } from '../people/people.service.ts';
import type { CaseGrant } from '../policy/case.policy.ts';
import { fieldAad, openCaseKey } from './case-keys.ts';
import type { CasesDeps } from './case-deps.ts';
import { isActive } from './case-lifecycle.ts';
import type { EditCaseInput } from './cases.schema.ts';
import { findCaseRef, updateOpenCaseStory } from './cases.repository.ts';
import { actedAt, auditCase, endCase } from './case-work.service.ts';
import { readTimeline } from './case-timeline.service.ts';
import { NeedsCheck, checkBirthChange, unacknowledged } from './verification-lifecycle.ts';

// A family correcting a typo, and a family withdrawing her request. Both only while the case
// is open: a closed case is a record (and on its way to deletion), not a draft.

const closedError = () => new Invalid({ field: '_form', key: 'cases.errors.closed' });

/**
 * Corrects the person's details and the family's account. The person's replaced clear values
 * go to person_revisions (people.updatePerson); the account is re-sealed with the case key.
 * The audit entry says that the case was edited, never what.
 */
export const editCase = async (
  deps: CasesDeps,
  grant: CaseGrant<'edit'>,
  input: EditCaseInput,
  /** the date warnings seen on the form and sent again (warningSignature()s) */
  acknowledged: readonly string[] = [],
): Promise<void> => {
  const key = await openCaseKey(deps.db, grant);
  const id = grant.caseId;
  await deps.db.transaction().execute(async (tx) => {
    // The story first: its update is conditional on the case being open and, on PostgreSQL,
    // locks the row so a close at the same moment waits for this edit (or this edit fails).
    const open = await updateOpenCaseStory(tx, id, {
      relation_sealed: seal(key, input.relation, fieldAad(id, 'relation')),
      narrative_sealed: seal(key, input.narrative, fieldAad(id, 'narrative')),
      wants_sealed: seal(key, input.wants_to_learn, fieldAad(id, 'wants_to_learn')),
      last_activity_on: isoDay(deps.clock),
    });
    if (!open) throw closedError();
    // A date of birth that makes an event impossible is flagged once before it is saved.
    const { events, context } = await readTimeline(tx, id);
    const check = checkBirthChange(events, context, input.birth_date ?? null);
    if (unacknowledged(check, '', acknowledged).length > 0) throw new NeedsCheck(check);
    const family = grant.side === 'family';
    await updatePerson(tx, grant.personId, input, {
      by: grant.side,
      userId: family ? null : grant.auth.userId,
      at: actedAt(deps, grant),
    });
    await auditCase(tx, deps, grant, 'case.edited');
  });
};

/** Earlier versions of the person's details, for the edit page. */
export const caseRevisions = async (deps: CasesDeps, grant: CaseGrant): Promise<PersonRevisionView[]> =>
  personRevisions(deps.db, grant.personId);

/** Whether the case can still be edited or withdrawn (the pages say so instead of a form). */
export const caseIsOpen = async (deps: CasesDeps, grant: CaseGrant): Promise<boolean> => {
  const state = (await findCaseRef(deps.db, grant.caseId))?.state;
  return state !== undefined && isActive(state);
};

/**
 * The family withdraws her request: the case closes with reason "withdrawn", exactly as a
 * staff close would (so retention counts from today), recorded at day precision.
 */
export const withdrawCase = async (deps: CasesDeps, grant: CaseGrant<'withdraw'>): Promise<void> => {
  await endCase(deps, grant, 'withdraw', 'withdrawn', 'case.withdrawn');
};
