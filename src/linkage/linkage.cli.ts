// `kintrace dedupe` (the platform's person CSV, built-in config) and `kintrace link` (any CSV,
// columns mapped by a JSON config; see docs/linkage.md).
import { accessSync, constants, existsSync, readFileSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { parseLinkageConfig } from './engine/config.ts';
import { LinkageEngine } from './engine/engine.ts';
import { noSuchFile } from './linkage.csv.ts';
import { runLinkage, summary, writeClusters, writePairs } from './linkage.run.ts';
import { evaluateCommand } from './linkage.evaluate.ts';
import { writeSheet } from './sheet-out.ts';

const probabilityOption = (value: string): number => {
  const p = Number(value);
  if (!(p > 0 && p < 1)) throw new Error(`--threshold must be a probability above 0 and below 1, not "${value}"`);
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
const checkOutputs = (inputs: readonly string[], outputs: readonly [option: string, file: string][]): void => {
  // A second file or the decisions are read after the first file: missing, say so now.
  for (const file of inputs) if (!existsSync(file)) throw noSuchFile(file);
  const taken = new Map(inputs.map((f) => [canonical(f), f]));
  for (const [option, file] of outputs) {
    const path = canonical(file);
    const clash = taken.get(path);
    if (clash !== undefined)
      throw new Error(
        inputs.includes(clash)
          ? `${option} ${file} is an input of this run: write the output to another file`
          : `${option} ${file} is named for two outputs: give each its own file`,
      );
    taken.set(path, file);
    if (existsSync(path) && statSync(path).isDirectory()) throw new Error(`${option} ${file} is a folder: name a file`);
    const folder = dirname(path);
    if (!existsSync(folder)) throw new Error(`${option} ${file}: the folder ${folder} does not exist`);
    try {
      accessSync(existsSync(path) ? path : folder, constants.W_OK);
    } catch {
      throw new Error(`${option} ${file} cannot be written (no permission)`);
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
  inputs: readonly string[],
  outputs: readonly OutputOption<R>[],
  run: () => Promise<R>,
): Promise<R> => {
  const asked = outputs.flatMap(([option, file, write]) => (file === undefined ? [] : [{ option, file, write }]));
  checkOutputs(
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
}

export const dedupeCommand = async (file: string, opts: DedupeOptions): Promise<string> => {
  // Loaded on use: the person comparisons pull in the normalisers' tables.
  const { personConfig } = await import('./engine/person-config.ts');
  if (opts.out === undefined && opts.sheet === undefined)
    throw new Error('name an output: --out clusters.csv, or --sheet sheet.csv for the sheet with its clusters');
  const result = await runToOutputs(
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
      }),
  );
  return summary(result);
};

export interface LinkOptions {
  config: string;
  out: string;
  clusters?: string;
  threshold?: number;
  decisions?: string;
  progress?: boolean;
}

export const linkCommand = async (files: string[], opts: LinkOptions): Promise<string> => {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(opts.config, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read config ${opts.config}: ${err instanceof Error ? err.message : String(err)}`);
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
      }),
  );
  return summary(result);
};

export const registerLinkageCli = (program: Command): void => {
  program
    .command('dedupe')
    .description(
      "find records of the same person in a person CSV (record_id,source,surname,given_name,patronymic,birth_date,region,unit; or a sheet's own names: Фамилия, Имя, Отчество, ФИО, Дата рождения, Регион, Воинская часть…; without an id column, records are named by their row)",
    )
    .argument('<file>', 'input CSV')
    .option('--out <file>', 'write record_id,cluster_id for every input row')
    .option(
      '--sheet <file>',
      'write the input again with cluster_id and cluster_size after its columns (for Excel: its separator, UTF-8 with BOM)',
    )
    .option('--pairs <file>', 'write linked and review pairs with probability and the weight each field added')
    .option(
      '--threshold <p>',
      'link probability threshold (default 0.5: more likely one person than two)',
      probabilityOption,
    )
    .option(
      '--decisions <file>',
      'human decisions left_id,right_id,decision (same|different), applied as hard constraints',
    )
    .action(async (file: string, opts: DedupeOptions) => {
      process.stderr.write(await dedupeCommand(file, { ...opts, progress: true }));
    });

  program
    .command('link')
    .description('link or deduplicate any CSV with a JSON comparison config (docs/linkage.md)')
    .requiredOption('--config <file>', 'JSON config mapping columns to comparison types')
    .argument('<a>', 'first CSV')
    .argument('[b]', 'second CSV (omit to deduplicate the first)')
    .requiredOption('--out <file>', 'write left_id,right_id,probability and per-field weights')
    .option('--clusters <file>', 'also write record_id,cluster_id (file,record_id,cluster_id linking two files)')
    .option('--threshold <p>', 'link probability threshold', probabilityOption)
    .option('--decisions <file>', 'human decisions left_id,right_id,decision (same|different)')
    .action(async (a: string, b: string | undefined, opts: LinkOptions) => {
      process.stderr.write(await linkCommand(b ? [a, b] : [a], { ...opts, progress: true }));
    });

  program
    .command('evaluate')
    .description('pairwise and B-cubed precision, recall and F1 of a clustering against labelled truth')
    .argument('<truth>', 'CSV record_id,person_id (or record_id,cluster_id): the true person of each labelled record')
    .argument('<clusters>', 'CSV record_id,cluster_id as written by dedupe --out')
    .action(async (truth: string, clusters: string) => {
      process.stdout.write(await evaluateCommand(truth, clusters));
    });
};
