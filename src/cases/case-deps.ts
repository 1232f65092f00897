import type { Db } from '../db/database.ts';
import type { Clock } from '../shared/clock.ts';

/** What every cases service is given: the database, the clock, and the settings it reads. */
export interface CasesDeps {
  db: Db;
  clock: Clock;
  /** the app passes its config; without it (some tests, the demo) pages show no deletion date */
  config?: { retentionDays: number };
}
