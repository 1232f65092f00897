// Pairwise precision/recall/F1 of the unsupervised model on FEBRL 1–4 and Splink's fake_1000.
// Run: npm run bench:linkage:febrl. Figures are printed, never asserted.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { LinkageEngine } from '../../src/linkage/engine/engine.ts';
import { fmt, pairwiseScores } from './evaluate.ts';

const here = dirname(fileURLToPath(import.meta.url));
const readCsv = (file: string): Record<string, string>[] =>
  parse(readFileSync(join(here, 'data', file)), {
    columns: (h: string[]) => h.map((x) => x.trim()),
    trim: true,
    skip_empty_lines: true,
  });
const config = (name: string): unknown => JSON.parse(readFileSync(join(here, name), 'utf8'));

interface Case {
  name: string;
  files: string[];
  config: string;
  truth: (row: Record<string, string>) => string;
}

const febrlTruth = (row: Record<string, string>): string => row.rec_id.split('-')[1];
const cases: Case[] = [
  { name: 'FEBRL1', files: ['dataset1.csv'], config: 'febrl.json', truth: febrlTruth },
  { name: 'FEBRL2', files: ['dataset2.csv'], config: 'febrl.json', truth: febrlTruth },
  { name: 'FEBRL3', files: ['dataset3.csv'], config: 'febrl.json', truth: febrlTruth },
  { name: 'FEBRL4', files: ['dataset4a.csv', 'dataset4b.csv'], config: 'febrl.json', truth: febrlTruth },
  { name: 'fake_1000', files: ['fake_1000.csv'], config: 'fake_1000.json', truth: (r) => r.cluster },
];

export const runCase = (c: Case): Record<string, number | string> => {
  const started = performance.now();
  const link = c.files.length > 1;
  const cfg = config(c.config) as { cluster?: object };
  const engine = new LinkageEngine(
    link
      ? ({ ...(cfg as object), cluster: { ...(cfg.cluster ?? {}), uniquePerSource: true } } as never)
      : (cfg as never),
    link,
  );
  const truth: string[] = [];
  c.files.forEach((file, source) => {
    for (const row of readCsv(file)) {
      engine.add(row[engine.config.id], row, source);
      truth.push(c.truth(row));
    }
  });
  engine.train();
  let trueCandidates = 0;
  const { edges, stats } = engine.predict(undefined, (a, b) => {
    if (truth[a] === truth[b]) trueCandidates++;
  });
  const result = engine.cluster(edges);
  const scores = pairwiseScores(
    result.clusterOf,
    truth,
    link ? engine.data.source.data.subarray(0, engine.data.size) : undefined,
  );
  return {
    dataset: c.name,
    records: engine.data.size,
    candidates: stats.candidatePairs,
    'true pairs kept by blocking': `${trueCandidates}/${scores.truePairs}`,
    'TP/predicted/true pairs': `${scores.truePositives}/${scores.predictedPairs}/${scores.truePairs}`,
    precision: fmt(scores.precision),
    recall: fmt(scores.recall),
    f1: fmt(scores.f1),
    λ: engine.params!.lambda.toExponential(2),
    review: result.review.length,
    seconds: ((performance.now() - started) / 1000).toFixed(2),
  };
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const only = process.argv[2];
  console.table(cases.filter((c) => !only || c.name === only).map(runCase));
}
