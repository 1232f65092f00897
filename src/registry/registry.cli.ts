import fs from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { systemPrincipal } from '../policy/principal.ts';
import {
  categoriesTable,
  monthsTable,
  regionsTable,
  requestsTable,
  tableJson,
  toCsv,
  type OpenTable,
} from './open-data.ts';
import { personsExport } from './exports.service.ts';
import { monthlyStatistics, requestStatistics, statistics } from './statistics.service.ts';
import { commandLanguage } from '../shared/cli-lang.ts';
import { translator, type T } from '../web/i18n/i18n.ts';

// `kintrace export registry --format csv|json [--table …] [--out FILE]`: the same files as the
// downloads at /registry/data, written on the server (published records only, as anyone sees them).

const TABLES = ['persons', 'regions', 'months', 'categories', 'requests'] as const;

export const registerRegistryCli = (program: Command, help: T): void => {
  const exp =
    program.commands.find((c) => c.name() === 'export') ??
    program.command('export').description(help('registry.cli.help.export'));
  exp
    .command('registry')
    .description(help('registry.cli.help.registry'))
    .requiredOption('--format <format>', help('registry.cli.help.format'))
    .option('--table <table>', help('registry.cli.help.table', { tables: TABLES.join(', ') }), 'persons')
    .option('--out <file>', help('registry.cli.help.out'))
    .action(async (opts: { format: string; table: string; out?: string }, cmd: Command) => {
      const t = translator(commandLanguage(cmd));
      if (opts.format !== 'csv' && opts.format !== 'json')
        throw new Error(t('registry.cli.badFormat', { value: opts.format }));
      if (!(TABLES as readonly string[]).includes(opts.table))
        throw new Error(t('registry.cli.badTable', { tables: TABLES.join(', '), value: opts.table }));
      const out = opts.out ? fs.createWriteStream(opts.out) : process.stdout;
      const write = (s: string) =>
        new Promise<void>((resolve) => (out.write(s) ? resolve() : out.once('drain', resolve)));
      const { db, close } = openDatabase(loadConfig());
      try {
        if (opts.table === 'persons') {
          for await (const chunk of personsExport(db, systemPrincipal('admin_cli'), opts.format)) await write(chunk);
        } else {
          const table: OpenTable =
            opts.table === 'regions'
              ? regionsTable(await statistics(db, {}))
              : opts.table === 'categories'
                ? categoriesTable(await statistics(db, {}))
                : opts.table === 'months'
                  ? monthsTable(await monthlyStatistics(db, {}))
                  : requestsTable(await requestStatistics(db));
          await write(
            opts.format === 'csv' ? toCsv(table.columns, table.rows) : `${JSON.stringify(tableJson(table))}\n`,
          );
        }
      } finally {
        if (opts.out) await new Promise<void>((resolve) => (out as fs.WriteStream).end(resolve));
        await close();
      }
    });
};
