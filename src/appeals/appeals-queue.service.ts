import type { Queryable } from '../db/database.ts';
import { addDays, daysLeft } from './deadline-rules.ts';
import type { AuthContext } from '../policy/principal.ts';
import { fullName, getPersons } from '../people/people.service.ts';
import { WAITING, type AppealState } from './appeal-lifecycle.ts';
import { listDueInOrganisation, overdueCaseIds } from './appeals.repository.ts';
import { todayOf, type AppealsDeps } from './appeals.service.ts';
import { ACTIVE_STATES } from '../cases/case-lifecycle.ts';

// What the caseworkers follow up: the organisation's appeals that are overdue, then those whose
// answer day comes within `days`. Clear columns only (the person's name, the days): no key needed.

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
      answerBy: r.answer_by
        ? { date: r.answer_by, estimated: r.deadline_estimated === 1, daysLeft: daysLeft(today, r.answer_by) }
        : null,
    };
  });
};

/** Which of these cases have an overdue appeal (the queue marks them). */
export const casesWithOverdueAppeals = (db: Queryable, caseIds: string[]): Promise<Set<string>> =>
  overdueCaseIds(db, caseIds);
