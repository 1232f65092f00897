// The linkage benchmark matrix (issue 10): every dataset in its own process, so peak memory is
// that dataset's own. Each generator (the project's, and seven written without reading the
// engine: bench/linkage/independent, third, fourth, fifth, sixth, seventh, eighth, ninth, tenth and eleventh) at 20,000 and 1,000,000 records, an English
// registry linked with the config its author wrote from the docs (bench/linkage/registry), plus
// FEBRL 1–4 and Splink's fake_1000:
// pairwise and B-cubed precision/recall/F1, pair completeness of blocking, wall and CPU seconds,
// peak RSS, and (for the generators) one new record against the index, p50/p95.
// Run: npm run bench:linkage [-- --only own-20k,febrl3] [-- --seed 42] [-- --default-thresholds].
// Printed, never asserted.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clusterScores } from '../../src/linkage/engine/metrics.ts';
import { LinkageIndex } from '../../src/linkage/engine/incremental.ts';
import { runLinkage } from '../../src/linkage/linkage.run.ts';
import { publicCase, PUBLIC_CASES } from './public-sets.ts';
import { caseConfig, independentFiles, ownFiles, readTruth, readQueries } from './datasets.ts';
import { arg } from './cli-args.ts';

const here = dirname(fileURLToPath(import.meta.url));
const fmt = (x: number): string => x.toFixed(4);
/** The generic configs (public sets, the registry) with their thresholds left out: the defaults. */
const defaultThresholds = process.argv.includes('--default-thresholds');

const GENERATED = [
  'own-20k',
  'own-1m',
  'independent-20k',
  'independent-1m',
  'third-20k',
  'third-1m',
  'fourth-20k',
  'fourth-1m',
  'fifth-20k',
  'fifth-1m',
  'sixth-20k',
  'sixth-1m',
  'seventh-20k',
  'seventh-1m',
  'eighth-20k',
  'eighth-1m',
  'ninth-20k',
  'ninth-1m',
  'tenth-20k',
  'tenth-1m',
  'eleventh-20k',
  'eleventh-1m',
  'registry-50k',
  'civil-50k',
  'patients-50k',
];
const SIZES: Record<string, number> = { '20k': 20_000, '50k': 50_000, '1m': 1_000_000 };

/** One generated dataset through the command-line pipeline (`kintrace dedupe`). */
const runGenerated = async (name: string, seed: number): Promise<Record<string, unknown>> => {
  const [kind, size] = name.split(/-(?=[^-]+$)/);
  const n = SIZES[size];
  const dir = join(tmpdir(), 'kintrace-bench');
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  const files = kind === 'own' ? await ownFiles(dir, n, seed) : independentFiles(dir, n, seed, kind);
  if (!files) return { dataset: name, note: `${kind} generator not on this branch yet` };
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  const result = await runLinkage({
    files: [files.people],
    config: caseConfig(kind, defaultThresholds),
    progress: false,
  });
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  // The pipeline's own peak, before the benchmark's extra passes and the incremental index.
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  const { engine, clusters, predicted } = result;
  const truth = await readTruth(files.truth, engine.data.ids);
  const s = clusterScores(clusters.clusterOf, truth);
  // Pair completeness: true pairs that any blocking rule puts in one block (counted after the run).
  let kept = 0;
  engine.blocking.forEachPair((a, b) => {
    if (truth[a] === truth[b]) kept++;
  });
  const times: number[] = [];
  const index = new LinkageIndex(engine);
  for (const q of readQueries(files.people, 1000)) {
    const t0 = performance.now();
    index.match(q);
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  return {
    ...figures(name, s, kept, predicted.stats.candidatePairs),
    'wall s': wall.toFixed(1),
    'cpu s': ((cpu.user + cpu.system) / 1e6).toFixed(1),
    'train/score s': `${result.trainSeconds.toFixed(1)}/${predicted.stats.seconds.toFixed(1)}`,
    'peak MB': peak,
    'peak with index MB': Math.round(process.resourceUsage().maxRSS / 1024),
    'match p50/p95 ms': `${times[times.length >> 1].toFixed(2)}/${times[Math.floor(times.length * 0.95)].toFixed(2)}`,
    'link p': clusters.linkThreshold.toFixed(3),
    review: clusters.review.length,
    λ: engine.params!.lambda.toExponential(2),
    load: loadavg()[0].toFixed(1),
  };
};

const figures = (
  name: string,
  s: ReturnType<typeof clusterScores>,
  kept: number,
  candidates: number,
): Record<string, unknown> => ({
  dataset: name,
  records: s.records,
  precision: fmt(s.precision),
  recall: fmt(s.recall),
  F1: fmt(s.f1),
  'B³ P/R/F1': `${fmt(s.bcubedPrecision)}/${fmt(s.bcubedRecall)}/${fmt(s.bcubedF1)}`,
  'pair completeness': `${fmt(kept / Math.max(1, s.truePairs))} (${kept}/${s.truePairs})`,
  candidates,
});

const runPublic = (name: string): Record<string, unknown> => {
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  const r = publicCase(name, defaultThresholds);
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return {
    ...figures(name, r.scores, r.kept, r.candidates),
    'wall s': wall.toFixed(1),
    'cpu s': ((cpu.user + cpu.system) / 1e6).toFixed(1),
    'peak MB': Math.round(process.resourceUsage().maxRSS / 1024),
    'link p': r.linkThreshold.toFixed(3),
    review: r.review,
    λ: r.lambda.toExponential(2),
    load: loadavg()[0].toFixed(1),
  };
};

const seed = Number(arg('seed') ?? 42);
const one = arg('case');
if (one) {
  const row = GENERATED.includes(one) ? await runGenerated(one, seed) : runPublic(one);
  process.stdout.write(`${JSON.stringify(row)}\n`);
} else {
  const all = [...GENERATED, ...PUBLIC_CASES];
  const only = arg('only')?.split(',');
  const rows: Record<string, unknown>[] = [];
  for (const name of all.filter((c) => !only || only.includes(c))) {
    const child = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        join(here, 'matrix.ts'),
        '--case',
        name,
        '--seed',
        String(seed),
        ...(defaultThresholds ? ['--default-thresholds'] : []),
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 },
    );
    const line = child.stdout.trim().split('\n').pop() || JSON.stringify({ dataset: name, note: 'failed' });
    rows.push(JSON.parse(line));
    process.stderr.write(`${line}\n`);
  }
  console.table(rows);
}
