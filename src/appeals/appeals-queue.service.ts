import type { Queryable } from '../db/database.ts';
import { addDays, daysLeft } from './deadline-rules.ts';
import type { AuthContext, Principal } from '../policy/principal.ts';
import { readableAppealCases } from '../policy/appeals.policy.ts';
import { grantCase } from '../policy/case.policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { isoNow } from '../shared/clock.ts';
import { findCaseFactsMany, staffCaseKeysFor } from '../cases/case-access.service.ts';
import { fullName, getPersons } from '../people/people.service.ts';
import { WAITING, type AppealState } from './appeal-lifecycle.ts';
import { listDueInOrganisation, listLetters, overdueCaseIds } from './appeals.repository.ts';
import { openLetter, todayOf, type AppealsDeps } from './appeals.service.ts';
import { ACTIVE_STATES } from '../cases/case-lifecycle.ts';

// What the caseworkers follow up: the organisation's appeals that are overdue, then those whose
// answer day comes within `days`. Clear columns only (the person's name, the days): no key needed,
// until withAddressees opens to whom each letter went for those who may read its case.

export interface DueAppeal {
  id: string;
  caseId: string;
  name: string;
  state: AppealState;
  /**
   * When and how it went: what tells one man's letters apart in the list without opening them
   * (to whom is sealed with the case key).
   */
  sent: { on: string; channel: string | null } | null;
  /** to whom it went (withAddressees): null until opened, and for anyone who may not read the case */
  addressee: string | null;
  answerBy: { date: string; estimated: boolean; daysLeft: number } | null;
}

export const dueAppeals = async (
  deps: AppealsDeps,
  staff: AuthContext & { organisationId: string },
  days = 7,
): Promise<DueAppeal[]> => {
  const today = todayOf(deps);
  // An ended case's appeals can no longer be changed: nothing there for anyone to follow up.
  const rows = await listDueInOrganisation(deps.db, staff.organisationId, WAITING, addDays(today, days), ACTIVE_STATES);
  const persons = await getPersons(
    deps.db,
    rows.map((r) => r.person_id),
  );
  return rows.map((r) => {
    const p = persons.get(r.person_id);
    return {
      id: r.id,
      caseId: r.case_id,
      name: p ? fullName(p) : '',
      state: r.state,
      sent: r.sent_on ? { on: r.sent_on, channel: r.channel } : null,
      addressee: null,
      answerBy: r.answer_by
        ? { date: r.answer_by, estimated: r.deadline_estimated === 1, daysLeft: daysLeft(today, r.answer_by) }
        : null,
    };
  });
};

/**
 * To whom each letter of the list went, for the appeals whose case the principal may read: the
 * policy decides case by case (as for the letter's own page, appeals.policy.ts), never the list's
 * grant alone, and each case's key opens its letters. Opening a case's letters is a staff read of
 * that case, recorded as the appeal's page records it (once per case, not per letter). Rows of a
 * case the principal may not read keep addressee null: the page shows when and how, not to whom.
 */
export const withAddressees = async (
  deps: AppealsDeps,
  principal: Principal,
  rows: DueAppeal[],
): Promise<DueAppeal[]> => {
  const facts = await findCaseFactsMany(
    deps.db,
    rows.map((r) => r.caseId),
  );
  const readable = new Set(readableAppealCases(principal, facts));
  const grants = facts.filter((f) => readable.has(f.caseId)).map((f) => grantCase(principal, f, 'read'));
  if (grants.length === 0) return rows;
  const keys = await staffCaseKeysFor(deps.db, grants);
  const letters = await listLetters(
    deps.db,
    rows.filter((r) => keys.has(r.caseId)).map((r) => r.id),
  );
  const byId = new Map(letters.map((l) => [l.id, l]));
  const at = isoNow(deps.clock);
  await deps.db.transaction().execute(async (tx) => {
    for (const g of grants.filter((g) => keys.has(g.caseId)))
      await recordAudit(tx, {
        actorUserId: g.auth.userId,
        actorRole: g.auth.role,
        organisationId: g.organisationId,
        action: 'case.read',
        caseId: g.caseId,
        at,
      });
  });
  return rows.map((r) => {
    const key = keys.get(r.caseId);
    const letter = byId.get(r.id);
    return key && letter ? { ...r, addressee: openLetter(key, letter).addressee } : r;
  });
};

/** Which of these cases have an overdue appeal (the queue marks them). */
export const casesWithOverdueAppeals = (db: Queryable, caseIds: string[]): Promise<Set<string>> =>
  overdueCaseIds(db, caseIds);
