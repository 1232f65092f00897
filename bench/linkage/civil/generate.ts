// A German civil register merged from five source systems, with the truth of who is who.
// Usage: npx tsx bench/linkage/civil/generate.ts --n 50000 --seed 42 --out DIR
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { csvField, Rng } from './errors.ts';
import { household, type Person, resetPeople } from './people.ts';
import { PROFILES, render } from './sources.ts';

export const HEADER = [
  'record_id',
  'source',
  'first_name',
  'middle_name',
  'surname',
  'birth_surname',
  'sex',
  'birth_date',
  'street',
  'postcode',
  'town',
  'phone',
  'email',
  'id_number',
];

export interface Output {
  records: string;
  truth: string;
  summary: string[];
}

export function generate(n: number, seed: number): Output {
  const rng = new Rng(seed);
  resetPeople();
  const rows: { p: Person; cols: string[] }[] = [];
  let households = 0;
  while (rows.length < n) {
    households++;
    for (const p of household(rng)) {
      const before = rows.length;
      for (const src of PROFILES) {
        if (!rng.chance(src.include(p))) continue;
        rows.push({ p, cols: render(p, src, rng) });
        if (rng.chance(src.dup)) rows.push({ p, cols: render(p, src, rng) });
      }
      if (rows.length === before) rows.push({ p, cols: render(p, PROFILES[rng.chance(0.5) ? 0 : 3], rng) });
    }
  }
  rows.length = n;
  for (let i = rows.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }

  const width = String(n).length;
  const records = [HEADER.join(',')];
  const truth = ['record_id,person_id'];
  const perPerson = new Map<Person, number>();
  const perSource = new Map<string, number>();
  rows.forEach(({ p, cols }, i) => {
    const id = `c${String(i + 1).padStart(width, '0')}`;
    records.push([id, ...cols].map(csvField).join(','));
    truth.push(`${id},P${String(p.pid).padStart(7, '0')}`);
    perPerson.set(p, (perPerson.get(p) ?? 0) + 1);
    perSource.set(cols[0], (perSource.get(cols[0]) ?? 0) + 1);
  });

  const sizes = new Map<number, number>();
  let pairs = 0;
  let twins = 0;
  let renamed = 0;
  for (const [p, k] of perPerson) {
    sizes.set(k, (sizes.get(k) ?? 0) + 1);
    pairs += (k * (k - 1)) / 2;
    if (p.twin) twins++;
    if (p.birthSurname) renamed++;
  }
  const summary = [
    `records ${n}, persons ${perPerson.size}, households ${households}, true pairs ${pairs}`,
    `records per person: ${[...sizes.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([k, c]) => `${k}:${c}`)
      .join(' ')}`,
    `sources: ${PROFILES.map((s) => `${s.name} ${perSource.get(s.name) ?? 0}`).join(', ')}`,
    `persons who are twins ${twins}, persons with a changed surname ${renamed}`,
  ];
  return { records: `${records.join('\n')}\n`, truth: `${truth.join('\n')}\n`, summary };
}

function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : fallback;
  if (v === undefined) throw new Error(`missing --${name}`);
  return v;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  const n = Number(arg('n', '50000'));
  const seed = Number(arg('seed', '42'));
  const out = arg('out');
  if (!Number.isInteger(n) || n < 1 || !Number.isFinite(seed)) throw new Error('--n and --seed must be numbers');
  const { records, truth, summary } = generate(n, seed);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'records.csv'), records);
  writeFileSync(join(out, 'truth.csv'), truth);
  for (const line of summary) console.log(line);
  console.log(`written to ${out} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
}
