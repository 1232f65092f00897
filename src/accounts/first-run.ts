import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { Clock } from '../shared/clock.ts';

/**
 * On an empty deployment: the text telling the operator how to create the first administrator.
 * Placeholder until the accounts domain lands: it always prints the CLI command.
 */
export const firstRunMessage = async (_deps: { db: Db; config: Config; clock: Clock }): Promise<string | null> =>
  'No administrator yet. Create the first one with:\n  npx kintrace admin create --pseudonym admin';
