import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import type { Clock } from './shared/clock.ts';
import type { JobDefinition } from './scheduler/scheduler.service.ts';
import { retentionJob } from './cases/retention.job.ts';
import { sessionCleanupJob } from './accounts/sessions.job.ts';
import { matchingJob } from './matching/matching.job.ts';
import { importsJob } from './imports/imports.job.ts';
import { requestStatisticsJob } from './registry/request-stats.job.ts';
import { tipsJob } from './tips/tips.job.ts';
import { appealsOverdueJob } from './appeals/overdue.job.ts';
import { appealsDeps } from './appeals/appeals.service.ts';

// Every kind of timed work the platform does, each defined by its domain. The scheduler itself
// (src/scheduler/) knows none of them; main.ts hands it this list.

export const allJobs = (deps: { db: Db; clock: Clock; config: Config }): JobDefinition[] => [
  retentionJob({ db: deps.db, clock: deps.clock, config: deps.config, days: deps.config.retentionDays }),
  sessionCleanupJob(deps),
  matchingJob(deps),
  importsJob(deps),
  requestStatisticsJob({ db: deps.db, clock: deps.clock, threshold: deps.config.registrySuppressionThreshold }),
  tipsJob(deps),
  appealsOverdueJob(appealsDeps(deps)),
];
