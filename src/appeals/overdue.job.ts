import { HOUR } from '../shared/clock.ts';
import type { JobDefinition, JobOutcome } from '../scheduler/scheduler.service.ts';
import { markOverdue } from './appeal-steps.service.ts';
import type { AppealsDeps } from './appeals.service.ts';

// Deadlines on the one scheduler: hourly, an appeal whose answer day has passed is marked overdue
// and its family told in their case (case news: appeal_overdue). Idempotent: an appeal already
// overdue, answered or closed is not touched again.

export const appealsOverdueJob = (deps: AppealsDeps): JobDefinition => ({
  name: 'appeals.overdue',
  everyMs: HOUR,
  run: async ({ principal }): Promise<JobOutcome> => {
    const { marked, failed } = await markOverdue(deps, principal);
    return {
      ok: failed === 0,
      summary: `appeals: ${marked} marked overdue${failed ? `, ${failed} failed` : ''}`,
      notes: [
        { key: 'appealsOverdue', values: { marked } },
        ...(failed > 0 ? [{ key: 'appealsOverdueFailed', values: { failed } }] : []),
      ],
    };
  },
});
