import { MINUTE, orgDay } from '../shared/clock.ts';
import type { JobDefinition } from '../scheduler/scheduler.service.ts';
import { tellFamiliesOfNewFacts } from './clusters.service.ts';
import { readMark, writeMark } from './matching.repository.ts';
import { runMatching, warmIndexes, type MatchingDeps } from './scoring.service.ts';

// Matching on the one scheduler, every minute: score what is pending (new cases, imported rows),
// hand new review decisions to the engine, and tell families of facts verified since the last
// run in other records of their soldier's cluster. Whichever process takes the job refreshes its
// own index first, so several processes on one PostgreSQL never miss a record. Idempotent: a
// record is marked scored in the transaction that stores its candidates, and a family is never
// told the same fact twice.

const SWEEP = 'news_sweep';

export const matchingJob = (deps: MatchingDeps): JobDefinition => ({
  name: 'matching',
  everyMs: MINUTE,
  leaseMs: 30 * MINUTE,
  run: async ({ principal, now }) => {
    const report = await runMatching(deps, principal);
    await warmIndexes(deps);
    const last = await readMark(deps.db, SWEEP);
    // A minute of overlap: a fact verified while the last sweep ran is seen again, not missed.
    const since = new Date((last ?? now.getTime() - 24 * 60 * MINUTE) - MINUTE).toISOString();
    const told = await deps.db.transaction().execute(async (tx) => {
      const n = await tellFamiliesOfNewFacts(tx, since, orgDay(deps));
      await writeMark(tx, SWEEP, now.getTime());
      return n;
    });
    return {
      ok: true,
      summary:
        `matching: scored ${report.scored} record(s) of ${report.organisations} organisation(s), ` +
        `${report.candidates} new candidate(s), ${report.labels} decision(s) learned, ` +
        `search keys of ${report.rekeyed} record(s) refreshed, ${told} family news item(s)`,
      notes: [{ key: 'matching', values: { ...report, told } }],
    };
  },
});
