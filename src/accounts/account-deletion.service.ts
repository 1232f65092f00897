import { isoNow } from '../shared/clock.ts';
import { NotFound } from '../shared/errors.ts';
import { eraseCasesOfFamily, flushErased } from '../cases/case-erasure.service.ts';
import { grantEraseOwnAccount } from '../policy/organisation.policy.ts';
import type { Principal } from '../policy/principal.ts';
import type { AccountsDeps } from './auth.service.ts';
import { deleteFamilyAccountRow } from './accounts.repository.ts';

// A family deletes its account and every case at once, after one confirmation. One transaction:
// every case destroyed as retention destroys it (src/cases/case-erasure.service.ts), then the
// account row with its sealed private key; its sessions and recovery codes go by cascade. After
// it, the pseudonym is free, the recovery codes open nothing, and the audit log's entries name an
// id that leads nowhere. Nothing waits for a timer.

export const deleteOwnFamilyAccount = async (deps: AccountsDeps, principal: Principal): Promise<{ cases: number }> => {
  const auth = grantEraseOwnAccount(principal);
  const result = await deps.db.transaction().execute(async (tx) => {
    const at = isoNow(deps.clock);
    const { cases } = await eraseCasesOfFamily(tx, principal, at);
    // No audit entry of its own: it would be read by no organisation and would outlive the account
    // only to say that it existed. Each case's `case.deleted` tells its organisation what it needs.
    if (!(await deleteFamilyAccountRow(tx, auth.userId))) throw new NotFound('account');
    return { cases };
  });
  await flushErased(deps.db);
  return result;
};
