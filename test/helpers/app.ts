import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApp } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { DialectName, OpenedDb } from '../../src/db/database.ts';
import { ManualClock } from '../../src/shared/clock.ts';
import { freshDb } from './db.ts';

export interface TestApp {
  app: FastifyInstance;
  opened: OpenedDb;
  clock: ManualClock;
  config: Config;
  dataDir: string;
  close(): Promise<void>;
}

/** A whole app on a fresh database of the given kind, with a settable clock. */
export const testApp = async (
  dialect: DialectName = 'sqlite',
  env: Record<string, string> = {},
  /** the app's logger (a test that reads what is logged); the config's level to stdout otherwise */
  logger?: Logger,
): Promise<TestApp> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kintrace-test-'));
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', ...env });
  const opened = await freshDb(dialect, dialect === 'sqlite' ? path.join(dataDir, 'kintrace.sqlite') : undefined);
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');
  const app = await buildApp({ config, db: opened.db, dialect: opened.dialect, clock, logger });
  return {
    app,
    opened,
    clock,
    config,
    dataDir,
    close: async () => {
      await app.close();
      await opened.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
