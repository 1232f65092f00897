import type { Db } from '../db/database.ts';
import type { AuthContext } from '../policy/principal.ts';
import { grantQueue } from '../policy/organisation.policy.ts';
import { principalOf } from '../policy/principal.ts';
import { caseQueue } from '../cases/queue.service.ts';
import type { Clock } from '../shared/clock.ts';

// The open cases a caseworker may invite to a collective appeal: the organisation's active cases,
// through the cases domain's own queue (names and units are clear columns).

export const casesOfOrganisationForPicker = async (
  deps: { db: Db; clock: Clock; config: { timeZone: string } },
  staff: AuthContext & { organisationId: string },
) => {
  const grant = grantQueue(principalOf(staff));
  const page = await caseQueue(deps, grant, 'open', { size: 500 });
  return page.rows.map((r) => ({ id: r.id, name: r.name, unit: r.unit }));
};
