import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { systemClock } from '../shared/clock.ts';
import { systemPrincipal } from '../policy/principal.ts';
import { runMatching } from './scoring.service.ts';
import { commandLanguage } from '../shared/cli-lang.ts';
import { translator, type T } from '../web/i18n/i18n.ts';

// `kintrace match run`: what the server's matching job does every minute, by hand — after a large
// import from the command line, say, to have its candidates in the review queue at once.

export const registerMatchingCli = (program: Command, help: T): void => {
  program
    .command('match')
    .description(help('matching.cli.help.match'))
    .command('run')
    .description(help('matching.cli.help.run'))
    .option('--max <n>', help('matching.cli.help.max'), (v) => Number.parseInt(v, 10), 1_000_000)
    .action(async (opts: { max: number }, cmd: Command) => {
      const t = translator(commandLanguage(cmd));
      const { db, close } = openDatabase(loadConfig());
      try {
        const r = await runMatching({ db, clock: systemClock }, systemPrincipal('import'), { maxRecords: opts.max });
        process.stdout.write(`${t('matching.cli.done', { ...r })}\n`);
      } finally {
        await close();
      }
    });
};
