// The Russian servicemen benchmark: pairwise F1/precision on generated records with ground truth
// at 20,000 and 1,000,000 records, records/s, candidate pairs, pairs scored/s, peak RSS, and the
// p95 latency of scoring one new record against the indexed set.
// Run: npm run bench:linkage:russian [-- --n 20000] (each size runs in its own process so the
// peak RSS is that size's own). Figures are printed, never asserted.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import { CSV_COLUMNS, generateRussianRecords } from './generator/index.ts';
import { personConfig } from '../../src/linkage/engine/person-config.ts';
import { LinkageIndex } from '../../src/linkage/engine/incremental.ts';
import { runLinkage, writeClusters } from '../../src/linkage/linkage.run.ts';
import { fmt, pairwiseScores } from './evaluate.ts';

const QUERIES = 1000;

/** Writes n records (plus held-out queries) to a CSV once; returns truth ids in file order. */
const prepare = async (
  n: number,
  seed: number,
): Promise<{ file: string; truth: string[]; queries: Record<string, string>[] }> => {
  const dir = join(tmpdir(), 'kintrace-bench');
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  const file = join(dir, `russian-${n}-${seed}.csv`);
  const out = createWriteStream(file);
  out.write(stringify([CSV_COLUMNS as unknown as string[]]));
  const truth: string[] = [];
  const queries: Record<string, string>[] = [];
  let batch: string[][] = [];
  let i = 0;
  for (const row of generateRussianRecords({ n: n + QUERIES, seed }) as Iterable<Record<string, string>>) {
    // The last QUERIES records are kept out of the file: they are the "new" records.
    if (i++ >= n) {
      queries.push(row);
      continue;
    }
    truth.push(String(row.true_id));
    batch.push(CSV_COLUMNS.map((c) => String(row[c] ?? '')));
    if (batch.length === 10000) {
      if (!out.write(stringify(batch))) await once(out, 'drain');
      batch = [];
    }
  }
  out.write(stringify(batch));
  out.end();
  await once(out, 'finish');
  return { file, truth, queries };
};

const runOne = async (n: number, seed: number): Promise<void> => {
  const { file, truth, queries } = await prepare(n, seed);
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const result = await runLinkage({ files: [file], config: personConfig(), progress: false });
  await writeClusters(join(tmpdir(), 'kintrace-bench', `clusters-${n}.csv`), result);
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  // The machine is shared: CPU seconds show the work when wall time includes waiting for a core.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const scores = pairwiseScores(result.clusters.clusterOf, truth);
  const index = new LinkageIndex(result.engine);
  const times: number[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    index.match(q);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const p95 = times[Math.floor(times.length * 0.95)];
  const { stats } = result.predicted;
  const figures = {
    records: n,
    'wall s': wall.toFixed(1),
    'cpu s': cpuSeconds.toFixed(1),
    'records/s': Math.round(n / wall),
    'candidate pairs': stats.candidatePairs,
    'pairs scored/s': Math.round(stats.scored / stats.seconds),
    'train s (u/EM/λ)': `${result.trainSeconds.toFixed(1)} (${['u', 'sessions', 'lambda'].map((k) => (result.engine.trainingReport?.seconds as Record<string, number> | undefined)?.[k]?.toFixed(1)).join('/')})`,
    'score s': stats.seconds.toFixed(1),
    'oversized blocks': stats.oversized.length,
    'true pairs kept by blocking': 'see below',
    precision: fmt(scores.precision),
    recall: fmt(scores.recall),
    f1: fmt(scores.f1),
    'review pairs': result.clusters.review.length,
    'cluster alarms': result.clusters.alarms.length,
    'peak RSS MB': Math.round(process.resourceUsage().maxRSS / 1024),
    'incremental p50 ms': times[Math.floor(times.length / 2)].toFixed(2),
    'incremental p95 ms': p95.toFixed(2),
  };
  // Blocking recall: how many true pairs any rule puts in one block (counted after the run).
  let kept = 0;
  result.engine.blocking.forEachPair((a, b) => {
    if (truth[a] === truth[b]) kept++;
  });
  figures['true pairs kept by blocking'] = `${kept}/${scores.truePairs} (${fmt(kept / Math.max(1, scores.truePairs))})`;
  process.stdout.write(`${JSON.stringify(figures)}\n`);
};

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const seed = Number(arg('seed') ?? 42);
  if (arg('n')) {
    await runOne(Number(arg('n')), seed);
  } else {
    const rows: Record<string, unknown>[] = [];
    for (const n of [20000, 1000000]) {
      const child = spawnSync(
        process.execPath,
        [...process.execArgv, fileURLToPath(import.meta.url), '--n', String(n), '--seed', String(seed)],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 },
      );
      const line = child.stdout.trim().split('\n').pop() ?? '{}';
      rows.push(JSON.parse(line));
    }
    console.table(rows);
  }
}
