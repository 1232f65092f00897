/**
 * Ninth independent test-data generator for Kintrace record linkage.
 *   npx tsx bench/linkage/ninth/generate.ts --n 20000 --seed 42 --out DIR
 * Writes DIR/people.csv (shuffled records as the lists wrote them) and DIR/truth.csv (record -> man).
 * Rows are kept as finished CSV lines (one string each) and written in 1 MB chunks, so a million
 * records fit comfortably in memory.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LISTS, listsFor } from './lists.ts';
import { type Man, Population } from './population.ts';
import { loadReference } from './reference.ts';
import { renderRow } from './render.ts';
import { Rng } from './rng.ts';

export const HEADER = 'record_id,source,surname,given_name,patronymic,birth_date,region,unit';

export interface Options {
  n: number;
  seed: number;
  out: string;
}

export interface Summary {
  men: number;
  records: number;
  bySource: Record<string, number>;
  byKind: Record<string, number>;
  recordsPerMan: Record<string, number>;
  menByStatus: Record<string, number>;
  menByPeople: Record<string, number>;
  relatives: Record<string, number>;
  /** True full names (surname, given, patronymic) carried by two or more different men. */
  sharedFullNames: number;
  menWithNamesake: number;
  noise: Record<string, number>;
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const bump = (counts: Record<string, number>, key: string, by = 1) => {
  counts[key] = (counts[key] ?? 0) + by;
};

function writeChunked(path: string, header: string, count: number, lineAt: (i: number) => string): void {
  const fd = openSync(path, 'w');
  let chunk = `${header}\n`;
  for (let i = 0; i < count; i++) {
    chunk += `${lineAt(i)}\n`;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
}

export function generate({ n, seed, out }: Options): Summary {
  const ref = loadReference();
  const rng = new Rng(seed);
  const population = new Population(ref, rng);
  const lines: string[] = [];
  const personOf = new Int32Array(n);
  const noise: Record<string, number> = {};
  const note = (what: string) => bump(noise, what);
  const summary: Summary = {
    men: 0,
    records: 0,
    bySource: {},
    byKind: {},
    recordsPerMan: {},
    menByStatus: {},
    menByPeople: {},
    relatives: {},
    sharedFullNames: 0,
    menWithNamesake: 0,
    noise,
  };
  const fullNames = new Map<string, number>();
  const familyDraws = new Float64Array(LISTS.length);

  const emit = (man: Man, listIndex: number, pid: number) => {
    const spec = LISTS[listIndex];
    const row = renderRow(man, spec, ref, rng, note);
    personOf[lines.length] = pid;
    lines.push(`${csvCell(spec.source)},${row.map(csvCell).join(',')}`);
    bump(summary.bySource, spec.source);
    bump(summary.byKind, spec.kind);
  };

  while (lines.length < n) {
    const family = population.nextFamily();
    for (let i = 0; i < familyDraws.length; i++) familyDraws[i] = rng.float();
    for (const man of family) {
      const hits = listsFor(man, familyDraws, rng);
      if (hits.length === 0 || lines.length >= n) continue;
      const pid = ++summary.men;
      const before = lines.length;
      for (const listIndex of hits) {
        if (lines.length < n) emit(man, listIndex, pid);
        if (lines.length < n && rng.chance(LISTS[listIndex].duplicate)) {
          emit(man, listIndex, pid);
          note('same_man_twice_in_one_list');
        }
      }
      const count = lines.length - before;
      bump(summary.recordsPerMan, count >= 6 ? '6+' : String(count));
      bump(summary.menByStatus, man.status);
      bump(summary.menByPeople, man.people);
      if (man.relation !== 'founder') bump(summary.relatives, man.relation);
      const key = `${man.surname.name} ${man.given.name} ${man.patronymic}`;
      fullNames.set(key, (fullNames.get(key) ?? 0) + 1);
    }
  }
  summary.records = lines.length;
  for (const count of fullNames.values()) {
    if (count < 2) continue;
    summary.sharedFullNames++;
    summary.menWithNamesake += count;
  }

  // Shuffle so that file order says nothing about who is who.
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  mkdirSync(out, { recursive: true });
  writeChunked(join(out, 'people.csv'), HEADER, n, (i) => `R${i + 1},${lines[order[i]]}`);
  writeChunked(join(out, 'truth.csv'), 'record_id,person_id', n, (i) => `R${i + 1},P${personOf[order[i]]}`);
  return summary;
}

function formatSummary(s: Summary): string {
  const table = (counts: Record<string, number>, total: number) =>
    Object.entries(counts)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `  ${k.padEnd(40)} ${String(v).padStart(8)}  ${((100 * v) / total).toFixed(1).padStart(5)}%`)
      .join('\n');
  const perMan = Object.fromEntries(Object.entries(s.recordsPerMan).sort((a, b) => a[0].localeCompare(b[0])));
  return [
    `men: ${s.men}   records: ${s.records}   records per man: ${(s.records / s.men).toFixed(2)}`,
    `records per man (share of men):\n${table(perMan, s.men)}`,
    `men by status:\n${table(s.menByStatus, s.men)}`,
    `men by people (name pool):\n${table(s.menByPeople, s.men)}`,
    `relatives of another man in the data (brother, twin, cousin, father, son):\n${table(s.relatives, s.men)}`,
    `true full names shared by 2+ men: ${s.sharedFullNames} names, ${s.menWithNamesake} men`,
    `records per list kind:\n${table(s.byKind, s.records)}`,
    `records per list:\n${table(s.bySource, s.records)}`,
    `noise events (share of records):\n${table(s.noise, s.records)}`,
  ].join('\n\n');
}

function parseArgs(argv: string[]): Options {
  const value = (flag: string, fallback: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
  };
  const n = Number(value('--n', '20000'));
  const seed = Number(value('--seed', '42'));
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(seed))
    throw new Error('usage: --n <rows> --seed <int> --out <dir>');
  return { n, seed, out: value('--out', 'ninth-out') };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const summary = generate(options);
  console.log(formatSummary(summary));
  console.log(
    `\nwrote ${join(options.out, 'people.csv')} and truth.csv in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
