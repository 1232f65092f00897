import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { assertMigrated } from '../db/migrate.ts';
import { casesStats } from './queue.service.ts';
import { appealsStats } from '../appeals/appeal-steps.service.ts';

// `kintrace stats [--json]`: counts only, nothing that identifies anybody.

export const registerCasesCli = (program: Command): void => {
  program
    .command('stats')
    .description('count persons, cases, timeline events and user accounts')
    .option('--json', 'print {persons, cases, events, users, appeals: {draft, sent, …}} as JSON')
    .action(async (opts: { json?: boolean }) => {
      const { db, close } = openDatabase(loadConfig());
      try {
        await assertMigrated(db);
        const s = { ...(await casesStats(db)), appeals: await appealsStats(db) };
        process.stdout.write(
          opts.json
            ? `${JSON.stringify(s)}\n`
            : `persons ${s.persons}\ncases   ${s.cases}\nevents  ${s.events}\nusers   ${s.users}\nappeals ${Object.entries(
                s.appeals,
              )
                .map(([k, v]) => `${k} ${v}`)
                .join(', ')}\n`,
        );
      } finally {
        await close();
      }
    });
};
