import type { Db } from '../db/database.ts';
import type { Clock } from '../shared/clock.ts';

/** What every cases service is given: the database, the clock, and the settings it reads. */
export interface CasesDeps {
  db: Db;
  clock: Clock;
  /**
   * The settings read: the time zone whose calendar dates what a family does and sees (orgDay),
   * and the retention period (without it, as in some tests and the demo, pages show no deletion date).
   */
  config?: { timeZone?: string; retentionDays?: number };
}
