import { DAY } from '../shared/clock.ts';
import type { Db } from '../db/database.ts';
import type { Clock } from '../shared/clock.ts';
import type { JobDefinition } from '../scheduler/scheduler.service.ts';
import { refreshRequestStatistics } from './request-stats.service.ts';

// Daily: a table recomputed at most once a day changes slowly, so comparing two days' tables
// tells little about any one family (docs/registry-methodology.md). Idempotent: each run replaces
// the whole table in one transaction.

export const requestStatisticsJob = (deps: { db: Db; clock: Clock; threshold: number }): JobDefinition => ({
  name: 'registry-request-statistics',
  everyMs: DAY,
  run: async ({ principal }) => {
    const r = await refreshRequestStatistics(deps, principal);
    return {
      ok: true,
      summary: `registry request statistics: ${r.regions} region(s), ${r.hidden} hidden below the small-count threshold`,
      notes: [{ key: 'requestStatistics', values: { regions: r.regions, hidden: r.hidden } }],
    };
  },
});
