import { DAY } from '../shared/clock.ts';
import { describeReport, runRetention, type RetentionDeps } from './retention.service.ts';

// The server purges once at start and then every day. Only main.ts starts this: tests and the
// CLI never get a timer behind their back. A run never overlaps the previous one, a failure is
// logged (counts and error only) and retried the next day, and stop() waits for a run in
// progress so the database is not closed under it.

export interface RetentionLog {
  info(msg: string): void;
  error(obj: object, msg: string): void;
}

export const startRetentionSchedule = (
  deps: RetentionDeps & { days: number; log: RetentionLog },
  everyMs = DAY,
): { stop(): Promise<void> } => {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = (): void => {
    if (stopped || running) return;
    running = runRetention(deps, { days: deps.days })
      .then((report) => {
        if (report.failed > 0) deps.log.error({}, describeReport(report));
        else deps.log.info(describeReport(report));
      })
      .catch((err: unknown) => deps.log.error({ err }, 'retention run failed; it will be retried on the next run'))
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, everyMs);
  // The timer alone must not keep the process alive.
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
};
