import { HOUR } from '../shared/clock.ts';
import type { JobDefinition } from '../scheduler/scheduler.service.ts';
import type { AccountsDeps } from './auth.service.ts';
import { purgeExpiredSessions } from './sessions.service.ts';
import { purgeExpiredCounters } from './throttle.service.ts';

// Expired sessions and attempt counters are removed hourly, not only when someone logs in:
// a seized file should hold as few of them as possible (each session row holds a sealed key).

export const sessionCleanupJob = (deps: AccountsDeps): JobDefinition => ({
  name: 'sessions.cleanup',
  everyMs: HOUR,
  run: async () => {
    await purgeExpiredSessions(deps.db, deps.clock, deps.config);
    await purgeExpiredCounters(deps.db, deps.clock);
    return {
      ok: true,
      summary: 'expired sessions and attempt counters removed',
      notes: [{ key: 'sessions' }],
    };
  },
});
