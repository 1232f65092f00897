// CLI: npx tsx bench/linkage/generator/generate.ts --n 20000 --seed 1 --out FILE.csv [--variations]
// Writes the platform's person CSV plus true_id (and, with --variations, the variation kinds).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { CSV_COLUMNS, generateRussianRecords, type GeneratedRecord, type GeneratorStats } from './index.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '20000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    variations: { type: 'boolean', default: false },
  },
});
const n = Number(values.n);
const seed = Number(values.seed);
if (!values.out || !Number.isInteger(n) || n < 1 || !Number.isInteger(seed)) {
  console.error('usage: generate.ts --n 20000 --seed 1 --out FILE.csv [--variations]');
  process.exit(2);
}

const needsQuotes = /[",\n\r]/;
function csvField(s: string): string {
  return needsQuotes.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const columns: Array<keyof GeneratedRecord> = [...CSV_COLUMNS, ...(values.variations ? ['variations' as const] : [])];

const started = performance.now();
const out = createWriteStream(values.out);
out.write(`${columns.join(',')}\n`);
let chunk = '';
const stats: GeneratorStats = { persons: 0, records: 0, truePairs: 0 };
for (const r of generateRussianRecords({ n, seed, stats })) {
  // Fields that can hold a comma (unit "…, в/ч 12345", region) are quoted; ids and dates cannot.
  chunk += `${r.record_id},${r.source},${csvField(r.surname)},${csvField(r.given_name)},${csvField(r.patronymic)},${
    r.birth_date
  },${csvField(r.region)},${csvField(r.unit)},${r.true_id}${values.variations ? `,${r.variations}` : ''}\n`;
  if (chunk.length > 1 << 20) {
    if (!out.write(chunk)) await once(out, 'drain');
    chunk = '';
  }
}
out.end(chunk);
await once(out, 'finish');
const secs = (performance.now() - started) / 1000;
console.error(
  `${stats.records} records, ${stats.persons} persons, ${stats.truePairs} true pairs → ${values.out} in ${secs.toFixed(1)} s`,
);
