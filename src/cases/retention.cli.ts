import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { assertMigrated } from '../db/migrate.ts';
import { systemClock } from '../shared/clock.ts';
import { commandLanguage } from '../shared/cli-lang.ts';
import { translator, type T } from '../web/i18n/i18n.ts';
import { runRetention, type RetentionReport } from './retention.service.ts';

// `kintrace retention run [--dry-run] [--json]`: what the server also does daily, by hand
// (after lowering RETENTION_DAYS, say, or from cron when the server runs elsewhere).
// Prints counts only: never an id, a name or a date that could single out a case. The line is in
// the operator's language (the server's log keeps describeReport's English); the JSON is not.

const reportLine = (t: T, r: RetentionReport): string =>
  [
    `${t(r.dryRun ? 'cases.cli.retention.dryRun' : 'cases.cli.retention.purged', { cases: r.cases, cutoff: r.cutoff })}; ${t('cases.cli.retention.counts', { ...r })}`,
    ...(r.failed > 0
      ? [t('cases.cli.retention.failed', { failed: r.failed, failures: (r.failures ?? []).join(' | ') })]
      : []),
    ...(r.walTruncated === false ? [t('cases.cli.retention.walHeld')] : []),
  ].join('; ');

export const registerRetentionCli = (program: Command, help: T): void => {
  const retention = program.command('retention').description(help('cases.cli.help.retention'));
  retention
    .command('run')
    .description(help('cases.cli.help.retentionRun'))
    .option('--dry-run', help('cases.cli.help.dryRun'))
    .option('--json', help('cases.cli.help.json'))
    .action(async (opts: { dryRun?: boolean; json?: boolean }, cmd: Command) => {
      const t = translator(commandLanguage(cmd));
      const config = loadConfig();
      const { db, close } = openDatabase(config);
      try {
        await assertMigrated(db);
        const report = await runRetention(
          { db, clock: systemClock, config },
          { days: config.retentionDays, dryRun: opts.dryRun === true },
        );
        process.stdout.write(opts.json ? `${JSON.stringify(report)}\n` : `${reportLine(t, report)}\n`);
        // cron and scripts must notice a case that could not be purged
        if (report.failed > 0) process.exitCode = 1;
      } finally {
        await close();
      }
    });
};
