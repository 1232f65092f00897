// Summarises a V8 CPU profile (.cpuprofile, as `node --cpu-prof` writes one per thread): each
// function's own time and its time with what it calls, optionally within a span of the run and
// for names containing a filter. How rounds thirty-two to thirty-four of docs/linkage.md read
// where a phase's seconds go. Printed, never asserted.
// Run: npx tsx bench/linkage/profile-top.ts FILE.cpuprofile [--filter engine.ts] [--limit 40]
//        [--from SECONDS] [--to SECONDS]
import { readFileSync } from 'node:fs';
import { arg } from './cli-args.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv[2];
if (!file || file.startsWith('--')) throw new Error('usage: profile-top.ts FILE.cpuprofile [--filter S] [--limit N]');
const filter = arg('filter') ?? '';
const limit = Number(arg('limit') ?? 40);
const from = Number(arg('from') ?? 0) * 1e6;
const to = Number(arg('to') ?? Number.POSITIVE_INFINITY) * 1e6;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

// Microseconds sampled in each node, within the span.
const sampled = new Map<number, number>();
let at = 0;
profile.samples.forEach((node, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  at += dt;
  if (at >= from && at <= to) sampled.set(node, (sampled.get(node) ?? 0) + dt);
});
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
const label = ({ callFrame: f }: ProfileNode): string =>
  `${f.functionName || '(anonymous)'} ${f.url.split('/').at(-1)}:${f.lineNumber + 1}:${f.columnNumber}`;

const own = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, time] of sampled) {
  const node = byId.get(id);
  if (!node) continue;
  own.set(label(node), (own.get(label(node)) ?? 0) + time);
  // A recursive function's time counts once in its inclusive figure.
  const seen = new Set<string>();
  for (let up: number | undefined = id; up !== undefined; up = parentOf.get(up)) {
    const name = label(byId.get(up)!);
    if (seen.has(name)) continue;
    seen.add(name);
    inclusive.set(name, (inclusive.get(name) ?? 0) + time);
  }
}
const show = (title: string, times: Map<string, number>): void => {
  console.log(`== ${title} (seconds)`);
  for (const [name, time] of [...times]
    .filter(([n]) => n.includes(filter))
    .sort((x, y) => y[1] - x[1])
    .slice(0, limit)) {
    console.log(`${(time / 1e6).toFixed(2).padStart(8)}  ${name}`);
  }
};
show('own time', own);
show('with what it calls', inclusive);
