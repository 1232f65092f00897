import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { DatabaseProblem } from './db/db-problems.ts';
import { registerLinkageCli } from './linkage/linkage.cli.ts';
import { registerAccountsCli } from './accounts/accounts.cli.ts';
import { registerCasesCli } from './cases/cases.cli.ts';
import { registerDemoCli } from './demo/demo.cli.ts';
import { registerRetentionCli } from './cases/retention.cli.ts';
import { registerImportsCli } from './imports/imports.cli.ts';
import { registerMatchingCli } from './matching/matching.cli.ts';
import { registerRegistryCli } from './registry/registry.cli.ts';
import { registerBackupCli } from './backup/backup.cli.ts';

// The `kintrace` command. Each domain adds its own subcommands from <domain>/<domain>.cli.ts;
// this file only wires them and turns known errors into a clear message and exit code 1.

export const buildCli = (): Command => {
  const program = new Command('kintrace')
    .description('Kintrace: tracing requests, appeals, matching, registry')
    .exitOverride();

  program
    .command('serve')
    .description('run the web platform (PORT, HOST, DATA_DIR, DATABASE_URL from the environment)')
    .action(async () => {
      const { serve } = await import('./main.ts');
      await serve(loadConfig());
    });

  program
    .command('migrate')
    .description('bring the database schema up to date')
    .action(async () => {
      const { db, close } = openDatabase(loadConfig());
      try {
        const applied = await migrateToLatest(db);
        process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'schema is up to date\n');
      } finally {
        await close();
      }
    });

  registerLinkageCli(program);
  registerAccountsCli(program);
  registerCasesCli(program);
  registerDemoCli(program);
  registerRetentionCli(program);
  registerImportsCli(program);
  registerMatchingCli(program);
  registerRegistryCli(program);
  registerBackupCli(program);
  return program;
};

export const runCli = async (argv: string[]): Promise<void> => {
  try {
    await buildCli().parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode;
      return;
    }
    if (err instanceof ConfigError) {
      process.stderr.write(`configuration error: ${err.message}\n`);
      process.exitCode = 1;
      return;
    }
    if (err instanceof DatabaseProblem) {
      process.stderr.write(`database error: ${err.message}\n`);
      process.exitCode = 1;
      return;
    }
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
};
