import { HOUR } from '../shared/clock.ts';
import { noteDay, type JobDefinition, type JobOutcome } from '../scheduler/scheduler.service.ts';
import type { TipsDeps } from './tip-deps.ts';
import { describeTipReport, runTipRetention } from './tip-retention.service.ts';

// Tips on the scheduler: retention of closed tips and the end of expired sender visits, hourly
// (the visits last an hour at most; the purge itself is by day, so a tip goes on its day).

export const tipsJob = (deps: TipsDeps): JobDefinition => ({
  name: 'tips',
  everyMs: HOUR,
  run: async ({ principal }): Promise<JobOutcome> => {
    const report = await runTipRetention(deps, { days: deps.config.retentionDays, principal });
    const { cutoff, tips, posts, sessions, failed } = report;
    return {
      ok: failed === 0,
      summary: describeTipReport(report),
      notes: [
        { key: 'tips', values: { cutoff: noteDay(cutoff), tips, posts, sessions } },
        ...(failed > 0 ? [{ key: 'tipsFailed', values: { failed } }] : []),
      ],
    };
  },
});
