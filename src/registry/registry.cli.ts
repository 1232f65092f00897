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

// `kintrace export registry --format csv|json [--table …] [--out FILE]`: the same files as the
// downloads at /registry/data, written on the server (published records only, as anyone sees them).

const TABLES = ['persons', 'regions', 'months', 'categories', 'requests'] as const;

export const registerRegistryCli = (program: Command): void => {
  const exp =
    program.commands.find((c) => c.name() === 'export') ?? program.command('export').description('export data');
  exp
    .command('registry')
    .description('write the published registry (or one of its tables) as CSV or JSON')
    .requiredOption('--format <format>', 'csv or json')
    .option('--table <table>', `one of ${TABLES.join(', ')}`, 'persons')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (opts: { format: string; table: string; out?: string }) => {
      if (opts.format !== 'csv' && opts.format !== 'json') throw new Error('--format must be csv or json');
      if (!(TABLES as readonly string[]).includes(opts.table))
        throw new Error(`--table must be one of ${TABLES.join(', ')}`);
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
