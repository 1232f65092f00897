import { DAY, HOUR } from '../shared/clock.ts';
import { noteDay, type JobDefinition, type JobOutcome } from '../scheduler/scheduler.service.ts';
import { describeReport, runRetention, type RetentionDeps } from './retention.service.ts';

// Retention on the scheduler: daily, and at the first tick after a start when a day has passed.
// Idempotent by construction: each case is purged in its own transaction, and a case already
// gone or reopened is skipped, so a run cut short is finished by the next.

export const retentionJob = (deps: RetentionDeps & { days: number }): JobDefinition => ({
  name: 'retention',
  everyMs: DAY,
  leaseMs: 2 * HOUR,
  run: async ({ principal }): Promise<JobOutcome> => {
    const report = await runRetention(deps, { days: deps.days, principal });
    const { cutoff, cases, keyWraps, messages, notes, eventsDeleted, eventsKept, persons, accounts } = report;
    return {
      ok: report.failed === 0,
      summary: describeReport(report),
      notes: [
        {
          key: 'retention',
          values: {
            cutoff: noteDay(cutoff),
            cases,
            keyWraps,
            messages,
            notes,
            eventsDeleted,
            eventsKept,
            persons,
            accounts,
          },
        },
        ...(report.failed > 0 ? [{ key: 'retentionFailed', values: { failed: report.failed } }] : []),
        ...(report.walTruncated === false ? [{ key: 'walHeld' }] : []),
      ],
    };
  },
});
