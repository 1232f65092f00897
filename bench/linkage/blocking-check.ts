// Blocking only (no training, no scoring): pair completeness and, per rule, the candidate pairs
// it adds. Aggregate figures only, so it may run on held-out
// data. Rules from the person config, or from a JSON file (--rules rules.json).
// Run: npx tsx bench/linkage/blocking-check.ts --case own-20k|independent-20k|own-1m [--rules f.json]
import { readFileSync } from 'node:fs';
import { LinkageEngine } from '../../src/linkage/engine/engine.ts';
import { personConfig } from '../../src/linkage/engine/person-config.ts';
import { generatedFiles, readTruth } from './datasets.ts';
import { readInput } from '../../src/linkage/linkage.run.ts';
import { arg } from './cli-args.ts';

const name = arg('case') ?? 'own-20k';
const files = (await generatedFiles(name, 42))!;
const rulesFile = arg('rules');
const config = personConfig();
if (rulesFile) config.blocking = JSON.parse(readFileSync(rulesFile, 'utf8'));
const engine = new LinkageEngine(config);
await readInput(engine, files.people);
const truth = await readTruth(files.truth, engine.data.ids);
engine.sync();
const t0 = performance.now();
let found = 0;
const stats = engine.blocking.forEachPair((a, b) => {
  if (truth[a] === truth[b]) found++;
});
const seconds = (performance.now() - t0) / 1000;
let truePairs = 0;
const count = new Map<string, number>();
for (const t of truth) count.set(t, (count.get(t) ?? 0) + 1);
for (const c of count.values()) truePairs += (c * (c - 1)) / 2;
console.log(`# ${name}: ${engine.data.size} records, ${truePairs} true pairs, blocking ${seconds.toFixed(1)} s`);
console.log(`pair completeness ${(found / truePairs).toFixed(4)} (${found}), candidate pairs ${stats.candidatePairs}`);
engine.blocking.ruleNames.forEach((r, k) => console.log(`  ${String(stats.pairsPerRule[k]).padStart(9)}  ${r}`));
if (stats.oversized.length) console.log(`oversized blocks skipped: ${stats.oversized.length}`);
