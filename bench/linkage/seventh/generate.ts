// Seventh synthetic generator for Kintrace record linkage (see README.md for the model).
//   npx tsx bench/linkage/seventh/generate.ts --n 20000 --seed 42 --out DIR
// Writes DIR/people.csv and DIR/truth.csv and prints noise counts and men by number of records.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { drawHabits, KIND_BY_STATUS, KINDS, type Kind, PROFILE } from './lists.ts';
import { LOOKS, type Man, Population } from './men.ts';
import { NEIGHBOURS, REGIONS } from './regions.ts';
import { type ListInfo, renderRecord } from './render.ts';
import { mix32, Rng } from './rng.ts';
import { buildUnits, type UnitCatalog } from './units.ts';

export const HEADER = 'record_id,source,surname,given_name,patronymic,birth_date,region,unit';
/** Share of volunteer-spreadsheet records entered twice by a clerk (the one way a list holds a man twice). */
const DUPLICATE_RATE = 0.012;
const MAX_PER_MAN: Record<Kind, number> = {
  family: 99,
  volunteer: 99,
  obituary: 99,
  memorial: 2,
  mod: 4,
  tip: 99,
  captive: 99,
  exchange: 2,
  court: 3,
};

export interface Result {
  men: Man[];
  lists: ListInfo[];
  /** record index (row order before shuffling) → man, list; `dup` marks clerical duplicates. */
  recMan: Int32Array;
  recList: Int32Array;
  dup: Uint8Array;
  noise: Record<string, number>;
  menByRecords: Record<string, number>;
  looks: Record<string, number>;
}

function csv(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Cut men's records into lists: by kind and scope, shuffled, then into heavy-tailed chunks with no man twice. */
function buildLists(men: Man[], n: number, cat: UnitCatalog, seed: number) {
  const rng = new Rng(seed, 2);
  const recMan = new Int32Array(n);
  const recKind = new Uint8Array(n);
  const dup = new Uint8Array(n);
  const buckets = new Map<number, number[]>();
  const isoIndex = new Map(REGIONS.map((r, i) => [r.iso, i]));
  let ri = 0;
  const perMan = new Uint8Array(KINDS.length);
  men.forEach((m, mi) => {
    perMan.fill(0);
    for (let j = 0; j < m.records; j++, ri++) {
      recMan[ri] = mi;
      const prev = ri - 1;
      if (j > 0 && recKind[prev] === 1 && !dup[prev] && rng.chance(DUPLICATE_RATE)) {
        recKind[ri] = 1;
        dup[ri] = 1;
        continue;
      }
      let kind = KIND_BY_STATUS[m.status].sample(rng);
      // A man is in a few court files or exchange lists at most; the rest of his records go elsewhere.
      for (let t = 0; t < 8 && perMan[KINDS.indexOf(kind)] >= MAX_PER_MAN[kind]; t++)
        kind = KIND_BY_STATUS[m.status].sample(rng);
      if (perMan[KINDS.indexOf(kind)] >= MAX_PER_MAN[kind]) kind = 'volunteer';
      recKind[ri] = KINDS.indexOf(kind);
      perMan[recKind[ri]]++;
      let scope = -1;
      if (rng.chance(PROFILE[kind].regional)) {
        const unitRegion = m.unit >= 0 ? cat.units[m.unit].region : -1;
        scope = kind === 'court' && unitRegion >= 0 && rng.chance(0.6) ? unitRegion : m.region;
        if (kind === 'memorial' && m.formation === 'wagner') scope = -1;
        // Lists are mostly, not only, about their region: a few men from next door.
        const nb = NEIGHBOURS[REGIONS[m.region].iso];
        if (scope >= 0 && nb && rng.chance(0.08)) scope = isoIndex.get(rng.pick(nb)) ?? scope;
      }
      const key = recKind[ri] * 1000 + scope + 1;
      let b = buckets.get(key);
      if (!b) buckets.set(key, (b = []));
      b.push(ri);
    }
  });
  const recList = new Int32Array(n).fill(-1);
  const lists: ListInfo[] = [];
  const perKind = new Map<Kind, number[]>();
  for (const [key, entries] of buckets) {
    const kind = KINDS[Math.floor(key / 1000)];
    const prof = PROFILE[kind];
    rng.shuffle(entries);
    let inList = new Set<number>();
    let room = 0;
    let li = -1;
    for (let i = 0; i < entries.length; i++) {
      if (room <= 0) {
        room = Math.max(1, Math.min(prof.max, Math.round(rng.lognormal(Math.log(prof.median), prof.sigma))));
        li = lists.length;
        lists.push({ kind, id: '', habits: drawHabits(kind, new Rng(seed, 0x1000000 + li)) });
        inList = new Set();
        const ids = perKind.get(kind) ?? [];
        ids.push(li);
        perKind.set(kind, ids);
      }
      // A man already on this list: bring forward someone who is not, or close the list early.
      if (inList.has(recMan[entries[i]])) {
        let j = i + 1;
        while (j < entries.length && j < i + 64 && inList.has(recMan[entries[j]])) j++;
        if (j < entries.length && j < i + 64) [entries[i], entries[j]] = [entries[j], entries[i]];
        else {
          room = 0;
          i--;
          continue;
        }
      }
      const r = entries[i];
      inList.add(recMan[r]);
      recList[r] = li;
      if (r + 1 < n && dup[r + 1]) recList[r + 1] = li;
      room--;
    }
  }
  // List numbers are shuffled within each kind so that they do not reveal the region order.
  for (const [kind, ids] of perKind) {
    const nums = ids.map((_, i) => i + 1);
    rng.shuffle(nums);
    const width = Math.max(4, String(ids.length).length);
    ids.forEach((li, i) => {
      lists[li].id = `${kind}:${String(nums[i]).padStart(width, '0')}`;
    });
  }
  return { recMan, recList, dup, lists };
}

export function generate(n: number, seed: number, out?: string): Result {
  const cat = buildUnits(seed);
  const pop = new Population(
    new Rng(seed, 1),
    cat,
    (ri, g) => new Rng(seed, mix32(ri * 7919 + g.length * 31 + g.charCodeAt(0))),
  );
  let total = 0;
  while (total < n) total += pop.addHousehold();
  const men = pop.men;
  // Trim the excess records from the last men (a man trimmed to zero records is dropped).
  for (let excess = total - n; excess > 0; ) {
    const m = men[men.length - 1];
    const cut = Math.min(excess, m.records);
    m.records -= cut;
    excess -= cut;
    if (m.records === 0) men.pop();
  }
  const { recMan, recList, dup, lists } = buildLists(men, n, cat, seed);

  const noise: Record<string, number> = {};
  const count = (k: string) => {
    noise[k] = (noise[k] ?? 0) + 1;
  };
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const shuf = new Rng(seed, 3);
  shuf.shuffle(order);
  const personIds = new Int32Array(men.length);
  for (let i = 0; i < men.length; i++) personIds[i] = i + 1;
  shuf.shuffle(personIds);

  const fdP = out ? openSync((mkdirSync(out, { recursive: true }), join(out, 'people.csv')), 'w') : -1;
  const fdT = out ? openSync(join(out, 'truth.csv'), 'w') : -1;
  let bufP = `${HEADER}\n`;
  let bufT = 'record_id,person_id\n';
  const rr = new Rng(seed, 4);
  for (let row = 0; row < n; row++) {
    const r = order[row];
    // A clerical duplicate is half the time an exact copy (same random stream as the row above it).
    const exact = dup[r] && (mix32(seed ^ r) & 1) === 1;
    rr.reset(seed, 0x2000000 + (exact ? r - 1 : r));
    if (dup[r]) count('clerical_duplicate');
    const fields = renderRecord(men[recMan[r]], lists[recList[r]], cat, rr, count);
    const id = `R${row + 1}`;
    bufP += `${id},${lists[recList[r]].id},${fields.map(csv).join(',')}\n`;
    bufT += `${id},P${personIds[recMan[r]]}\n`;
    if (bufP.length > 1 << 16 && out) {
      writeSync(fdP, bufP);
      writeSync(fdT, bufT);
      bufP = bufT = '';
    }
  }
  if (out) {
    writeSync(fdP, bufP);
    writeSync(fdT, bufT);
    closeSync(fdP);
    closeSync(fdT);
  }
  const menByRecords: Record<string, number> = {};
  const looks: Record<string, number> = Object.fromEntries(LOOKS.map((l) => [l, 0]));
  for (const m of men) {
    const k = m.records <= 5 ? String(m.records) : m.records <= 10 ? '6-10' : m.records <= 20 ? '11-20' : '21+';
    menByRecords[k] = (menByRecords[k] ?? 0) + 1;
    looks[m.look]++;
  }
  return { men, lists, recMan, recList, dup, noise, menByRecords, looks };
}

function main(): void {
  const args = process.argv.slice(2);
  const arg = (name: string, def?: string): string => {
    const i = args.indexOf(`--${name}`);
    if (i >= 0 && args[i + 1] !== undefined) return args[i + 1];
    if (def === undefined) throw new Error(`missing --${name}`);
    return def;
  };
  const n = Number(arg('n', '20000'));
  const seed = Number(arg('seed', '42'));
  const out = arg('out');
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(seed)) throw new Error('--n and --seed must be integers');
  const t0 = performance.now();
  const res = generate(n, seed, out);
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  const kinds: Record<string, number> = {};
  for (const l of res.lists) kinds[l.kind] = (kinds[l.kind] ?? 0) + 1;
  const pct = (c: number) => `${((100 * c) / n).toFixed(2)}%`;
  console.log(`records ${n}, men ${res.men.length}, lists ${res.lists.length}, seed ${seed}, ${secs}s → ${out}`);
  console.log('\nnoise kinds (records affected):');
  for (const [k, c] of Object.entries(res.noise).sort((a, b) => b[1] - a[1]))
    console.log(`  ${k.padEnd(26)} ${String(c).padStart(8)}  ${pct(c)}`);
  console.log('\nmen by number of records:');
  for (const k of ['1', '2', '3', '4', '5', '6-10', '11-20', '21+'])
    console.log(`  ${k.padEnd(6)} ${res.menByRecords[k] ?? 0}`);
  console.log('\nmen by household (look-alikes):');
  for (const [k, c] of Object.entries(res.looks)) console.log(`  ${k.padEnd(13)} ${c}`);
  console.log('\nlists by kind:');
  for (const k of KINDS) console.log(`  ${k.padEnd(10)} ${kinds[k] ?? 0}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
