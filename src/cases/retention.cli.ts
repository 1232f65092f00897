import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { assertMigrated } from '../db/migrate.ts';
import { systemClock } from '../shared/clock.ts';
import { describeReport, runRetention } from './retention.service.ts';

// `kintrace retention run [--dry-run] [--json]`: what the server also does daily, by hand
// (after lowering RETENTION_DAYS, say, or from cron when the server runs elsewhere).
// Prints counts only: never an id, a name or a date that could single out a case.

export const registerRetentionCli = (program: Command): void => {
  const retention = program
    .command('retention')
    .description('destroy closed cases whose retention period has ended (docs/retention.md)');
  retention
    .command('run')
    .description('purge every case closed for RETENTION_DAYS days or more')
    .option('--dry-run', 'count what would be purged, change nothing')
    .option('--json', 'print the counts as JSON')
    .action(async (opts: { dryRun?: boolean; json?: boolean }) => {
      const config = loadConfig();
      const { db, close } = openDatabase(config);
      try {
        await assertMigrated(db);
        const report = await runRetention(
          { db, clock: systemClock, config },
          { days: config.retentionDays, dryRun: opts.dryRun === true },
        );
        process.stdout.write(opts.json ? `${JSON.stringify(report)}\n` : `${describeReport(report)}\n`);
        // cron and scripts must notice a case that could not be purged
        if (report.failed > 0) process.exitCode = 1;
      } finally {
        await close();
      }
    });
};
