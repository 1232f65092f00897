import fs from 'node:fs';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { systemClock } from '../shared/clock.ts';
import { Invalid } from '../shared/errors.ts';
import { listOrganisations, organisationPublicKey } from '../accounts/accounts.service.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { EVENT_SOURCES, VERIFICATION_LEVELS, type EventSource, type Verification } from '../cases/timeline.ts';
import { systemPrincipal } from '../policy/principal.ts';
import { commandLanguage } from '../shared/cli-lang.ts';
import { DEFAULT_LANG, type Lang } from '../shared/lang.ts';
import { quoted } from '../web/quotes.ts';
import { translator, type T } from '../web/i18n/i18n.ts';
import { MAX_FILE_BYTES } from './list-format.ts';
import { lineReasons, linesNotShown, warningText } from './list-problems.ts';
import { PLATFORM_FIELDS, type Mapping, type PlatformField } from './row-rules.ts';
import { importForOrganisation, type ImportOutcome, type Progress } from './imports.service.ts';

// `kintrace import persons FILE.csv --source "…" --organisation "…"`: the same import as the web
// form, run here with a progress bar. Messages in the operator's language (shared/cli-lang.ts).
// Prints counts and warnings with their lines and, on failure, every bad line (the first hundred)
// with its reasons: never a cell's value.

export class ImportCliError extends Error {}

/** Every bad line of a failed import, one per line of output, each naming the file. */
const failureLines = (t: T, file: string, outcome: ImportOutcome): string[] => {
  const report = outcome.problems;
  if (!report) {
    const e = outcome.error!;
    return [(e.line ? `${file}, ${t('imports.line', { line: e.line })}: ` : `${file}: `) + t(e.key, e.params)];
  }
  const hidden = linesNotShown(report);
  return [
    ...report.shown.map((l) => `${file}, ${t('imports.line', { line: l.line })}: ${lineReasons(t, l)}`),
    ...(hidden > 0 ? [t('imports.moreLines', { count: hidden })] : []),
    ...(report.unreadAfter !== null ? [t('imports.unreadAfter', { line: report.unreadAfter })] : []),
    t('imports.rowNumbersHint'),
  ];
};

const warningLines = (t: T, outcome: ImportOutcome): string[] =>
  outcome.warnings.map((w) => t('imports.cli.warning', { text: warningText(t, w) }));

const parseMap = (t: T, spec: string | undefined): Mapping | undefined => {
  if (!spec) return undefined;
  const out: Mapping = {};
  for (const part of spec.split(',')) {
    const eq = part.indexOf('=');
    const field = part.slice(0, eq).trim();
    if (eq < 1 || !(PLATFORM_FIELDS as readonly string[]).includes(field))
      throw new ImportCliError(t('imports.cli.badMap', { part, fields: PLATFORM_FIELDS.join(', ') }));
    out[field as PlatformField] = part.slice(eq + 1).trim();
  }
  return out;
};

const progressBar = (t: T): { progress: Progress; stop(): void } => {
  if (!process.stderr.isTTY && !process.env.KT_PROGRESS) return { progress: () => {}, stop: () => {} };
  let phase = '';
  let bar: cliProgress.SingleBar | null = null;
  return {
    progress: (p, done, total) => {
      if (p !== phase) {
        bar?.stop();
        phase = p;
        bar = new cliProgress.SingleBar(
          {
            format: `${t(`imports.cli.${p}`).padEnd(12)} [{bar}] {percentage}% | {value}/{total}`,
            stream: process.stderr,
            hideCursor: true,
            // KT_PROGRESS=1 asks for the bar when stderr is not a terminal (a log file): a line
            // every few seconds instead of redrawing one.
            noTTYOutput: !process.stderr.isTTY,
            notTTYSchedule: 3000,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0);
      }
      bar?.update(done);
    },
    stop: () => bar?.stop(),
  };
};

export interface ImportCliOptions {
  source: string;
  organisation?: string;
  sourceDate?: string;
  origin?: string;
  kind?: string;
  verification?: string;
  map?: string;
}

/** Runs one import; returns the lines to print. Throws ImportCliError for the operator's mistakes. */
export const importCommand = async (
  file: string,
  opts: ImportCliOptions,
  lang: Lang = DEFAULT_LANG,
): Promise<string> => {
  const t = translator(lang);
  const kind = (opts.kind ?? 'other') as EventSource;
  if (!EVENT_SOURCES.includes(kind))
    throw new ImportCliError(t('imports.cli.badKind', { kinds: EVENT_SOURCES.join(', ') }));
  const verification = (opts.verification ?? 'reported') as Verification;
  if (!VERIFICATION_LEVELS.includes(verification))
    throw new ImportCliError(t('imports.cli.badVerification', { levels: VERIFICATION_LEVELS.join(', ') }));
  const sourceDate = opts.sourceDate ? parsePartialDate(opts.sourceDate) : undefined;
  if (sourceDate === null) throw new ImportCliError(`--source-date: ${t('errors.invalidDate')}`);
  if (!opts.source?.trim()) throw new ImportCliError(t('imports.cli.noSourceName'));
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new ImportCliError(t('imports.cli.noSuchFile', { file }));
  if (stat.size > MAX_FILE_BYTES)
    throw new ImportCliError(`${file}: ${t('imports.errors.tooLarge', { max: MAX_FILE_BYTES / 1048576 })}`);
  const mapping = parseMap(t, opts.map);
  const config = loadConfig();
  const { db, close } = openDatabase(config);
  const bar = progressBar(t);
  try {
    const orgs = await listOrganisations(db);
    // Without --organisation, a platform of one organisation imports into it; with several, say which.
    const org =
      opts.organisation === undefined
        ? orgs.length === 1
          ? orgs[0]
          : undefined
        : (orgs.find((o) => o.id === opts.organisation) ?? orgs.find((o) => o.name === opts.organisation));
    if (!org)
      throw new ImportCliError(
        opts.organisation === undefined
          ? t('imports.cli.whichOrganisation', {
              count: orgs.length,
              names: orgs.map((o) => quoted(lang, o.name)).join(', '),
            })
          : t('imports.cli.noSuchOrganisation', { name: quoted(lang, opts.organisation) }),
      );
    const outcome = await importForOrganisation(
      { db, clock: systemClock, config },
      systemPrincipal('import'),
      { id: org.id, publicKey: await organisationPublicKey(db, org.id) },
      {
        sourceName: opts.source.trim().slice(0, 200),
        sourceDate,
        sourceOrigin: opts.origin?.trim().slice(0, 500),
        sourceKind: kind,
        verification,
      },
      new Uint8Array(fs.readFileSync(file)),
      { mapping, progress: bar.progress },
    );
    bar.stop();
    if (outcome.alreadyImported) return t('imports.cli.already', outcome.alreadyImported);
    if (outcome.state === 'failed' && outcome.error)
      throw new ImportCliError([...failureLines(t, file, outcome), ...warningLines(t, outcome)].join('\n'));
    return [
      t('imports.cli.done', { added: outcome.added, skipped: outcome.skipped, events: outcome.events }),
      ...warningLines(t, outcome),
    ].join('\n');
  } catch (err) {
    bar.stop();
    if (err instanceof Invalid)
      // A problem with the file is said of the file; one with the columns, of --map.
      throw new ImportCliError(
        err.problems
          .map((p) => `${p.field === 'file' ? file : `--map ${p.field}`}: ${t(p.key, p.params ?? {})}`)
          .join('; '),
      );
    throw err;
  } finally {
    await close();
  }
};

export const registerImportsCli = (program: Command, help: T): void => {
  const imp = program.command('import').description(help('imports.cli.help.import'));
  imp
    .command('persons <file>')
    .description(help('imports.cli.help.persons'))
    .requiredOption('--source <name>', help('imports.cli.help.source'))
    .option('--organisation <id-or-name>', help('imports.cli.help.organisation'))
    .option('--source-date <date>', help('imports.cli.help.sourceDate'))
    .option('--origin <text>', help('imports.cli.help.origin'))
    .option('--kind <kind>', help('imports.cli.help.kind', { kinds: EVENT_SOURCES.join(', ') }), 'other')
    .option('--verification <level>', help('imports.cli.help.verification'), 'reported')
    .option('--map <field=column,…>', help('imports.cli.help.map', { fields: PLATFORM_FIELDS.join(', ') }))
    .action(async (file: string, opts: ImportCliOptions, cmd: Command) => {
      try {
        process.stdout.write(`${await importCommand(file, opts, commandLanguage(cmd))}\n`);
      } catch (err) {
        if (!(err instanceof ImportCliError)) throw err;
        process.stderr.write(`${err.message}\n`);
        process.exitCode = 1;
      }
    });
};
