import type { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { systemClock } from '../shared/clock.ts';
import { Conflict, Invalid } from '../shared/errors.ts';
import { parseForm } from '../shared/validation.ts';
import { translator, type T } from '../web/i18n/i18n.ts';
import { quoted } from '../web/quotes.ts';
import { commandLanguage } from '../shared/cli-lang.ts';
import { pseudonymField } from './accounts.schema.ts';
import { createSiteAdmin } from './staff.service.ts';
import { generatePassphrase } from './account-keys.crypto.ts';

// `kintrace admin create`: the first (or another) site administrator from the command line. The
// passphrase is generated here, printed once and never stored; 2FA is set up at first login.
// Also the lines of the start-up message that offer the first administrator's setup link.

const optionsSchema = z.object({
  pseudonym: pseudonymField,
  organisation: z.string().trim().min(2, 'accounts.errors.organisationShort').max(120).optional(),
});

export const registerAccountsCli = (program: Command, help: T): void => {
  const admin = program.command('admin').description(help('accounts.cli.help.admin'));
  admin
    .command('create')
    .description(help('accounts.cli.help.create'))
    .requiredOption('--pseudonym <name>', help('accounts.cli.help.pseudonym'))
    .option('--organisation <name>', help('accounts.cli.help.organisation'))
    .action(async (opts: { pseudonym: string; organisation?: string }, cmd: Command) => {
      const lang = commandLanguage(cmd);
      const t = translator(lang);
      let input: z.infer<typeof optionsSchema>;
      try {
        input = parseForm(optionsSchema, opts);
      } catch (err) {
        if (err instanceof Invalid)
          throw new Error(err.problems.map((p) => `--${p.field}: ${t(p.key, p.params ?? {})}`).join('; '));
        throw err;
      }
      const config = loadConfig();
      const { db, close } = openDatabase(config);
      try {
        await migrateToLatest(db);
        const passphrase = generatePassphrase();
        await createSiteAdmin(
          { db, config, clock: systemClock },
          { pseudonym: input.pseudonym, passphrase, organisationName: input.organisation },
        );
        const pseudonym = quoted(lang, input.pseudonym);
        process.stdout.write(
          [
            input.organisation
              ? t('accounts.cli.createdWithOrganisation', {
                  pseudonym,
                  organisation: quoted(lang, input.organisation),
                })
              : t('accounts.cli.created', { pseudonym }),
            t('accounts.cli.passphrase', { passphrase }),
            t('accounts.cli.logIn', { url: `${config.publicUrl}/login` }),
            '',
          ].join('\n'),
        );
      } catch (err) {
        if (err instanceof Conflict) throw new Error(t(err.key));
        throw err;
      } finally {
        await close();
      }
    });
};

/** What `kintrace serve` prints while there is no administrator: the setup link, or the command. */
export const firstRunLines = (t: T, setupUrl: string): string[] => [
  t('accounts.cli.firstRun'),
  `  ${setupUrl}`,
  t('accounts.cli.firstRunOr'),
  `  npx kintrace admin create --pseudonym admin [--organisation "${t('accounts.cli.organisationPlaceholder')}"]`,
];
