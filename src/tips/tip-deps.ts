import type { Db } from '../db/database.ts';
import type { Clock } from '../shared/clock.ts';
import type { Argon2Params } from '../shared/crypto/index.ts';

/** What every tips service is given: the database, the clock and the settings it reads. */
export interface TipsDeps {
  db: Db;
  clock: Clock;
  config: { argon2: Argon2Params; retentionDays: number; sessionIdleMinutes: number; timeZone: string };
}
