import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { systemClock } from '../shared/clock.ts';
import { base32Decode, totpCode } from '../accounts/totp.crypto.ts';
import { assertEmptyDataDir, DemoRefused, formatReport, runDemo } from './demo.service.ts';
import { addDemoRegistry } from './demo-registry.service.ts';
import { commandLanguage } from '../shared/cli-lang.ts';
import { translator, type T } from '../web/i18n/i18n.ts';

// `kintrace demo`: fills an EMPTY data directory (and database) with the synthetic demo and prints
// the logins. `kintrace demo --totp <secret>` prints the current code for a demo staff login, for
// newcomers without an authenticator app at hand.

export const registerDemoCli = (program: Command, help: T): void => {
  program
    .command('demo')
    .description(help('demo.cli.help.demo'))
    .option('--totp <secret>', help('demo.cli.help.totp'))
    .option('--persons <n>', help('demo.cli.help.persons'), '3000')
    .action(async (opts: { totp?: string; persons: string }, cmd: Command) => {
      const t = translator(commandLanguage(cmd));
      if (opts.totp !== undefined) {
        const secret = opts.totp.replace(/\s/g, '').toUpperCase();
        try {
          if (base32Decode(secret).length < 10) throw new Error('too short');
        } catch {
          throw new DemoRefused('demo.cli.badTotp');
        }
        process.stdout.write(`${totpCode(secret, new Date())}\n`);
        return;
      }
      if (!/^\d{1,7}$/.test(opts.persons)) throw new DemoRefused('demo.cli.badPersons');
      const config = loadConfig();
      // On PostgreSQL the data directory holds nothing of the database: the emptiness that
      // matters is the database's own, which runDemo checks (no account in it).
      if (!config.databaseUrl) assertEmptyDataDir(config.dataDir);
      const { db, close } = openDatabase(config);
      try {
        await migrateToLatest(db);
        const report = await runDemo({ db, config, clock: systemClock });
        const persons = await addDemoRegistry(
          { db, clock: systemClock },
          report.organisationIds[0],
          Number(opts.persons),
        );
        process.stdout.write(formatReport(report, config.publicUrl, t));
        process.stdout.write(`${t('demo.cli.report.registry', { persons, url: `${config.publicUrl}/registry` })}\n`);
      } finally {
        await close();
      }
    });
};
