/**
 * A hospital network's master patient index, merged from its registration systems, with the duplicates such a
 * merge holds. `npx tsx bench/linkage/patients/generate.ts --n 50000 --seed 42 --out DIR` writes DIR/records.csv,
 * DIR/truth.csv (record_id,person_id) and prints a summary. The error rates are the author's judgement.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FIRST_RECORD, NOW, type Person, Population } from './population.ts';
import { ACQ, COLUMNS, INPT, PROFILES, render } from './render.ts';
import { Rng } from './rng.ts';

export interface Generated {
  header: string[];
  rows: string[][];
  truth: [string, string][];
  summary: Record<string, number | string>;
}

const SHARES = PROFILES.map((p) => p.share);

export function generate(n: number, seed: number): Generated {
  const rng = new Rng(seed);
  const pop = new Population(rng, n / 1.9);
  const recs: { p: Person; row: string[] }[] = [];
  const stats = { newborn: 0, maiden: 0, twins: 0, juniors: 0 };
  while (recs.length < n) {
    for (const p of pop.household()) {
      const age = NOW - p.birthT;
      let k = 1 + rng.weighted([50, 22, 12, 7, 4, 3, 2]);
      if (age >= 65) k += rng.int(3);
      const start = Math.max(FIRST_RECORD, p.birthT);
      const times = Array.from({ length: k }, () => start + rng.next() * (NOW - start)).sort((a, b) => a - b);
      const newborn = p.birthT >= FIRST_RECORD && rng.chance(0.35);
      if (newborn) times[0] = p.birthT;
      if (p.twin === 'B') stats.twins++;
      if (p.suffix === 'Jr') stats.juniors++;
      times.forEach((t, i) => {
        const nb = newborn && i === 0;
        const src = nb ? (rng.chance(0.8) ? INPT : ACQ) : rng.weighted(SHARES);
        if (nb) stats.newborn++;
        if (p.maiden && t < p.marriedAt) stats.maiden++;
        recs.push({ p, row: render(rng, p, t, PROFILES[src], nb) });
      });
    }
  }
  recs.length = n;
  for (let i = recs.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [recs[i], recs[j]] = [recs[j], recs[i]];
  }
  const width = String(n).length;
  const rows: string[][] = [];
  const truth: [string, string][] = [];
  const perPerson = new Map<number, number>();
  const bySource: Record<string, number> = {};
  recs.forEach(({ p, row }, i) => {
    const id = `r${String(i + 1).padStart(width, '0')}`;
    rows.push([id, ...row]);
    truth.push([id, `p${p.pid}`]);
    perPerson.set(p.pid, (perPerson.get(p.pid) ?? 0) + 1);
    bySource[row[0]] = (bySource[row[0]] ?? 0) + 1;
  });
  let pairs = 0;
  let multi = 0;
  for (const c of perPerson.values()) (pairs += (c * (c - 1)) / 2), (multi += c > 1 ? 1 : 0);
  const col = (name: string) => COLUMNS.indexOf(name);
  const count = (f: (r: string[]) => boolean) => rows.filter(f).length;
  return {
    header: COLUMNS,
    rows,
    truth,
    summary: {
      records: n,
      persons: perPerson.size,
      households: pop.households,
      'persons with 2+ records': multi,
      'true pairs': pairs,
      sources: Object.entries(bySource)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
      'newborn "Baby" records': stats.newborn,
      'records under a maiden name': stats.maiden,
      'twin pairs': stats.twins,
      'junior/senior pairs': stats.juniors,
      'DOB 1900-01-01': count((r) => r[col('dob')] === '1900-01-01'),
      'default SSNs': count((r) => /^(999-?99-?9999|000-?00-?0000|123-?45-?6789|111-?11-?1111)$/.test(r[col('ssn')])),
      'records with full SSN': count((r) => r[col('ssn')] !== ''),
      'records with last four only': count((r) => r[col('ssn')] === '' && r[col('ssn_last4')] !== ''),
    },
  };
}

const cell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
export const toCsv = (rows: string[][]) => `${rows.map((r) => r.map(cell).join(',')).join('\n')}\n`;

function main(argv: string[]): void {
  const arg = (name: string, dflt: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] ? argv[i + 1] : dflt;
  };
  const n = Number(arg('n', '50000'));
  const seed = Number(arg('seed', '42'));
  const out = arg('out', '');
  if (!out || !Number.isInteger(n) || n < 1 || !Number.isInteger(seed)) {
    console.error('usage: generate.ts --n 50000 --seed 42 --out DIR');
    process.exit(2);
  }
  const t0 = performance.now();
  const g = generate(n, seed);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'records.csv'), toCsv([g.header, ...g.rows]));
  writeFileSync(join(out, 'truth.csv'), toCsv([['record_id', 'person_id'], ...g.truth]));
  for (const [k, v] of Object.entries(g.summary)) console.log(`${k}: ${v}`);
  console.log(`written to ${out} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
