import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { assertMigrated } from '../db/migrate.ts';
import { commandLanguage } from '../shared/cli-lang.ts';
import { translator, type T } from '../web/i18n/i18n.ts';
import { casesStats } from './queue.service.ts';
import { appealsStats } from '../appeals/appeal-steps.service.ts';

// `kintrace stats [--json]`: counts only, nothing that identifies anybody. The lines are in the
// operator's language; the JSON keeps its English keys for scripts.

export const registerCasesCli = (program: Command, help: T): void => {
  program
    .command('stats')
    .description(help('cases.cli.help.stats'))
    .option('--json', help('cases.cli.help.statsJson'))
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const t = translator(commandLanguage(cmd));
      const { db, close } = openDatabase(loadConfig());
      try {
        await assertMigrated(db);
        const s = { ...(await casesStats(db)), appeals: await appealsStats(db) };
        process.stdout.write(
          opts.json
            ? `${JSON.stringify(s)}\n`
            : `${t('cases.cli.stats', {
                ...s,
                appeals: Object.entries(s.appeals)
                  .map(([state, n]) => `${t(`appeals.states.${state}`)} ${n}`)
                  .join(', '),
              })}\n`,
        );
      } finally {
        await close();
      }
    });
};
