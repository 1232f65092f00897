import type { Queryable } from '../db/database.ts';
import { NotFound } from '../shared/errors.ts';
import { grantCase } from '../policy/case.policy.ts';
import { grantAppeal, type AppealAction, type AppealGrant } from '../policy/appeals.policy.ts';
import { principalOf, type Principal } from '../policy/principal.ts';
import { caseKeyFor, findCaseFacts } from '../cases/case-access.service.ts';
import { isUuid } from '../shared/ids.ts';
import { findAppeal } from './appeals.repository.ts';

// The appeals domain asking the policy: the case's facts come from the cases domain, the appeal's
// case from here. Routes call these before any service; the services take the grant.

export const authoriseCaseAppeals = async <A extends AppealAction>(
  db: Queryable,
  principal: Principal,
  caseId: string,
  action: A,
): Promise<AppealGrant<A>> => grantAppeal(principal, await findCaseFacts(db, caseId), action);

/** The grant for an appeal (through its case), and the appeal's row; NotFound for both missing and forbidden. */
export const authoriseAppeal = async <A extends AppealAction>(
  db: Queryable,
  principal: Principal,
  appealId: string,
  action: A,
) => {
  if (!isUuid(appealId)) throw new NotFound('appeal');
  const appeal = await findAppeal(db, appealId);
  if (!appeal) throw new NotFound('appeal');
  const grant = await authoriseCaseAppeals(db, principal, appeal.case_id, action);
  return { grant, appeal };
};

/** The case key for an appeal grant's holder. */
export const appealCaseKey = async (db: Queryable, grant: AppealGrant): Promise<Buffer> =>
  caseKeyFor(db, grantCase(principalOf(grant.auth), await findCaseFacts(db, grant.caseId), 'read'));
