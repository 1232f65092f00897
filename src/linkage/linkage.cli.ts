// `kintrace dedupe` (the platform's person CSV, built-in config) and `kintrace link` (any CSV,
// columns mapped by a JSON config; see docs/linkage.md). What they say is in the operator's
// language; the CSV files they write are the same in both. What is wrong with an input (a bad line
// of a CSV: linkage.csv.ts) is thrown as its words, which runCli says in that language too.
import { accessSync, constants, existsSync, readFileSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { parseLinkageConfig } from './engine/config.ts';
import { LinkageEngine } from './engine/engine.ts';
import { noSuchFile } from './linkage.csv.ts';
import { runLinkage, summary, writeClusters, writePairs } from './linkage.run.ts';
import { evaluateCommand } from './linkage.evaluate.ts';
import { writeSheet } from './sheet-out.ts';
import { commandLanguage } from '../shared/cli-lang.ts';
import { DEFAULT_LANG, type Lang } from '../shared/lang.ts';
import { translator, type T } from '../web/i18n/i18n.ts';

const probabilityOption =
  (t: T) =>
  (value: string): number => {
    const p = Number(value);
    if (!(p > 0 && p < 1)) throw new Error(t('linkage.cli.badThreshold', { value }));
    return p;
  };

/** A path as the file system names it: an input named two ways is still the input. */
const canonical = (file: string): string => {
  try {
    return realpathSync(file);
  } catch {
    return resolve(file);
  }
};

/**
 * Refuses, before a run that may take minutes, a missing input, and an output that would
 * overwrite an input or another output, or that cannot be written (no such folder, a folder,
 * read-only): the error used to come after the run, with the first output already written.
 */
const checkOutputs = (t: T, inputs: readonly string[], outputs: readonly [option: string, file: string][]): void => {
  // A second file or the decisions are read after the first file: missing, say so now.
  for (const file of inputs) if (!existsSync(file)) throw noSuchFile(file);
  const taken = new Map(inputs.map((f) => [canonical(f), f]));
  for (const [option, file] of outputs) {
    const path = canonical(file);
    const clash = taken.get(path);
    if (clash !== undefined)
      throw new Error(
        t(inputs.includes(clash) ? 'linkage.cli.outputIsInput' : 'linkage.cli.outputTwice', { option, file }),
      );
    taken.set(path, file);
    if (existsSync(path) && statSync(path).isDirectory())
      throw new Error(t('linkage.cli.outputIsFolder', { option, file }));
    const folder = dirname(path);
    if (!existsSync(folder)) throw new Error(t('linkage.cli.noFolder', { option, file, folder }));
    try {
      accessSync(existsSync(path) ? path : folder, constants.W_OK);
    } catch {
      throw new Error(t('linkage.cli.notWritable', { option, file }));
    }
  }
};

type Output = readonly [file: string, write: (file: string) => Promise<unknown>];

/**
 * Writes every output or none: each to a temporary file beside it, renamed once all are written,
 * so that a failure leaves no half-written or lone output (and any old one as it was).
 */
export const writeAll = async (outputs: readonly Output[]): Promise<void> => {
  const temporary = outputs.map(([file]) => `${file}.${process.pid}.partial`);
  try {
    for (const [k, [, write]] of outputs.entries()) await write(temporary[k]);
  } catch (err) {
    for (const t of temporary) rmSync(t, { force: true });
    throw err;
  }
  for (const [k, [file]] of outputs.entries()) renameSync(temporary[k], file);
};

/** An output a command may write: its option, its file (undefined when not asked for), its writer. */
type OutputOption<R> = readonly [
  option: string,
  file: string | undefined,
  write: (file: string, result: R) => Promise<unknown>,
];

/** Checks the inputs and the asked-for outputs before the run, runs, then writes them all or none. */
const runToOutputs = async <R>(
  t: T,
  inputs: readonly string[],
  outputs: readonly OutputOption<R>[],
  run: () => Promise<R>,
): Promise<R> => {
  const asked = outputs.flatMap(([option, file, write]) => (file === undefined ? [] : [{ option, file, write }]));
  checkOutputs(
    t,
    inputs,
    asked.map(({ option, file }) => [option, file]),
  );
  const result = await run();
  await writeAll(asked.map(({ file, write }) => [file, (f: string) => write(f, result)]));
  return result;
};

export interface DedupeOptions {
  out?: string;
  /** The input written back with each row's cluster (sheet-out.ts). */
  sheet?: string;
  pairs?: string;
  threshold?: number;
  decisions?: string;
  progress?: boolean;
  /** The language of what it says (else Russian, the project's first). */
  lang?: Lang;
}

export const dedupeCommand = async (file: string, opts: DedupeOptions): Promise<string> => {
  // Loaded on use: the person comparisons pull in the normalisers' tables.
  const { personConfig } = await import('./engine/person-config.ts');
  const t = translator(opts.lang ?? DEFAULT_LANG);
  if (opts.out === undefined && opts.sheet === undefined) throw new Error(t('linkage.cli.nameAnOutput'));
  const result = await runToOutputs(
    t,
    [file, ...(opts.decisions ? [opts.decisions] : [])],
    [
      ['--out', opts.out, writeClusters],
      ['--sheet', opts.sheet, writeSheet(file)],
      ['--pairs', opts.pairs, writePairs],
    ],
    () =>
      runLinkage({
        files: [file],
        config: personConfig(),
        personColumns: true,
        threshold: opts.threshold,
        decisionsFile: opts.decisions,
        progress: opts.progress ?? false,
        say: t,
      }),
  );
  return summary(result, t);
};

export interface LinkOptions {
  config: string;
  out: string;
  clusters?: string;
  threshold?: number;
  decisions?: string;
  progress?: boolean;
  /** The language of what it says (else Russian, the project's first). */
  lang?: Lang;
}

export const linkCommand = async (files: string[], opts: LinkOptions): Promise<string> => {
  const t = translator(opts.lang ?? DEFAULT_LANG);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(opts.config, 'utf8'));
  } catch (err) {
    throw new Error(
      t('linkage.cli.unreadableConfig', {
        file: opts.config,
        reason: err instanceof Error ? err.message : String(err),
      }),
    );
  }
  let config: ReturnType<typeof parseLinkageConfig>;
  try {
    config = parseLinkageConfig(raw);
    // The engine's constructor looks up the comparison types and the blocking transforms by name:
    // a typo there ("nmae", "frist3") is the config's fault, said with its file like the rest.
    new LinkageEngine(config);
  } catch (err) {
    // Which file is wrong, as every other bad-input message says.
    throw new Error(`${opts.config}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const result = await runToOutputs(
    t,
    [...files, opts.config, ...(opts.decisions ? [opts.decisions] : [])],
    [
      ['--out', opts.out, writePairs],
      ['--clusters', opts.clusters, writeClusters],
    ],
    () =>
      runLinkage({
        files,
        config,
        threshold: opts.threshold,
        decisionsFile: opts.decisions,
        progress: opts.progress ?? false,
        say: t,
      }),
  );
  return summary(result, t);
};

export const registerLinkageCli = (program: Command, help: T): void => {
  program
    .command('dedupe')
    .description(help('linkage.cli.help.dedupe'))
    .argument('<file>', help('linkage.cli.help.input'))
    .option('--out <file>', help('linkage.cli.help.dedupeOut'))
    .option('--sheet <file>', help('linkage.cli.help.sheet'))
    .option('--pairs <file>', help('linkage.cli.help.pairs'))
    .option('--threshold <p>', help('linkage.cli.help.dedupeThreshold'), probabilityOption(help))
    .option('--decisions <file>', help('linkage.cli.help.dedupeDecisions'))
    .action(async (file: string, opts: DedupeOptions, cmd: Command) => {
      process.stderr.write(await dedupeCommand(file, { ...opts, progress: true, lang: commandLanguage(cmd) }));
    });

  program
    .command('link')
    .description(help('linkage.cli.help.link'))
    .requiredOption('--config <file>', help('linkage.cli.help.config'))
    .argument('<a>', help('linkage.cli.help.a'))
    .argument('[b]', help('linkage.cli.help.b'))
    .requiredOption('--out <file>', help('linkage.cli.help.linkOut'))
    .option('--clusters <file>', help('linkage.cli.help.clusters'))
    .option('--threshold <p>', help('linkage.cli.help.threshold'), probabilityOption(help))
    .option('--decisions <file>', help('linkage.cli.help.decisions'))
    .action(async (a: string, b: string | undefined, opts: LinkOptions, cmd: Command) => {
      process.stderr.write(
        await linkCommand(b ? [a, b] : [a], { ...opts, progress: true, lang: commandLanguage(cmd) }),
      );
    });

  program
    .command('evaluate')
    .description(help('linkage.cli.help.evaluate'))
    .argument('<truth>', help('linkage.cli.help.truth'))
    .argument('<clusters>', help('linkage.cli.help.clustersIn'))
    .action(async (truth: string, clusters: string, _opts: unknown, cmd: Command) => {
      process.stdout.write(await evaluateCommand(truth, clusters, translator(commandLanguage(cmd))));
    });
};
