// Test data for record linkage: synthetic records about Russian servicemen as families, obituaries,
// rights groups, exchange lists, official letters and comrades write them, with the truth.
//
//   npx tsx bench/linkage/third/generate.ts --n 20000 --seed 7 --out /tmp/third
//
// writes OUT/people.csv (record_id,source,surname,given_name,patronymic,birth_date,region,unit) and
// OUT/truth.csv (record_id,person_id). See README.md in this folder for the model.

import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadRegions } from './regions.ts';
import { renderRecord } from './render.ts';
import { mix, Rng } from './rng.ts';
import { buildWorld } from './world.ts';

export const PEOPLE_HEADER = 'record_id,source,surname,given_name,patronymic,birth_date,region,unit';
export const TRUTH_HEADER = 'record_id,person_id';

export interface GenerateOptions {
  n: number;
  seed: number;
  out: string;
  eol?: '\n' | '\r\n';
}

export interface GenerateStats {
  records: number;
  persons: number;
  personsWithSeveral: number;
  adjacentFixed: number;
  fieldPresent: Record<string, number>;
  sources: Record<string, number>;
  latinRecords: number;
  /** most common (region, surname, given name) among distinct persons */
  topNameGroups: [string, number][];
  /** share of persons who share region + surname + given name with another person */
  personsInNameCollision: number;
  /** records holding nothing beyond surname, given name and region */
  onlyNameRegion: number;
}

const csvField = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

class BufferedWriter {
  private fd: number;
  private parts: string[] = [];
  private size = 0;
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.parts.length) writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** Shuffles record slots so that no two records of one person are adjacent. */
export const shuffledOrder = (slotPerson: Int32Array, rng: Rng): { order: Int32Array; fixed: number } => {
  const n = slotPerson.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  const who = (pos: number) => (pos >= 0 && pos < n ? slotPerson[order[pos]] : -1);
  const clashAt = (pos: number, person: number) => who(pos - 1) === person || who(pos + 1) === person;
  let fixed = 0;
  for (let i = 1; i < n; i++) {
    if (who(i) !== who(i - 1)) continue;
    for (let attempt = 0; attempt < 1000; attempt++) {
      const j = rng.int(n);
      if (Math.abs(j - i) <= 1) continue;
      const a = who(i);
      const b = who(j);
      // After the swap, position i holds b and position j holds a.
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
      if (!clashAt(i, b) && !clashAt(j, a)) {
        fixed++;
        break;
      }
      order[j] = order[i];
      order[i] = t;
    }
  }
  return { order, fixed };
};

export const generate = (opts: GenerateOptions): GenerateStats => {
  const { n, seed, out } = opts;
  const eol = opts.eol ?? '\n';
  if (!Number.isInteger(n) || n < 1) throw new Error('--n must be a positive integer');
  mkdirSync(out, { recursive: true });
  const regions = loadRegions();
  const world = buildWorld(n, seed, regions);
  const { persons } = world;

  const slotPerson = new Int32Array(n);
  let k = 0;
  for (const p of persons) for (let i = 0; i < p.nRecords; i++) slotPerson[k++] = p.id;
  if (k !== n) throw new Error(`internal: ${k} record slots for n=${n}`);
  const { order, fixed } = shuffledOrder(slotPerson, new Rng(mix(seed, 0x5f1e)));

  const width = Math.max(7, String(n).length);
  const pwidth = Math.max(7, String(persons.length).length);
  const people = new BufferedWriter(join(out, 'people.csv'));
  const truth = new BufferedWriter(join(out, 'truth.csv'));
  people.write(PEOPLE_HEADER + eol);
  truth.write(TRUTH_HEADER + eol);

  const names = ['source', 'surname', 'given_name', 'patronymic', 'birth_date', 'region', 'unit'];
  const present = new Array(names.length).fill(0);
  const sources: Record<string, number> = {};
  let latin = 0;
  let onlyNR = 0;
  for (let i = 0; i < n; i++) {
    const slot = order[i];
    const p = persons[slotPerson[slot]];
    const fields = renderRecord(p, new Rng(mix(seed, 0x2ec0, slot)));
    const rid = `r${String(i + 1).padStart(width, '0')}`;
    people.write(`${rid},${fields.map(csvField).join(',')}${eol}`);
    truth.write(`${rid},p${String(p.id + 1).padStart(pwidth, '0')}${eol}`);
    for (let f = 0; f < fields.length; f++) if (fields[f].trim() !== '') present[f]++;
    sources[fields[0]] = (sources[fields[0]] ?? 0) + 1;
    if (/[A-Za-z]{3}/.test(fields[1] + fields[2])) latin++;
    if (fields[3] === '' && fields[4] === '' && fields[6] === '') onlyNR++;
  }
  people.close();
  truth.close();

  const groups = new Map<string, number>();
  for (const p of persons) {
    const key = `${p.region.code} ${p.surname} ${p.given}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  let inCollision = 0;
  for (const c of groups.values()) if (c > 1) inCollision += c;
  const topNameGroups = [...groups.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12);

  const fieldPresent: Record<string, number> = {};
  names.forEach((nm, f) => {
    fieldPresent[nm] = present[f] / n;
  });
  return {
    records: n,
    persons: persons.length,
    personsWithSeveral: persons.filter((p) => p.nRecords > 1).length,
    adjacentFixed: fixed,
    fieldPresent,
    sources,
    latinRecords: latin,
    topNameGroups,
    personsInNameCollision: inCollision / persons.length,
    onlyNameRegion: onlyNR / n,
  };
};

const parseArgs = (argv: string[]): GenerateOptions => {
  const opts: GenerateOptions = { n: 20000, seed: 7, out: 'third-out' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--n') opts.n = Number(v);
    else if (a === '--seed') opts.seed = Number(v);
    else if (a === '--out') opts.out = v;
    else if (a === '--crlf') {
      opts.eol = '\r\n';
      continue;
    } else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: generate.ts --n 20000 --seed 7 --out DIR [--crlf]\n');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
    i++;
  }
  return opts;
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const s = generate(opts);
  const ms = performance.now() - t0;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  process.stdout.write(
    [
      `wrote ${s.records} records about ${s.persons} persons to ${opts.out} in ${(ms / 1000).toFixed(1)} s`,
      `persons with ≥2 records: ${pct(s.personsWithSeveral / s.persons)}; mean records/person ${(s.records / s.persons).toFixed(2)}`,
      `fields present: ${Object.entries(s.fieldPresent)
        .map(([k, v]) => `${k} ${pct(v)}`)
        .join(', ')}`,
      `sources: ${Object.entries(s.sources)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${pct(v / s.records)}`)
        .join(', ')}`,
      `Latin-script names: ${pct(s.latinRecords / s.records)}; adjacent same-person pairs fixed: ${s.adjacentFixed}`,
      `records with only surname/given/region (no patronymic, date, unit): ${pct(s.onlyNameRegion)}`,
      `persons sharing region+surname+given name with another person: ${pct(s.personsInNameCollision)}`,
      `largest such groups: ${s.topNameGroups.map(([k, v]) => `${k} ×${v}`).join('; ')}`,
      `peak RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`,
      '',
    ].join('\n'),
  );
}
