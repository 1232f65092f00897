import type { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { systemClock } from '../shared/clock.ts';
import { Conflict, Invalid } from '../shared/errors.ts';
import { parseForm } from '../shared/validation.ts';
import { translator } from '../web/i18n/i18n.ts';
import { pseudonymField } from './accounts.schema.ts';
import { createSiteAdmin } from './staff.service.ts';
import { generatePassphrase } from './account-keys.crypto.ts';

// `kintrace admin create`: the first (or another) site administrator from the command line. The
// passphrase is generated here, printed once and never stored; 2FA is set up at first login.

const optionsSchema = z.object({
  pseudonym: pseudonymField,
  organisation: z.string().trim().min(2, 'accounts.errors.organisationShort').max(120).optional(),
});

export const registerAccountsCli = (program: Command): void => {
  const admin = program.command('admin').description('administrator accounts');
  admin
    .command('create')
    .description('create a site administrator; prints a generated passphrase once')
    .requiredOption('--pseudonym <name>', "the administrator's pseudonym (no real name)")
    .option('--organisation <name>', 'also create this organisation, with the administrator in it')
    .action(async (opts: { pseudonym: string; organisation?: string }) => {
      const t = translator('en');
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
        process.stdout.write(
          [
            `Site administrator "${input.pseudonym}" created${input.organisation ? ` with the organisation "${input.organisation}"` : ''}.`,
            `Passphrase (shown only now; write it down): ${passphrase}`,
            `Log in at ${config.publicUrl}/login; you will be asked to set up two-factor authentication first.`,
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
