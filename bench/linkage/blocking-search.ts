// Greedy search for blocking rules on the project's own generator (never the independent one):
// for the true pairs the current rules miss, which candidate rule (a combination of key
// transforms) finds the most of them per candidate pair it adds, at 20,000 records and, for a
// rule with a block-size cap, as an estimate at a million. Prints; changes nothing.
// Run: npx tsx bench/linkage/blocking-search.ts [--n 20000] [--seed 7]
import { generateRussianRecords } from './generator/index.ts';
import { LinkageEngine } from '../../src/linkage/engine/engine.ts';
import { personConfig } from '../../src/linkage/engine/person-config.ts';
import { getTransform } from '../../src/linkage/engine/transforms.ts';

const arg = (name: string, d: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : d;
};
const n = arg('n', 20000);
const rows = [...generateRussianRecords({ n, seed: arg('seed', 7) })] as unknown as Record<string, string>[];
const engine = new LinkageEngine(personConfig());
for (const r of rows) engine.add(r.record_id, r);
engine.sync();
const found = new Set<string>();
engine.blocking.forEachPair((a, b) => {
  if (rows[a].true_id === rows[b].true_id) found.add(`${Math.min(a, b)}:${Math.max(a, b)}`);
});
const byPerson = new Map<string, number[]>();
rows.forEach((r, i) => byPerson.set(r.true_id, [...(byPerson.get(r.true_id) ?? []), i]));
const missed: [number, number][] = [];
let truePairs = 0;
for (const idx of byPerson.values())
  for (let x = 0; x < idx.length; x++)
    for (let y = x + 1; y < idx.length; y++) {
      truePairs++;
      if (!found.has(`${idx[x]}:${idx[y]}`)) missed.push([idx[x], idx[y]]);
    }
console.log(
  `true pairs ${truePairs}, found ${found.size} (${(found.size / truePairs).toFixed(4)}), missed ${missed.length}`,
);

const parts = [
  'surname|surname-genderless',
  'surname|surname-metaphone',
  'surname|surname-prefix4',
  'surname|surname-dm',
  'surname|surname-prefix3',
  'surname|surname-suffix3',
  'given_name+surname|name-any',
  'given_name|given-canonical',
  'given_name|given-initial',
  'patronymic|patronymic-key',
  'patronymic|patronymic-initial',
  'birth_date|birth-year',
  'birth_date|birth-date',
  'birth_date|birth-month-day',
  'region|region-code',
  'unit|unit-number',
  'unit|unit-formation',
  'surname+given_name|name-any',
];
const keyCache = new Map<string, (string | null)[]>();
const keysOf = (part: string): (string | null)[] => {
  let k = keyCache.get(part);
  if (!k) {
    const [fields, t] = part.split('|');
    const fn = getTransform(t);
    k = rows.map((r) =>
      fields.includes('+')
        ? (() => {
            const xs = fields.split('+').map((f) => (r[f] ? fn(r[f]) : null));
            return xs.some((x) => !x) ? null : [...xs].sort().join('+');
          })()
        : r[fields]
          ? fn(r[fields])
          : null,
    );
    keyCache.set(part, k);
  }
  return k;
};
const ruleKey = (rule: string[], r: number): string | null => {
  const xs = rule.map((p) => keysOf(p)[r]);
  return xs.some((x) => x === null) ? null : xs.join('\u0000');
};
const cap = arg('cap', 40);
const evaluate = (rule: string[]): { caught: number; pairs: number; bigBlocks: number } => {
  const blocks = new Map<string, number>();
  for (let r = 0; r < rows.length; r++) {
    const k = ruleKey(rule, r);
    if (k !== null) blocks.set(k, (blocks.get(k) ?? 0) + 1);
  }
  let pairs = 0;
  let bigBlocks = 0;
  for (const s of blocks.values()) {
    // At a million the block is ~scale times larger: estimate whether it would pass the cap.
    const scaled = (s * 1_000_000) / n;
    if (scaled > cap) bigBlocks += s;
    pairs += (s * (s - 1)) / 2;
  }
  let caught = 0;
  for (const [a, b] of missed) {
    const k = ruleKey(rule, a);
    if (k !== null && k === ruleKey(rule, b)) caught++;
  }
  return { caught, pairs, bigBlocks };
};
const rules: string[][] = [];
for (let i = 0; i < parts.length; i++)
  for (let j = i + 1; j < parts.length; j++) {
    rules.push([parts[i], parts[j]]);
    for (let k = j + 1; k < parts.length; k++) rules.push([parts[i], parts[j], parts[k]]);
  }
// Greedy cover: the rule that finds the most still-missed pairs per pair it costs, again and again.
const target = Math.ceil(truePairs * (1 - 0.996));
for (let round = 0; round < 14 && missed.length > target; round++) {
  let best: { rule: string[]; caught: number; pairs: number; bigBlocks: number } | null = null;
  for (const r of rules) {
    const e = evaluate(r);
    if (e.caught && (!best || e.caught / (e.pairs + 2000) > best.caught / (best.pairs + 2000)))
      best = { rule: r, ...e };
  }
  if (!best) break;
  for (let x = missed.length - 1; x >= 0; x--) {
    const [a, b] = missed[x];
    const k = ruleKey(best.rule, a);
    if (k !== null && k === ruleKey(best.rule, b)) missed.splice(x, 1);
  }
  console.log(
    `+${best.caught}\t${best.pairs} pairs\t${((100 * best.bigBlocks) / n).toFixed(1)}% over cap at 1M\t${best.rule.join(' & ')}\t→ completeness ${(1 - missed.length / truePairs).toFixed(4)}`,
  );
}
const f = (i: number): string =>
  ['surname', 'given_name', 'patronymic', 'birth_date', 'region', 'unit'].map((k) => rows[i][k]).join(' | ');
for (const [a, b] of missed.slice(0, arg('examples', 0))) console.log(`${f(a)}\n${f(b)}\n`);
