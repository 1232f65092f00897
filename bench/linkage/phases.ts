// Where the seconds of one run go, phase by phase (read, normalise, blocking keys, term
// frequencies, u and EM, scoring on two threads, clustering), for the 45 s target at a million.
// Printed, never asserted.
// Run: npx tsx bench/linkage/phases.ts [--case independent-1m|own-1m|…] [--seed 42]
import { loadavg } from 'node:os';
import { LinkageEngine } from '../../src/linkage/engine/engine.ts';
import { personConfig } from '../../src/linkage/engine/person-config.ts';
import { generatedFiles } from './datasets.ts';
import { mayNormaliseInParallel, readInput } from '../../src/linkage/linkage.run.ts';
import { collectGarbage } from '../../src/linkage/engine/collect-garbage.ts';
import { forgetMemos } from '../../src/linkage/engine/normalize/memo.ts';
import { PARALLEL_SYNC_RECORDS } from '../../src/linkage/engine/parallel-sync.ts';
import { spawnSecondThread } from '../../src/linkage/second-thread.ts';
import { predictOnTwoThreads, syncOnTwoThreads, trainOnTwoThreads } from '../../src/linkage/engine/two-threads.ts';
import { arg } from './cli-args.ts';

const name = arg('case') ?? 'independent-1m';
const files = await generatedFiles(name, Number(arg('seed') ?? 42));
if (!files) throw new Error('--case own-20k, independent-1m, …');

const started = performance.now();
let t = started;
// CPU seconds beside wall seconds: on a shared machine the wall clock of one phase swings by a
// second or two from run to run, the CPU it took much less.
let cpu = process.cpuUsage();
const cpuLap = (): string => {
  const used = process.cpuUsage(cpu);
  cpu = process.cpuUsage();
  return `cpu ${((used.user + used.system) / 1e6).toFixed(1)} s`;
};
const lap = (phase: string): void => {
  const now = performance.now();
  const mb = (x: number): number => Math.round(x / 1024 / 1024);
  console.log(
    `${phase.padEnd(28)} ${((now - t) / 1000).toFixed(1)} s   ${cpuLap()}   rss ${mb(process.memoryUsage.rss())} MB, peak so far ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
  );
  t = now;
};
const engine = new LinkageEngine(personConfig());
// As `kintrace dedupe` does (linkage.run.ts): the second thread loads while the file is read.
const spawned = mayNormaliseInParallel([files.people]) ? spawnSecondThread() : null;
await readInput(engine, files.people, 0, undefined, process.env.NOSPLIT ? null : spawned);
lap('read');
const thread = engine.data.size >= PARALLEL_SYNC_RECORDS ? spawned : null;
if (thread) await syncOnTwoThreads(engine, thread);
else {
  spawned?.stop();
  engine.sync();
}
lap('normalise');
// As the command does (linkage.run.ts): the memos forgotten and a full collection between phases,
// so the peak is the command's.
forgetMemos();
collectGarbage();
if (!thread) {
  engine.blocking.ensureKeys();
  lap('blocking keys');
}
// With two threads the keys are computed here while the other thread draws the random pairs for u.
const report = thread ? await trainOnTwoThreads(engine, thread) : engine.train();
collectGarbage();
const em = report.seconds ?? { u: 0, em: 0 };
const before = thread ? "keys and EM's pairs" : 'term frequencies';
console.log(`${before.padEnd(28)} ${((performance.now() - t) / 1000 - em.u - em.em).toFixed(1)} s`);
console.log(`${(thread ? 'u (pairs drawn beside)' : 'u (random pairs)').padEnd(28)} ${em.u.toFixed(1)} s`);
console.log(
  `${'EM'.padEnd(28)} ${em.em.toFixed(1)} s   rss ${Math.round(process.memoryUsage.rss() / 1048576)} MB, peak so far ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
);
t = performance.now();
cpuLap();
const predicted =
  thread || engine.data.size >= 500_000
    ? await predictOnTwoThreads(engine, undefined, { thread: thread ?? undefined })
    : engine.predict();
lap(`scoring (${predicted.stats.threads ?? 1} thread(s))`);
collectGarbage();
engine.cluster(predicted.edges);
lap('clustering');
console.log(
  `${'total'.padEnd(28)} ${((performance.now() - started) / 1000).toFixed(1)} s, peak ${Math.round(process.resourceUsage().maxRSS / 1024)} MB, load ${loadavg()[0].toFixed(1)}`,
);
