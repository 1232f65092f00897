// The public sets (FEBRL 1–4 and Splink's fake_1000, unsupervised: no labels used to fit), each
// run through the engine with its JSON config, scored against its truth.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { LinkageEngine } from '../../src/linkage/engine/engine.ts';
import { clusterScores, type ClusterScores } from '../../src/linkage/engine/metrics.ts';
import { withoutThresholds } from './datasets.ts';

const here = import.meta.dirname;
const readCsv = (file: string): Record<string, string>[] =>
  parse(readFileSync(join(here, 'data', file)), {
    columns: (h: string[]) => h.map((x) => x.trim()),
    trim: true,
    skip_empty_lines: true,
  });

interface Case {
  files: string[];
  config: string;
  truth: (row: Record<string, string>) => string;
}
const febrl = (row: Record<string, string>): string => row.rec_id.split('-')[1];
const CASES: Record<string, Case> = {
  febrl1: { files: ['dataset1.csv'], config: 'febrl.json', truth: febrl },
  febrl2: { files: ['dataset2.csv'], config: 'febrl.json', truth: febrl },
  febrl3: { files: ['dataset3.csv'], config: 'febrl.json', truth: febrl },
  febrl4: { files: ['dataset4a.csv', 'dataset4b.csv'], config: 'febrl.json', truth: febrl },
  fake_1000: { files: ['fake_1000.csv'], config: 'fake_1000.json', truth: (r) => r.cluster },
};
export const PUBLIC_CASES = Object.keys(CASES);

export interface PublicResult {
  scores: ClusterScores;
  kept: number;
  candidates: number;
  review: number;
  lambda: number;
  linkThreshold: number;
}

/** The engine trained on a public set, with its truth and clustering (for diagnose.ts). */
export const publicEngine = (
  name: string,
  defaultThresholds = false,
): {
  engine: LinkageEngine;
  truth: string[];
  clusterOf: Int32Array;
  candidates: number;
  review: number;
  kept: number;
  linkThreshold: number;
} => {
  const c = CASES[name];
  if (!c) throw new Error(`unknown dataset ${name} (known: ${PUBLIC_CASES.join(', ')})`);
  const link = c.files.length > 1;
  const cfg = withoutThresholds(
    JSON.parse(readFileSync(join(here, c.config), 'utf8')) as { cluster?: object; thresholds?: object },
    defaultThresholds,
  );
  // Linking two deduplicated files: at most one record of each file per cluster.
  const config = link ? { ...cfg, cluster: { ...(cfg.cluster ?? {}), uniquePerSource: true } } : cfg;
  const engine = new LinkageEngine(config as never, link);
  const truth: string[] = [];
  c.files.forEach((file, source) => {
    for (const row of readCsv(file)) {
      engine.add(row[engine.config.id], row, source);
      truth.push(c.truth(row));
    }
  });
  engine.train();
  let kept = 0;
  const { edges, stats } = engine.predict(undefined, (a, b) => {
    if (truth[a] === truth[b]) kept++;
  });
  const result = engine.cluster(edges);
  return {
    kept,
    engine,
    truth,
    clusterOf: result.clusterOf,
    candidates: stats.candidatePairs,
    review: result.review.length,
    linkThreshold: result.linkThreshold,
  };
};

export const publicCase = (name: string, defaultThresholds = false): PublicResult => {
  const r = publicEngine(name, defaultThresholds);
  // FEBRL4 links two files: only pairs across them count, pairwise.
  const link = CASES[name].files.length > 1;
  const source = link ? r.engine.data.source.data.subarray(0, r.engine.data.size) : undefined;
  return {
    scores: clusterScores(r.clusterOf, r.truth, source),
    kept: r.kept,
    candidates: r.candidates,
    review: r.review,
    lambda: r.engine.params!.lambda,
    linkThreshold: r.linkThreshold,
  };
};
