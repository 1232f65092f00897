// Kintrace linkage benchmark, tenth independent generator.
//   npx tsx bench/linkage/tenth/generate.ts --n 20000 --seed 42 --out DIR
// Writes DIR/people.csv and DIR/truth.csv (streamed) and prints a summary. See README.md.
import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ListCatalogue } from './lists.ts';
import { type Man, MenFactory } from './people.ts';
import { buildUnits } from './places.ts';
import { Rng } from './random.ts';
import { loadReference } from './reference.ts';
import { type Cells, type Count, Renderer } from './render.ts';

export const HEADER = 'record_id,source,surname,given_name,patronymic,birth_date,region,unit';

export interface Summary {
  men: number;
  relativesOfOtherMen: number;
  records: number;
  lists: number;
  recordsPerKind: Record<string, number>;
  recordsPerMan: Record<string, number>;
  noise: Record<string, number>;
  namesakes: { menSharingSurnameAndGiven: number; largestGroups: [string, number][] };
}

export function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

class BufferedWriter {
  private parts: string[] = [];
  constructor(private readonly stream: WriteStream) {}
  async line(text: string): Promise<void> {
    this.parts.push(text);
    if (this.parts.length >= 4096) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const ok = this.stream.write(`${this.parts.join('\n')}\n`);
    this.parts = [];
    if (!ok) await once(this.stream, 'drain');
  }
  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

export async function generate(n: number, seed: number, out: string): Promise<Summary> {
  const ref = loadReference();
  const { units, homeUnits } = buildUnits(ref, seed);
  const catalogue = new ListCatalogue(ref, n, seed);
  const factory = new MenFactory(ref, units, homeUnits, new Rng(seed, 0x3e4));
  const planRng = new Rng(seed, 0x91a);

  // Plan who appears in which list. Records are stored as three integer columns to keep a
  // million records cheap; the text is produced later, record by record.
  const planMan = new Int32Array(n);
  const planList = new Int32Array(n);
  const planParent = new Int32Array(n);
  const men: Man[] = [];
  let relatives = 0;
  let total = 0;
  while (total < n) {
    const family = factory.next();
    relatives += family.length - 1;
    for (const man of family) {
      if (total >= n) break;
      const start = total;
      for (const [list, parent] of catalogue.plan(man, units, planRng)) {
        if (total >= n) break;
        planMan[total] = men.length;
        planList[total] = list;
        planParent[total] = parent < 0 ? -1 : start + parent;
        total++;
      }
      men.push(man);
    }
  }

  const order = new Int32Array(n).map((_v, i) => i);
  const shuffle = new Rng(seed, 0x5f1);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(shuffle.next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }

  const renderer = new Renderer(ref, units);
  const noise: Record<string, number> = {};
  const count: Count = (what) => {
    noise[what] = (noise[what] ?? 0) + 1;
  };
  const silent: Count = () => {};
  // A copy re-renders its parent from the parent's own seed, so both agree without storing text.
  const renderAt = (i: number, counter: Count): Cells => {
    const parent = planParent[i] >= 0 ? renderAt(planParent[i], silent) : undefined;
    return renderer.render(men[planMan[i]], catalogue.lists[planList[i]], new Rng(seed, 0x7ec, i), parent, counter);
  };

  mkdirSync(out, { recursive: true });
  const people = new BufferedWriter(createWriteStream(join(out, 'people.csv')));
  const truth = new BufferedWriter(createWriteStream(join(out, 'truth.csv')));
  await people.line(HEADER);
  await truth.line('record_id,person_id');
  const recordsPerKind: Record<string, number> = {};
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const list = catalogue.lists[planList[i]];
    const c = renderAt(i, count);
    const id = `R${k + 1}`;
    await people.line(
      [id, list.name, c.surname, c.given, c.patronymic, c.birth, c.region, c.unit].map(csvCell).join(','),
    );
    await truth.line(`${id},P${men[planMan[i]].id}`);
    recordsPerKind[list.spec.kind] = (recordsPerKind[list.spec.kind] ?? 0) + 1;
  }
  await Promise.all([people.close(), truth.close()]);
  return summarise(men, planMan, planList, recordsPerKind, noise, relatives);
}

function summarise(
  men: Man[],
  planMan: Int32Array,
  planList: Int32Array,
  recordsPerKind: Record<string, number>,
  noise: Record<string, number>,
  relatives: number,
): Summary {
  const perMan = new Uint16Array(men.length);
  for (const m of planMan) perMan[m]++;
  const recordsPerMan: Record<string, number> = {};
  const bucket = (k: number) => (k >= 10 ? '10+' : k >= 5 ? '5-9' : String(k));
  const groups = new Map<string, number>();
  let present = 0;
  men.forEach((man, i) => {
    if (perMan[i] === 0) return;
    present++;
    recordsPerMan[bucket(perMan[i])] = (recordsPerMan[bucket(perMan[i])] ?? 0) + 1;
    const key = `${man.surname} ${man.given}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  });
  let sharing = 0;
  for (const size of groups.values()) if (size > 1) sharing += size;
  const largestGroups = [...groups].sort((a, b) => b[1] - a[1]).slice(0, 6);
  return {
    men: present,
    relativesOfOtherMen: relatives,
    records: planMan.length,
    lists: new Set(planList).size,
    recordsPerKind,
    recordsPerMan,
    noise: Object.fromEntries(Object.entries(noise).sort((a, b) => b[1] - a[1])),
    namesakes: { menSharingSurnameAndGiven: sharing, largestGroups },
  };
}

function printSummary(s: Summary, seconds: number): void {
  const lines = [
    `records ${s.records}, men ${s.men} (${(s.records / s.men).toFixed(2)} records per man), lists used ${s.lists}, ${seconds.toFixed(1)} s`,
    `brothers/sons generated as separate men: ${s.relativesOfOtherMen}`,
    `namesakes: ${s.namesakes.menSharingSurnameAndGiven} men share surname + given name with another man`,
    `  largest groups: ${s.namesakes.largestGroups.map(([k, v]) => `${k} ×${v}`).join(', ')}`,
    'records per man:',
    ...Object.entries(s.recordsPerMan).map(([k, v]) => `  ${k.padStart(4)}  ${v}`),
    'records per list kind:',
    ...Object.entries(s.recordsPerKind)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `  ${k.padEnd(16)} ${v}`),
    'noise and variation (occurrences):',
    ...Object.entries(s.noise).map(([k, v]) => `  ${k.padEnd(40)} ${v}`),
  ];
  console.log(lines.join('\n'));
}

function argument(name: string, fallback?: string): string {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? process.argv[at + 1] : fallback;
  if (value === undefined) throw new Error(`missing --${name}`);
  return value;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = performance.now();
  const n = Number(argument('n', '20000'));
  const seed = Number(argument('seed', '42'));
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(seed)) throw new Error('--n and --seed must be integers');
  const summary = await generate(n, seed, argument('out'));
  printSummary(summary, (performance.now() - started) / 1000);
}
