// CLI: npx tsx bench/linkage/fifth/generate.ts --n 20000 --seed 42 --out /tmp/fifth-20k
// Writes people.csv (records as sources wrote them) and truth.csv (record -> person).
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Rng, Weighted } from './prng.ts';
import {
  type Belief,
  courtRegion,
  type Fixed,
  formatDate,
  formatName,
  formatRegion,
  formatUnit,
  makeBelief,
  wagnerCemetery,
} from './render.ts';
import { KIND_BY_KEY, KIND_ORDER, KINDS, type KindKey, publicationCounts, StyleCache } from './sources.ts';
import { buildWorld, dayIndex, type Fate, type Person, type World } from './world.ts';

export const HEADER = 'record_id,source,surname,given_name,patronymic,birth_date,region,unit';

export interface GenOptions {
  n: number;
  seed: number;
}

export interface Generated {
  /** CSV data lines without record_id, in generation order. */
  lines: string[];
  /** Person id (1-based) of each line. */
  personOf: Int32Array;
  /** Shuffled order: output row j is lines[order[j]]. */
  order: Uint32Array;
  persons: number;
  /** How many records carry each noise/format tag. */
  tagCounts: Map<string, number>;
  kindCounts: Map<KindKey, number>;
  sources: number;
}

export function csvField(s: string): string {
  if (/[",\n\r]/.test(s)) return `"${s.replace(/"/g, '""')}"`;
  return s;
}

const START = dayIndex({ y: 2022, m: 2, d: 24 });
const END = dayIndex({ y: 2026, m: 12, d: 31 });

class PubPicker {
  readonly counts: Map<KindKey, number>;
  private readonly regionBlocks = new Map<KindKey, { start: Int32Array; size: Int32Array; total: number }>();
  private readonly zipf = new Map<KindKey, Weighted<number>>();
  private readonly inBlock = new Map<number, Weighted<number>>();

  constructor(
    n: number,
    private readonly w: World,
  ) {
    this.counts = publicationCounts(n);
    const weights = w.regions.map((r) => r.population * r.loss);
    const wsum = weights.reduce((a, b) => a + b, 0);
    for (const k of KINDS) {
      const c = this.counts.get(k.key)!;
      if (k.pubBy === 'region' || k.pubBy === 'burial' || k.pubBy === 'court') {
        const start = new Int32Array(w.regions.length);
        const size = new Int32Array(w.regions.length);
        let at = 0;
        for (let i = 0; i < w.regions.length; i++) {
          const sz = Math.max(1, Math.round((c * weights[i]) / wsum));
          start[i] = at;
          size[i] = sz;
          at += sz;
        }
        this.regionBlocks.set(k.key, { start, size, total: at });
        this.counts.set(k.key, at);
      } else if (k.pubBy === 'zipf') {
        this.zipf.set(
          k.key,
          Weighted.zipf(
            Array.from({ length: c }, (_, i) => i),
            0.9,
            2,
          ),
        );
      }
    }
  }

  private blockPick(kind: KindKey, region: number, rng: Rng): number {
    const b = this.regionBlocks.get(kind)!;
    const size = b.size[region];
    let wz = this.inBlock.get(size);
    if (!wz) {
      wz = Weighted.zipf(
        Array.from({ length: size }, (_, i) => i),
        1,
        1,
      );
      this.inBlock.set(size, wz);
    }
    return b.start[region] + wz.sample(rng);
  }

  pick(kind: KindKey, p: Person, rng: Rng): { pub: number; fixed: Fixed | null } {
    const def = KIND_BY_KEY.get(kind)!;
    const count = this.counts.get(kind)!;
    const mine = p.anchorPubs?.get(kind);
    if (mine && mine.length > 0 && rng.chance(0.4)) {
      const pub = rng.pick(mine);
      // a relative in the same piece: same place of burial / same court region
      return {
        pub,
        fixed: def.pubBy === 'burial' || def.pubBy === 'court' ? { region: p.region, place: p.place } : null,
      };
    }
    switch (def.pubBy) {
      case 'region':
        return { pub: this.blockPick(kind, p.region, rng), fixed: null };
      case 'burial': {
        const fx =
          p.units.some((u) => u.kind === 'pmc') && rng.chance(0.4)
            ? wagnerCemetery(this.w)
            : { region: p.region, place: p.place };
        return { pub: this.blockPick(kind, fx.region, rng), fixed: fx };
      }
      case 'court': {
        const fx = courtRegion(this.w, p, rng);
        return { pub: this.blockPick(kind, fx.region, rng), fixed: fx };
      }
      case 'unit': {
        const u = p.units[0];
        const h = (Math.imul(u.id + 1, 2654435761) ^ Math.imul(p.region + 7, 40503)) >>> 0;
        return { pub: h % count, fixed: null };
      }
      case 'time': {
        const delay =
          kind === 'exchange' ? rng.range(30, 500) : kind === 'uacapt' ? rng.range(0, 90) : rng.range(0, 20);
        const day = Math.min(END, dayIndex(p.event) + delay);
        const frac = (day - START) / (END - START + 1);
        const spread = kind === 'uavideo' ? rng.range(-3, 3) : 0;
        return { pub: Math.min(count - 1, Math.max(0, Math.floor(frac * count) + spread)), fixed: null };
      }
      default:
        return { pub: this.zipf.get(kind)!.sample(rng), fixed: null };
    }
  }
}

function kindWeights(): Map<Fate, Weighted<KindKey>> {
  const fates: Fate[] = ['dead', 'missing', 'captured', 'exchanged', 'refusal', 'wounded'];
  const m = new Map<Fate, Weighted<KindKey>>();
  for (const f of fates) {
    const ks = KINDS.filter((k) => (k.fate[f] ?? 0) > 0);
    m.set(
      f,
      new Weighted(
        ks.map((k) => k.key),
        ks.map((k) => k.fate[f]!),
      ),
    );
  }
  return m;
}

const ONCE = new Set<KindKey>(['probate', 'cemetery', 'exchange', 'court', 'uavideo']);

export function generate(opts: GenOptions): Generated {
  const { n, seed } = opts;
  if (!Number.isInteger(n) || n < 1) throw new Error('--n must be a positive integer');
  const world = buildWorld();
  const rng = new Rng(`fifth:${seed}`);
  const picker = new PubPicker(n, world);
  const styles = new StyleCache(seed);
  const kw = kindWeights();
  const kindRank = new Map(KIND_ORDER.map((k, i) => [k, i]));
  const lines: string[] = new Array(n);
  const personOf = new Int32Array(n);
  const tagCounts = new Map<string, number>();
  const kindCounts = new Map<KindKey, number>();
  const sourcesSeen = new Set<string>();
  let produced = 0;
  let pid = 0;
  while (produced < n) {
    pid++;
    const p = world.newPerson(pid, rng);
    const k = Math.min(40, 1 + rng.poisson(p.visibility), n - produced);
    const kinds: KindKey[] = [];
    const wk = kw.get(p.fate)!;
    for (let i = 0; i < k; i++) {
      // one grave, one probate case, one exchange, one court case, one interview per man
      let kind = wk.sample(rng);
      for (let t = 0; t < 12 && ONCE.has(kind) && kinds.includes(kind); t++) kind = wk.sample(rng);
      if (ONCE.has(kind) && kinds.includes(kind)) continue;
      kinds.push(kind);
    }
    kinds.sort((a, b) => kindRank.get(a)! - kindRank.get(b)!);
    const beliefs = new Map<KindKey, Belief[]>();
    for (const kind of kinds) {
      // a man is rarely listed twice in the same publication
      const used = p.pubs.get(kind);
      let { pub, fixed } = picker.pick(kind, p, rng);
      for (let t = 0; t < 6 && used?.includes(pub) && !rng.chance(0.03); t++)
        ({ pub, fixed } = picker.pick(kind, p, rng));
      const style = styles.get(kind, pub);
      let parent: Belief | null = null;
      if (style.copyP > 0 && rng.chance(style.copyP)) {
        const cands: Belief[] = [];
        for (const ck of style.copyFrom) for (const b of beliefs.get(ck) ?? []) cands.push(b);
        if (cands.length > 0) parent = rng.pick(cands);
      }
      const belief = makeBelief(world, p, style, rng, fixed, parent);
      const list = beliefs.get(kind) ?? [];
      list.push(belief);
      beliefs.set(kind, list);
      const tags = new Set<string>(belief.tags);
      const [s, g, pt] = formatName(belief, p, style, rng, tags);
      const bd = formatDate(belief, style, rng, tags, parent !== null);
      const region = formatRegion(world, belief, style, rng, tags);
      const unit = formatUnit(belief, style, rng, tags);
      const source = `${kind}:${String(pub + 1).padStart(4, '0')}`;
      sourcesSeen.add(source);
      lines[produced] = [source, s, g, pt, bd, region, unit].map(csvField).join(',');
      personOf[produced] = pid;
      produced++;
      for (const t of tags) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
      kindCounts.set(kind, (kindCounts.get(kind) ?? 0) + 1);
      const pl = p.pubs.get(kind) ?? [];
      pl.push(pub);
      p.pubs.set(kind, pl);
    }
  }
  // shuffle (Fisher–Yates) with a separate stream so the order does not disturb the content
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const sr = new Rng(`fifth-shuffle:${seed}`);
  for (let i = n - 1; i > 0; i--) {
    const j = sr.int(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return { lines, personOf, order, persons: pid, tagCounts, kindCounts, sources: sourcesSeen.size };
}

/** Render the two CSV files as chunks (streamed by the CLI, joined by the test). */
export function* peopleChunks(g: Generated, chunkRows = 20000): Generator<string> {
  let buf = `${HEADER}\n`;
  for (let j = 0; j < g.order.length; j++) {
    buf += `R${j + 1},${g.lines[g.order[j]]}\n`;
    if ((j + 1) % chunkRows === 0) {
      yield buf;
      buf = '';
    }
  }
  if (buf !== '') yield buf;
}

export function* truthChunks(g: Generated, chunkRows = 50000): Generator<string> {
  let buf = 'record_id,person_id\n';
  for (let j = 0; j < g.order.length; j++) {
    buf += `R${j + 1},P${g.personOf[g.order[j]]}\n`;
    if ((j + 1) % chunkRows === 0) {
      yield buf;
      buf = '';
    }
  }
  if (buf !== '') yield buf;
}

function writeChunks(path: string, chunks: Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    for (const c of chunks) writeSync(fd, c);
  } finally {
    closeSync(fd);
  }
}

export function writeOutput(g: Generated, outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  writeChunks(join(outDir, 'people.csv'), peopleChunks(g));
  writeChunks(join(outDir, 'truth.csv'), truthChunks(g));
}

function parseArgs(argv: string[]): { n: number; seed: number; out: string; stats: boolean } {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    if (i >= 0) return argv[i + 1];
    const eq = argv.find((a) => a.startsWith(`--${name}=`));
    return eq?.slice(name.length + 3);
  };
  const n = Number(get('n') ?? '20000');
  const seed = Number(get('seed') ?? '42');
  const out = get('out');
  if (!out) throw new Error('usage: generate.ts --n N --seed S --out DIR [--stats]');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  return { n, seed, out, stats: argv.includes('--stats') };
}

export function statsReport(g: Generated): string {
  const n = g.lines.length;
  const per = new Map<number, number>();
  let run = 1;
  for (let i = 1; i <= n; i++) {
    if (i < n && g.personOf[i] === g.personOf[i - 1]) run++;
    else {
      per.set(run, (per.get(run) ?? 0) + 1);
      run = 1;
    }
  }
  const out: string[] = [];
  out.push(`records ${n}, persons ${g.persons}, records/person ${(n / g.persons).toFixed(3)}, sources ${g.sources}`);
  const sizes = [...per.entries()].sort((a, b) => a[0] - b[0]);
  out.push(`records per person: ${sizes.map(([k, v]) => `${k}:${v}`).join(' ')}`);
  out.push('kinds:');
  for (const [k, v] of [...g.kindCounts.entries()].sort((a, b) => b[1] - a[1]))
    out.push(`  ${k.padEnd(12)} ${((100 * v) / n).toFixed(2)}%`);
  out.push('tags (share of records):');
  for (const [k, v] of [...g.tagCounts.entries()].sort((a, b) => a[0].localeCompare(b[0])))
    out.push(`  ${k.padEnd(32)} ${((100 * v) / n).toFixed(2)}%`);
  return out.join('\n');
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const g = generate({ n: args.n, seed: args.seed });
  writeOutput(g, args.out);
  process.stderr.write(
    `wrote ${g.lines.length} records about ${g.persons} men from ${g.sources} sources to ${args.out}\n`,
  );
  if (args.stats) process.stderr.write(`${statsReport(g)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
