// `kintrace dedupe` (the platform's person CSV, built-in config) and `kintrace link` (any CSV,
// columns mapped by a JSON config; see docs/linkage.md).
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parseLinkageConfig } from './engine/config.ts';
import { runLinkage, summary, writeClusters, writePairs } from './linkage.run.ts';
import { evaluateCommand } from './linkage.evaluate.ts';

const probabilityOption = (value: string): number => {
  const p = Number(value);
  if (!(p > 0 && p < 1)) throw new Error(`--threshold must be a probability between 0 and 1, not "${value}"`);
  return p;
};

export interface DedupeOptions {
  out: string;
  pairs?: string;
  threshold?: number;
  decisions?: string;
  progress?: boolean;
}

export const dedupeCommand = async (file: string, opts: DedupeOptions): Promise<string> => {
  // Loaded on use: the person comparisons pull in the normalisers' tables.
  const { personConfig } = await import('./engine/person-config.ts');
  const result = await runLinkage({
    files: [file],
    config: personConfig(),
    threshold: opts.threshold,
    decisionsFile: opts.decisions,
    progress: opts.progress ?? false,
  });
  await writeClusters(opts.out, result);
  if (opts.pairs) await writePairs(opts.pairs, result);
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
  const config = parseLinkageConfig(raw);
  const result = await runLinkage({
    files,
    config,
    threshold: opts.threshold,
    decisionsFile: opts.decisions,
    progress: opts.progress ?? false,
  });
  await writePairs(opts.out, result);
  if (opts.clusters) await writeClusters(opts.clusters, result);
  return summary(result);
};

export const registerLinkageCli = (program: Command): void => {
  program
    .command('dedupe')
    .description(
      'find records of the same person in a person CSV (record_id,source,surname,given_name,patronymic,birth_date,region,unit)',
    )
    .argument('<file>', 'input CSV')
    .requiredOption('--out <file>', 'write record_id,cluster_id for every input row')
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
    .option('--clusters <file>', 'also write record_id,cluster_id')
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
