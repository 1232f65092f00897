import type { Tx } from '../db/database.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { grantCases } from '../policy/case.policy.ts';
import type { Principal } from '../policy/principal.ts';
import { caseFactsOf } from './case-access.service.ts';
import { transition } from './case-lifecycle.ts';
import { listCaseRefsOfRequester } from './cases.repository.ts';
import { destroyCase, truncateWal } from './retention.service.ts';
import type { Db } from '../db/database.ts';
import { SqliteAdapter } from 'kysely';

// A family deletes its account and every case with it, at once (src/accounts/account-deletion.service.ts
// owns the transaction). Each case is destroyed as retention destroys it — key wraps first, so
// whatever copy of a sealed column survives is noise — whatever its state: the family does not
// wait for a closing and RETENTION_DAYS. Each case leaves a content-free `case.deleted` entry
// (the family, to the day) so the organisation's admin sees that the request went, not why.

export interface ErasedCases {
  cases: number;
  /** the organisations that had a case of the family (their queues lose it) */
  organisations: string[];
}

export const eraseCasesOfFamily = async (tx: Tx, principal: Principal, at: string): Promise<ErasedCases> => {
  if (principal.kind !== 'account') return { cases: 0, organisations: [] };
  const rows = await listCaseRefsOfRequester(tx, principal.auth.userId);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const organisations = new Set<string>();
  let cases = 0;
  for (const grant of grantCases(principal, rows.map(caseFactsOf), 'erase')) {
    const row = byId.get(grant.caseId)!;
    transition(row.state, 'erase', 'family');
    await destroyCase(tx, row);
    await recordAudit(tx, {
      actorUserId: grant.auth.userId,
      actorRole: 'family',
      organisationId: row.organisation_id,
      action: 'case.deleted',
      caseId: row.id,
      at,
    });
    organisations.add(row.organisation_id);
    cases++;
  }
  return { cases, organisations: [...organisations] };
};

/**
 * After the erasing transaction commits, on SQLite: the write-ahead log still holds the pages as
 * they were (the wraps among them) until a checkpoint; TRUNCATE copies and empties it, as each
 * retention run does. False when a reader held it (the next retention run empties it).
 */
export const flushErased = async (db: Db): Promise<boolean> =>
  db.getExecutor().adapter instanceof SqliteAdapter ? truncateWal(db) : true;
