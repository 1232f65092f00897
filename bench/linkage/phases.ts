// Where the seconds of one run go, phase by phase (read, normalise, blocking keys, term
// frequencies, u and EM, scoring on two threads, clustering), for the 45 s target at a million.
// It runs the command's own pipeline (linkage.run.ts runLinkage) and times each phase as it ends.
// Printed, never asserted.
// Run: npx tsx bench/linkage/phases.ts [--case independent-1m|own-1m|…] [--seed 42]
import { loadavg } from 'node:os';
import { personConfig } from '../../src/linkage/engine/person-config.ts';
import { type RunPhase, runLinkage } from '../../src/linkage/linkage.run.ts';
import { generatedFiles } from './datasets.ts';
import { arg } from './cli-args.ts';

const name = arg('case') ?? 'independent-1m';
const files = await generatedFiles(name, Number(arg('seed') ?? 42));
if (!files) throw new Error('--case own-20k, independent-1m, …');

/** Training is printed in its own parts (below). */
const LABELS: Record<Exclude<RunPhase, 'train'>, string> = {
  read: 'read',
  normalise: 'normalise',
  score: 'scoring',
  cluster: 'clustering',
};
const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);
const peak = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
const line = (label: string, seconds: number, rest = ''): void =>
  console.log(`${label.padEnd(30)} ${seconds.toFixed(1)} s${rest}`);

const started = performance.now();
let t = started;
// CPU seconds beside wall seconds: on a shared machine the wall clock of one phase swings by a
// second or two from run to run, the CPU it took much less.
let cpu = process.cpuUsage();
await runLinkage({
  files: [files.people],
  config: personConfig(),
  progress: false,
  onPhase: (phase, engine, detail) => {
    const seconds = (performance.now() - t) / 1000;
    const used = process.cpuUsage(cpu);
    t = performance.now();
    cpu = process.cpuUsage();
    const rest = `   cpu ${((used.user + used.system) / 1e6).toFixed(1)} s   rss ${mb(process.memoryUsage.rss())} MB, peak so far ${peak()} MB`;
    if (phase !== 'train') {
      line(detail ? `${LABELS[phase]} (${detail})` : LABELS[phase], seconds, rest);
      return;
    }
    // Training's own split: the blocking keys, term frequencies and EM's pairs, then u and EM.
    const em = engine.trainingReport?.seconds ?? { u: 0, em: 0 };
    line("keys, frequencies, EM's pairs", seconds - em.u - em.em);
    line('u (random pairs)', em.u);
    line('EM', em.em, rest);
  },
});
console.log(
  `${'total'.padEnd(30)} ${((performance.now() - started) / 1000).toFixed(1)} s, peak ${peak()} MB, load ${loadavg()[0].toFixed(1)}`,
);
