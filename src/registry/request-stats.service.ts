import type { Db } from '../db/database.ts';
import { isoNow, type Clock } from '../shared/clock.ts';
import { openRequestsPerRegion } from '../cases/publication-facts.service.ts';
import { REGIONS } from '../people/regions.ts';
import { assertSystem } from '../policy/system.policy.ts';
import type { Principal } from '../policy/principal.ts';
import { suppress } from './suppression.ts';
import { replaceRequestStats } from './registry.repository.ts';
import { forgetVersion } from './registry-version.ts';

// The one published table about tracing requests: people with an open request, per home region.
// Counted once a day by the scheduler, suppressed (suppression.ts) before anything is stored, so
// the exact small counts never reach the disk or a page.

export const refreshRequestStatistics = async (
  deps: { db: Db; clock: Clock; threshold: number },
  principal: Principal,
): Promise<{ regions: number; hidden: number; total: number | null }> => {
  assertSystem(principal, 'scheduler');
  const raw = await openRequestsPerRegion(deps.db);
  const counts = new Map<string, number>([...REGIONS.map((r) => [r.code, 0] as [string, number]), ['', 0]]);
  for (const [region, n] of raw) counts.set(counts.has(region) ? region : '', (counts.get(region) ?? 0) + n);
  const table = suppress(counts, deps.threshold);
  const rows = [...table.cells].map(([region_code, open_cases]) => ({ region_code, open_cases }));
  await deps.db
    .transaction()
    .execute((tx) =>
      replaceRequestStats(tx, rows, { at: isoNow(deps.clock), total: table.total, threshold: deps.threshold }),
    );
  forgetVersion(deps.db);
  return { regions: rows.length, hidden: rows.filter((r) => r.open_cases === null).length, total: table.total };
};
