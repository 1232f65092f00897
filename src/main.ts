import { buildApp } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { systemClock } from './shared/clock.ts';
import { flushDaily } from './shared/held-log.ts';
import { issueSetupLink } from './accounts/first-run.service.ts';
import { firstRunLines } from './accounts/accounts.cli.ts';
import { DEFAULT_LANG, type Lang } from './shared/lang.ts';
import { translator } from './web/i18n/i18n.ts';
import { Scheduler } from './scheduler/scheduler.service.ts';
import { allJobs } from './jobs.ts';
import { holdsDemo } from './demo/demo.service.ts';

/** How long the start-up message waits for the jobs that run at start to have logged. */
const START_JOBS_WAIT_MS = 5_000;
const RULE = '='.repeat(72);

/** load config -> open database -> buildApp -> listen (nothing else). */
export const serve = async (config: Config = loadConfig(), lang: Lang = DEFAULT_LANG): Promise<void> => {
  const { db, dialect, close } = openDatabase(config);
  await migrateToLatest(db);
  const app = await buildApp({ config, db, dialect, clock: systemClock });
  // Timed work (retention, session cleanup…) on the one scheduler: due rows in the database, taken
  // by whichever process claims them first, so several processes can run side by side.
  const scheduler = new Scheduler(
    { db, clock: systemClock, log: app.log },
    allJobs({ db, clock: systemClock, config }),
  );
  await scheduler.start();
  // What the anonymous routes would have logged, once a day without times (and at close).
  const stopHeldLog = flushDaily(app.heldLog, app.log, systemClock);
  const shutdown = async () => {
    await scheduler.stop();
    stopHeldLog();
    await app.close();
    await close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  // The address and the first administrator's link come last, set apart from the log lines of
  // the jobs that run at start: a newcomer reading the terminal must not have to find them there.
  await scheduler.settled(START_JOBS_WAIT_MS);
  // In the operator's language (shared/cli-lang.ts), as the other messages of the command.
  const t = translator(lang);
  const lines = [t('cli.running', { url: `${config.publicUrl}/` })];
  try {
    const setupUrl = await issueSetupLink({ db, config, clock: systemClock });
    if (setupUrl) lines.push(...firstRunLines(t, setupUrl));
    if (await holdsDemo(db)) lines.push(t('cli.demo', { url: `${config.publicUrl}/login` }));
  } catch (err) {
    // A start that cannot say where it runs, or how to make the first administrator, stops: left
    // listening, it served on without ever printing its address, and the error read as done.
    await scheduler.stop();
    stopHeldLog();
    await app.close();
    await close();
    throw err;
  }
  process.stdout.write(`\n${RULE}\n${lines.join('\n')}\n${RULE}\n\n`);
};
