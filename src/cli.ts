import { type Command, CommanderError } from 'commander';
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
import { argvLanguage, cliLanguage, commandLanguage, LANG_ENV, UnknownLanguage } from './shared/cli-lang.ts';
import { say, wordsOf } from './shared/said.ts';
import { spokenCommand } from './cli-help.ts';
import { DEFAULT_LANG, type Lang } from './shared/lang.ts';
import { translator } from './web/i18n/i18n.ts';

// The `kintrace` command. Each domain adds its own subcommands from <domain>/<domain>.cli.ts;
// this file only wires them and turns known errors into a clear message and exit code 1.
// Messages to the operator are in Russian or English (shared/cli-lang.ts says which); what a
// script reads (CSV, JSON) is the same in both.

/** The command, its help and its descriptions in `lang` (what its commands print is in commandLanguage's). */
export const buildCli = (lang: Lang = DEFAULT_LANG): Command => {
  const t = translator(lang);
  const program = spokenCommand(t, 'kintrace')
    .description(t('cli.help.program'))
    .option('--lang <lang>', t('cli.help.lang', { env: LANG_ENV }))
    .exitOverride();
  // A language setting nobody can read is refused before any command runs, whichever it is.
  program.hook('preAction', (_program, action) => {
    commandLanguage(action);
  });

  program
    .command('serve')
    .description(t('cli.help.serve'))
    .action(async (_opts: unknown, cmd: Command) => {
      const { serve } = await import('./main.ts');
      await serve(loadConfig(), commandLanguage(cmd));
    });

  program
    .command('migrate')
    .description(t('cli.help.migrate'))
    .action(async (_opts: unknown, cmd: Command) => {
      const t = translator(commandLanguage(cmd));
      const { db, close } = openDatabase(loadConfig());
      try {
        const applied = await migrateToLatest(db);
        process.stdout.write(
          `${applied.length ? t('cli.migrate.applied', { names: applied.join(', ') }) : t('cli.migrate.upToDate')}\n`,
        );
      } finally {
        await close();
      }
    });

  registerLinkageCli(program, t);
  registerAccountsCli(program, t);
  registerCasesCli(program, t);
  registerDemoCli(program, t);
  registerRetentionCli(program, t);
  registerImportsCli(program, t);
  registerMatchingCli(program, t);
  registerRegistryCli(program, t);
  registerBackupCli(program, t);
  return program;
};

/** The language to report an error in: the command's, or Russian when that is what went wrong. */
const errorLanguage = (program: Command): Lang => {
  try {
    return cliLanguage(program.opts().lang as string | undefined, process.env);
  } catch {
    return DEFAULT_LANG;
  }
};

export const runCli = async (argv: string[]): Promise<void> => {
  const program = buildCli(argvLanguage(argv.slice(2), process.env));
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode;
      return;
    }
    process.exitCode = 1;
    if (err instanceof UnknownLanguage) {
      process.stderr.write(`${err.message}\n`);
      return;
    }
    const t = translator(errorLanguage(program));
    // A refusal said by its words (shared/said.ts) is said in the operator's language.
    const words = wordsOf(err);
    const message = words ? say(t, words) : err instanceof Error ? err.message : String(err);
    const kind = err instanceof ConfigError ? 'config' : err instanceof DatabaseProblem ? 'database' : 'other';
    process.stderr.write(`${t(`cli.errors.${kind}`, { message })}\n`);
  }
};
