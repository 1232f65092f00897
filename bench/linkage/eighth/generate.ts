// Synthetic lists of Russian soldiers (missing, dead, captured, exchanged, detained refusers) for
// testing record linkage. Usage:
//   npx tsx bench/linkage/eighth/generate.ts --n 20000 --seed 42 --out DIR
// writes DIR/people.csv, DIR/truth.csv and prints counts. See README.md for the model.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLists, KINDS, ListIndex } from './lists.ts';
import { type Man, MenBuilder } from './men.ts';
import { NOISES, RATES } from './noise-table.ts';
import { renderDate, renderRegion, renderUnit } from './render-fields.ts';
import { renderName } from './render-names.ts';
import { mix32, Rng } from './rng.ts';
import { Units } from './units.ts';

export const HEADER = 'record_id,source,surname,given_name,patronymic,birth_date,region,unit';
const NN = NOISES.length;
const IDX = Object.fromEntries(NOISES.map((k, i) => [k, i]));
const PLACEHOLDERS = ['-', '—', 'н/д', 'нет данных', '?', 'неизвестно', 'не указано', '#Н/Д', '0'];

export interface Stats {
  records: number;
  men: number;
  kindRecords: Record<string, number>;
  kindLists: Record<string, number>;
  /** drawn[k][noise]: records of list kind k given that noise; changed: those it altered. */
  drawn: Record<string, Record<string, number>>;
  changed: Record<string, number>;
  menByRecords: Record<string, number>;
  relations: Record<string, number>;
  duplicates: number;
}

export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Generates everything; calls `sink` once per output row (already shuffled). */
export function generate(
  n: number,
  seed: number,
  sink: (row: string[], personId: string) => void,
): { stats: Stats; men: Man[] } {
  const units = new Units(new Rng(seed, 2));
  const men = new MenBuilder(new Rng(seed, 3), units).build(n);
  const lists = createLists(n, men, new Rng(seed, 4));
  const index = new ListIndex(lists);
  const recMan = new Int32Array(n);
  const recList = new Int32Array(n);
  const assignRng = new Rng(seed, 5);
  let r = 0;
  for (const m of men) for (const li of index.assign(assignRng, m)) [recMan[r], recList[r++]] = [m.id, li];

  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  const shuffle = new Rng(seed, 6);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(shuffle.next() * (i + 1));
    [perm[i], perm[j]] = [perm[j], perm[i]];
  }

  const kindOf = lists.map((l) => KINDS.indexOf(l.kind));
  const drawn = new Float64Array(KINDS.length * NN);
  const changed = new Float64Array(NN);
  const kindRecords = new Float64Array(KINDS.length);
  const on = new Uint8Array(NN);
  const flag = (noise: string): boolean => on[IDX[noise]] === 1;
  const mark = (noise: string, did: boolean): void => {
    if (did) changed[IDX[noise]]++;
  };
  const recordSeed = mix32(seed, 0x8e1);
  for (let i = 0; i < n; i++) {
    const rec = perm[i];
    const m = men[recMan[rec]];
    const list = lists[recList[rec]];
    const k = kindOf[recList[rec]];
    kindRecords[k]++;
    // Every noise is rolled up front, so its drawn rate is exactly its stated rate.
    const rng = new Rng(recordSeed, rec);
    const rates = RATES[k];
    for (let j = 0; j < NN; j++) {
      on[j] = rates[j] > 0 && rng.next() < rates[j] ? 1 : 0;
      if (on[j]) drawn[k * NN + j]++;
    }
    const unit = units.all[m.unit];
    const name = renderName(m, list, unit, flag, mark, rng);
    const row = [
      ...name.cells,
      renderDate(m, list, name, flag, mark, rng),
      renderRegion(m, list, name, flag, mark, rng),
      renderUnit(m, list, units.all, flag, mark, rng),
    ];
    if (flag('column_shift')) {
      const at = rng.int(0, 2);
      row.splice(at, 1);
      row.push('');
      mark('column_shift', true);
    }
    if (flag('apostrophe')) {
      const at = row[3] ? 3 : 5;
      mark('apostrophe', row[at] !== '');
      if (row[at]) row[at] = `'${row[at]}`;
    }
    if (flag('placeholder')) {
      const empty = row.map((v, j) => (v === '' ? j : -1)).filter((j) => j >= 0);
      mark('placeholder', empty.length > 0);
      if (empty.length) row[rng.pick(empty)] = rng.pick(PLACEHOLDERS);
    }
    sink([`R${i + 1}`, list.id, ...row], `P${m.id + 1}`);
  }
  return { stats: summarise(men, lists, kindRecords, drawn, changed, index.duplicates), men };
}

function summarise(
  men: Man[],
  lists: { kind: string }[],
  kindRecords: Float64Array,
  drawn: Float64Array,
  changed: Float64Array,
  duplicates: number,
): Stats {
  const buckets: [string, number, number][] = [
    ['1', 1, 1],
    ['2', 2, 2],
    ['3', 3, 3],
    ['4-5', 4, 5],
    ['6-10', 6, 10],
    ['11-19', 11, 19],
    ['20+', 20, Number.POSITIVE_INFINITY],
  ];
  const menByRecords = Object.fromEntries(buckets.map(([b]) => [b, 0]));
  const relations: Record<string, number> = {};
  for (const m of men) {
    const b = buckets.find(([, lo, hi]) => m.records >= lo && m.records <= hi)!;
    menByRecords[b[0]]++;
    if (m.relation !== 'none') relations[m.relation] = (relations[m.relation] ?? 0) + 1;
  }
  // Look-alikes by coincidence: different men with the same full name and birth year.
  const byKey = new Map<string, number>();
  for (const m of men) {
    const key = `${m.surname}|${m.given}|${m.patronymic}|${m.by}`;
    byKey.set(key, (byKey.get(key) ?? 0) + 1);
  }
  let sameNameYear = 0;
  for (const c of byKey.values()) if (c > 1) sameNameYear += c;
  relations['same full name and birth year (all causes)'] = sameNameYear;
  return {
    records: kindRecords.reduce((a, b) => a + b, 0),
    men: men.length,
    kindRecords: Object.fromEntries(KINDS.map((k, i) => [k, kindRecords[i]])),
    kindLists: Object.fromEntries(KINDS.map((k) => [k, lists.filter((l) => l.kind === k).length])),
    drawn: Object.fromEntries(
      KINDS.map((k, i) => [k, Object.fromEntries(NOISES.map((nz, j) => [nz, drawn[i * NN + j]]))]),
    ),
    changed: Object.fromEntries(NOISES.map((nz, j) => [nz, changed[j]])),
    menByRecords,
    relations,
    duplicates,
  };
}

function report(s: Stats): void {
  const pct = (a: number, b: number): string => `${((100 * a) / Math.max(1, b)).toFixed(2)}%`;
  console.log(`records ${s.records}, men ${s.men}, records kept twice in one list ${s.duplicates}`);
  console.log('\nlists by kind (lists / records):');
  for (const k of KINDS)
    console.log(`  ${k.padEnd(10)} ${String(s.kindLists[k]).padStart(6)} ${String(s.kindRecords[k]).padStart(9)}`);
  console.log('\nmen by number of records:');
  for (const [b, c] of Object.entries(s.menByRecords)) console.log(`  ${b.padEnd(6)} ${c}`);
  console.log('\nlook-alike men (different men; relation to an earlier man):');
  for (const [k, c] of Object.entries(s.relations)) console.log(`  ${k.padEnd(44)} ${c}`);
  console.log('\nnoise kinds: records given it / records it changed (share of all records):');
  for (const nz of NOISES) {
    const d = KINDS.reduce((a, k) => a + s.drawn[k][nz], 0);
    console.log(
      `  ${nz.padEnd(20)} ${String(d).padStart(8)} ${String(s.changed[nz]).padStart(8)}  ${pct(s.changed[nz], s.records)}`,
    );
  }
}

/** Writes through one reused buffer: holding the text as JS strings would keep hundreds of MB
 * alive at n = 1,000,000. */
class FileOut {
  private readonly fd: number;
  private readonly buf = Buffer.allocUnsafe(1 << 22);
  private pos = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  write(s: string): void {
    if (this.pos + s.length * 3 > this.buf.length) this.flush();
    this.pos += this.buf.write(s, this.pos);
  }

  flush(): void {
    writeSync(this.fd, this.buf, 0, this.pos);
    this.pos = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

function main(argv: string[]): void {
  const arg = (name: string, def?: string): string => {
    const i = argv.indexOf(`--${name}`);
    const v = i >= 0 ? argv[i + 1] : def;
    if (v === undefined) throw new Error(`missing --${name}`);
    return v;
  };
  const n = Number(arg('n', '20000'));
  const seed = Number(arg('seed', '42'));
  const out = arg('out');
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(seed)) throw new Error('--n and --seed must be integers');
  mkdirSync(out, { recursive: true });
  const people = new FileOut(join(out, 'people.csv'));
  const truth = new FileOut(join(out, 'truth.csv'));
  people.write(`${HEADER}\n`);
  truth.write('record_id,person_id\n');
  const { stats } = generate(n, seed, (row, pid) => {
    people.write(`${row.map(csvField).join(',')}\n`);
    truth.write(`${row[0]},${pid}\n`);
  });
  people.close();
  truth.close();
  report(stats);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
