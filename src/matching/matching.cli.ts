import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { systemClock } from '../shared/clock.ts';
import { systemPrincipal } from '../policy/principal.ts';
import { runMatching } from './scoring.service.ts';

// `kintrace match run`: what the server's matching job does every minute, by hand — after a large
// import from the command line, say, to have its candidates in the review queue at once.

export const registerMatchingCli = (program: Command): void => {
  program
    .command('match')
    .description('score person records against their organisation’s records (the review queue)')
    .command('run')
    .description('score every pending record now')
    .option('--max <n>', 'at most this many records', (v) => Number.parseInt(v, 10), 1_000_000)
    .action(async (opts: { max: number }) => {
      const { db, close } = openDatabase(loadConfig());
      try {
        const r = await runMatching({ db, clock: systemClock }, systemPrincipal('import'), { maxRecords: opts.max });
        process.stdout.write(
          `scored ${r.scored} record(s) of ${r.organisations} organisation(s): ${r.candidates} new candidate(s) for review, ${r.labels} decision(s) learned, ${r.rekeyed} search key(s) refreshed\n`,
        );
      } finally {
        await close();
      }
    });
};
