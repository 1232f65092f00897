// Independent synthetic generator of records about Russian servicemen (2022-2026) as different real
// sources write them, with the truth of which records are about the same man.
//
//   npx tsx bench/linkage/fourth/generate.ts --n 20000 --seed 42 --out /tmp/fourth-20k
//
// Output: people.csv (record_id,source,surname,given_name,patronymic,birth_date,region,unit) and
// truth.csv (record_id,person_id). Pure function of --n, --seed and this code.

import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Rng } from './prng.ts';
import { type Fields, planFor, renderRecord, SOURCES } from './render.ts';
import { buildWorld, type World } from './world.ts';

export const PEOPLE_HEADER = 'record_id,source,surname,given_name,patronymic,birth_date,region,unit';
export const TRUTH_HEADER = 'record_id,person_id';

export interface GenerateOptions {
  n: number;
  seed: number;
}

export interface GenerateStats {
  records: number;
  persons: number;
  fieldShare: Record<string, number>;
  sourceShare: Record<string, number>;
  recordsPerPerson: Record<string, number>; // share of persons
  recordsInMultiPersons: number; // share of records whose man has 2+ records
  fate: Record<string, number>;
  category: Record<string, number>;
  kin: Record<string, number>;
  topSurnames: Array<[string, number]>;
  topSurnameGiven: Array<[string, number]>;
  topFullNames: Array<[string, number]>;
  topFullNameYear: Array<[string, number]>;
  distinctSurnames: number;
}

export function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * Generate n records. Calls onRow(peopleLine, truthLine) once per record, in output (shuffled) order;
 * lines have no trailing newline.
 */
export function generate(opts: GenerateOptions, onRow: (people: string, truth: string) => void): GenerateStats {
  const { n, seed } = opts;
  if (!Number.isInteger(n) || n < 1) throw new Error('--n must be a positive integer');
  const world: World = buildWorld(n, seed);
  const persons = world.persons;

  // record references: person index and the record's number within the person
  const refP = new Int32Array(n);
  const refK = new Uint8Array(n);
  let c = 0;
  for (const p of persons) {
    for (let k = 0; k < p.nRec && c < n; k++) {
      refP[c] = p.idx;
      refK[c] = k;
      c++;
    }
  }
  if (c !== n) throw new Error(`internal: ${c} records for n=${n}`);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const rng = new Rng(seed, 0x5bff1e);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }

  const idWidth = Math.max(7, String(n).length);
  const pidWidth = Math.max(6, String(persons.length).length);
  const filled = [0, 0, 0, 0, 0, 0, 0];
  const bySource = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const ref = order[i];
    const p = persons[refP[ref]];
    const k = refK[ref];
    const plan = planFor(p, seed, n);
    const f: Fields = renderRecord(world, p, k, plan, seed);
    const rid = `R${pad(i + 1, idWidth)}`;
    const pid = `P${pad(p.idx + 1, pidWidth)}`;
    for (let j = 0; j < 7; j++) if (f[j].trim() !== '') filled[j]++;
    const kind = f[0].slice(0, f[0].indexOf(':'));
    bySource.set(kind, (bySource.get(kind) ?? 0) + 1);
    onRow(`${rid},${f.map(csvField).join(',')}`, `${rid},${pid}`);
  }

  // ---------------------------------------------------------------- summary
  const share = (x: number, of: number) => Math.round((x / of) * 10000) / 10000;
  const fieldNames = ['source', 'surname', 'given_name', 'patronymic', 'birth_date', 'region', 'unit'];
  const fieldShare: Record<string, number> = {};
  fieldNames.forEach((name, j) => {
    fieldShare[name] = share(filled[j], n);
  });
  const sourceShare: Record<string, number> = {};
  for (const s of SOURCES) sourceShare[s] = share(bySource.get(s) ?? 0, n);
  const hist = new Map<string, number>();
  const bucket = (r: number) => (r <= 5 ? String(r) : r <= 10 ? '6-10' : '11+');
  let multiRecords = 0;
  const fate = new Map<string, number>();
  const cat = new Map<string, number>();
  const kin = new Map<string, number>();
  const sCount = new Map<string, number>();
  const sgCount = new Map<string, number>();
  const fullCount = new Map<string, number>();
  const fullYear = new Map<string, number>();
  const inc = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);
  for (const p of persons) {
    inc(hist, bucket(p.nRec));
    if (p.nRec > 1) multiRecords += p.nRec;
    inc(fate, p.fate);
    inc(cat, p.cat);
    inc(kin, p.kin);
    inc(sCount, p.surname);
    inc(sgCount, `${p.surname} ${p.given}`);
    inc(fullCount, `${p.surname} ${p.given} ${p.patronymic}`.trim());
    inc(fullYear, `${p.surname} ${p.given} ${p.patronymic} ${p.by}`);
  }
  const top = (m: Map<string, number>, k = 10): Array<[string, number]> =>
    [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, k);
  const toShare = (m: Map<string, number>) => {
    const o: Record<string, number> = {};
    for (const [key, v] of [...m.entries()].sort()) o[key] = share(v, persons.length);
    return o;
  };
  const rpp: Record<string, number> = {};
  for (const b of ['1', '2', '3', '4', '5', '6-10', '11+']) rpp[b] = share(hist.get(b) ?? 0, persons.length);
  return {
    records: n,
    persons: persons.length,
    fieldShare,
    sourceShare,
    recordsPerPerson: rpp,
    recordsInMultiPersons: share(multiRecords, n),
    fate: toShare(fate),
    category: toShare(cat),
    kin: toShare(kin),
    topSurnames: top(sCount),
    topSurnameGiven: top(sgCount),
    topFullNames: top(fullCount),
    topFullNameYear: top(fullYear, 5).filter(([, v]) => v > 1),
    distinctSurnames: sCount.size,
  };
}

/** In-process generation (for tests and small runs). */
export function generateInMemory(opts: GenerateOptions): { people: string[]; truth: string[]; stats: GenerateStats } {
  const people: string[] = [];
  const truth: string[] = [];
  const stats = generate(opts, (a, b) => {
    people.push(a);
    truth.push(b);
  });
  return { people, truth, stats };
}

class ChunkWriter {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly fd: number) {}
  line(s: string): void {
    this.parts.push(s);
    this.size += s.length + 1;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (!this.parts.length) return;
    writeSync(this.fd, `${this.parts.join('\n')}\n`);
    this.parts = [];
    this.size = 0;
  }
}

export function formatStats(s: GenerateStats): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines: string[] = [];
  lines.push(`records ${s.records}, persons ${s.persons}, records/person ${(s.records / s.persons).toFixed(3)}`);
  lines.push(
    `field filled: ${Object.entries(s.fieldShare)
      .map(([k, v]) => `${k} ${pct(v)}`)
      .join(', ')}`,
  );
  lines.push(
    `sources: ${Object.entries(s.sourceShare)
      .map(([k, v]) => `${k} ${pct(v)}`)
      .join(', ')}`,
  );
  lines.push(
    `records per person (share of persons): ${Object.entries(s.recordsPerPerson)
      .map(([k, v]) => `${k}: ${pct(v)}`)
      .join(', ')}`,
  );
  lines.push(`records whose man has 2+ records: ${pct(s.recordsInMultiPersons)}`);
  lines.push(
    `fate: ${Object.entries(s.fate)
      .map(([k, v]) => `${k} ${pct(v)}`)
      .join(', ')}`,
  );
  lines.push(
    `category: ${Object.entries(s.category)
      .map(([k, v]) => `${k} ${pct(v)}`)
      .join(', ')}`,
  );
  lines.push(
    `kin: ${Object.entries(s.kin)
      .map(([k, v]) => `${k} ${pct(v)}`)
      .join(', ')}`,
  );
  lines.push(`distinct surnames (true): ${s.distinctSurnames}`);
  lines.push(`largest surname pools (persons): ${s.topSurnames.map(([k, v]) => `${k} ${v}`).join(', ')}`);
  lines.push(`largest surname+given pools: ${s.topSurnameGiven.map(([k, v]) => `${k} ${v}`).join(', ')}`);
  lines.push(`largest full-name pools: ${s.topFullNames.map(([k, v]) => `${k} ${v}`).join(', ')}`);
  lines.push(`largest full-name+birth-year pools: ${s.topFullNameYear.map(([k, v]) => `${k} ${v}`).join(', ')}`);
  return lines.join('\n');
}

function parseArgs(argv: string[]): { n: number; seed: number; out: string } {
  let n = 20000;
  let seed = 42;
  let out = '';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--n') {
      n = Number(v);
      i++;
    } else if (a === '--seed') {
      seed = Number(v);
      i++;
    } else if (a === '--out') {
      out = v;
      i++;
    } else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: npx tsx bench/linkage/fourth/generate.ts --n 20000 --seed 42 --out DIR\n');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (!out) throw new Error('--out DIR is required');
  if (!Number.isInteger(n) || n < 1) throw new Error('--n must be a positive integer');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  return { n, seed, out };
}

function main(): void {
  const { n, seed, out } = parseArgs(process.argv.slice(2));
  mkdirSync(out, { recursive: true });
  const t0 = Date.now();
  const pfd = openSync(join(out, 'people.csv'), 'w');
  const tfd = openSync(join(out, 'truth.csv'), 'w');
  const pw = new ChunkWriter(pfd);
  const tw = new ChunkWriter(tfd);
  pw.line(PEOPLE_HEADER);
  tw.line(TRUTH_HEADER);
  const stats = generate({ n, seed }, (a, b) => {
    pw.line(a);
    tw.line(b);
  });
  pw.flush();
  tw.flush();
  closeSync(pfd);
  closeSync(tfd);
  process.stdout.write(`${formatStats(stats)}\n`);
  process.stdout.write(
    `wrote ${join(out, 'people.csv')} and truth.csv in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`,
  );
}

const invokedDirectly = !!process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) main();
