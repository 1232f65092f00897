/**
 * Blind-test data generator: records about Russian servicemen (2022–2026) as families,
 * volunteers, paper lists and machines write them, with the truth of who is who.
 *
 *   npx tsx bench/linkage/sixth/generate.ts --n 20000 --seed 42 --out /tmp/sixth-20k
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bump, type Stats } from './noise.ts';
import { REGIONS } from './reference.ts';
import { Rng } from './rng.ts';
import { Catalogue, type List, render, type Row } from './sources.ts';
import { type Person, World } from './world.ts';

export const HEADER = 'record_id,source,surname,given_name,patronymic,birth_date,region,unit';

export interface Built {
  n: number;
  lines: string[]; // CSV of each record after record_id, in generation order
  person: Int32Array; // person id of each record, in generation order
  order: Uint32Array; // order[i] = generation index of output row i
  stats: Stats; // noise kind -> number of records where it was applied
  kin: Stats; // look-alike kind -> number of men
  persons: number;
  lists: number;
}

export function csvField(s: string): string {
  return /[",\n\r]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** How many records a man gets: about 2 on average, long tail. */
function recordsFor(rng: Rng, p: Person): number {
  const u = rng.next();
  let k: number;
  if (u < 0.57) k = 1;
  else if (u < 0.79) k = 2;
  else if (u < 0.89) k = 3;
  else if (u < 0.935) k = 4;
  else if (u < 0.97) k = rng.int(5, 6);
  else if (u < 0.992) k = rng.int(7, 10);
  else k = Math.min(60, Math.floor(11 / (1 - rng.next()) ** 0.7));
  if (p.status === 'dead' && rng.chance(0.15)) k += 1; // deaths get reported more often
  return k;
}

export function build(n: number, seed: number): Built {
  const rngWorld = new Rng(seed, 1);
  const rngList = new Rng(seed, 2);
  const rngRec = new Rng(seed, 3);
  const rngShuf = new Rng(seed, 4);
  const world = new World(rngWorld);
  const cat = new Catalogue(rngList, n, (i) => REGIONS[i].population);
  const lines: string[] = new Array(n);
  const person = new Int32Array(n);
  const stats: Stats = {};
  const kin: Stats = {};
  let count = 0;
  let persons = 0;
  while (count < n) {
    const group = world.group();
    for (const p of group) {
      if (count >= n) break;
      persons++;
      bump(kin, p.kin);
      const k = recordsFor(rngRec, p);
      bump(kin, `records_${k > 10 ? '11+' : k}`);
      const used = new Set<List>();
      for (let j = 0; j < k && count < n; j++) {
        let l = cat.pick(rngRec, p);
        for (let t = 0; t < 4 && used.has(l); t++) l = cat.pick(rngRec, p);
        if (used.has(l)) bump(stats, 'same_list_twice');
        used.add(l);
        const rel = group.filter((q) => q !== p);
        const r: Row = render(rngRec, l, p, rel, stats);
        lines[count] = [l.id, r.surname, r.given, r.patronymic, r.birth, r.region, r.unit].map(csvField).join(',');
        person[count] = p.id;
        count++;
      }
    }
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rngShuf.next() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return { n, lines, person, order, stats, kin, persons, lists: cat.lists.length };
}

/** Stream both files in chunks. */
export function write(b: Built, out: string): void {
  mkdirSync(out, { recursive: true });
  const fp = openSync(join(out, 'people.csv'), 'w');
  const ft = openSync(join(out, 'truth.csv'), 'w');
  let bp: string[] = [`${HEADER}\n`];
  let bt: string[] = ['record_id,person_id\n'];
  const flush = (): void => {
    writeSync(fp, bp.join(''));
    writeSync(ft, bt.join(''));
    bp = [];
    bt = [];
  };
  for (let i = 0; i < b.n; i++) {
    const g = b.order[i];
    bp.push(`R${i + 1},${b.lines[g]}\n`);
    bt.push(`R${i + 1},P${b.person[g]}\n`);
    if (bp.length >= 20000) flush();
  }
  flush();
  closeSync(fp);
  closeSync(ft);
}

function arg(argv: string[], name: string, dflt?: string): string {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0 && argv[i + 1] !== undefined) return argv[i + 1];
  if (dflt !== undefined) return dflt;
  throw new Error(`missing --${name}`);
}

function main(argv: string[]): void {
  const n = Number(arg(argv, 'n'));
  const seed = Number(arg(argv, 'seed', '42'));
  const out = arg(argv, 'out');
  if (!Number.isInteger(n) || n < 1) throw new Error('--n must be a positive integer');
  const b = build(n, seed >>> 0);
  write(b, out);
  const sources = new Set(b.lines.map((l) => l.slice(0, l.indexOf(',')))).size;
  const pct = (x: number): string => `${((100 * x) / n).toFixed(2)}%`;
  const noise = Object.entries(b.stats)
    .sort((a, c) => c[1] - a[1])
    .map(([k, v]) => `  ${k.padEnd(34)} ${String(v).padStart(8)}  ${pct(v)}`)
    .join('\n');
  const kin = Object.entries(b.kin)
    .sort()
    .map(([k, v]) => `  ${k.padEnd(34)} ${v}`)
    .join('\n');
  process.stdout.write(
    `records ${n}, men ${b.persons} (${(n / b.persons).toFixed(2)} records per man), sources used ${sources} of ${b.lists}\n` +
      `noise (records affected / share of all records):\n${noise}\nmen by kin and by records:\n${kin}\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
