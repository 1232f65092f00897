// Error analysis on the project's own generator (never on the independent one): which true pairs
// blocking misses, which the model leaves apart, and which different persons it merges, with the
// variation kinds of each and a few examples with their per-field weights.
// Run: npx tsx bench/linkage/analyse.ts [--n 20000] [--seed 7] [--examples 8]
import { generateRussianRecords } from './generator/index.ts';
import { LinkageEngine } from '../../src/linkage/engine/engine.ts';
import { personConfig } from '../../src/linkage/engine/person-config.ts';
import { clusterScores } from '../../src/linkage/engine/metrics.ts';

const arg = (name: string, d: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : d;
};
const n = arg('n', 20000);
const examples = arg('examples', 8);
const rows = [...generateRussianRecords({ n, seed: arg('seed', 7) })];
const engine = new LinkageEngine(personConfig());
for (const r of rows) engine.add(r.record_id, r as unknown as Record<string, string>);
engine.train();
const truth = rows.map((r) => r.true_id);
const candidates = new Set<string>();
const { edges } = engine.predict(undefined, (a, b) => {
  if (truth[a] === truth[b]) candidates.add(a < b ? `${a}:${b}` : `${b}:${a}`);
});
const { clusterOf } = engine.cluster(edges);
const s = clusterScores(clusterOf, truth);
console.log(JSON.stringify({ ...s, λ: engine.params!.lambda, report: engine.trainingReport }, null, 0));

const show = (a: number, b: number): string => {
  const f = (i: number): string =>
    ['surname', 'given_name', 'patronymic', 'birth_date', 'region', 'unit']
      .map((k) => engine.data.value(k, i))
      .join(' | ');
  const parts = engine.scorer!.explain(a, b);
  const total = parts.reduce((x, p) => x + p.weight, 0);
  return `  ${f(a)}\n  ${f(b)}\n  total ${total.toFixed(1)}: ${parts.map((p) => `${p.comparison}=${p.level}(${p.weight.toFixed(1)})`).join(' ')}\n  kinds: ${rows[a].variations} // ${rows[b].variations}`;
};
const tally = (label: string, pairs: [number, number][]): void => {
  const kinds = new Map<string, number>();
  for (const [a, b] of pairs)
    for (const k of new Set([...rows[a].variations.split('|'), ...rows[b].variations.split('|')]))
      if (k) kinds.set(k, (kinds.get(k) ?? 0) + 1);
  console.log(`\n## ${label}: ${pairs.length}`);
  console.log(
    [...kinds]
      .sort((x, y) => y[1] - x[1])
      .slice(0, 18)
      .map(([k, c]) => `${k} ${c}`)
      .join(', '),
  );
  for (const [a, b] of pairs.slice(0, examples)) console.log(show(a, b));
};

const byPerson = new Map<string, number[]>();
truth.forEach((t, i) => byPerson.set(t, [...(byPerson.get(t) ?? []), i]));
const missedByBlocking: [number, number][] = [];
const missedByModel: [number, number][] = [];
for (const idx of byPerson.values())
  for (let x = 0; x < idx.length; x++)
    for (let y = x + 1; y < idx.length; y++) {
      const [a, b] = [idx[x], idx[y]];
      if (clusterOf[a] === clusterOf[b]) continue;
      (candidates.has(`${a}:${b}`) ? missedByModel : missedByBlocking).push([a, b]);
    }
const byCluster = new Map<number, number[]>();
clusterOf.forEach((c, i) => byCluster.set(c, [...(byCluster.get(c) ?? []), i]));
const falseMerges: [number, number][] = [];
for (const idx of byCluster.values())
  for (let x = 0; x < idx.length; x++)
    for (let y = x + 1; y < idx.length; y++) if (truth[idx[x]] !== truth[idx[y]]) falseMerges.push([idx[x], idx[y]]);
tally('true pairs no blocking rule finds', missedByBlocking);
tally('true pairs blocked but left apart', missedByModel);
tally('false merges', falseMerges);
