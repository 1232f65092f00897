import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, HEADER, type Stats } from './generate.ts';
import { KINDS } from './lists.ts';
import type { Man } from './men.ts';
import { NOISES, RATES } from './noise-table.ts';

interface Run {
  rows: string[][];
  truth: string[];
  stats: Stats;
  men: Man[];
}

function run(n: number, seed: number): Run {
  const rows: string[][] = [];
  const truth: string[] = [];
  const { stats, men } = generate(n, seed, (row, pid) => {
    rows.push(row);
    truth.push(pid);
  });
  return { rows, truth, stats, men };
}

describe('eighth generator', () => {
  let big: Run;
  beforeAll(() => {
    big = run(20_000, 42);
  });

  it('is deterministic in (n, seed) and changes with the seed', () => {
    const a = run(3000, 7);
    const b = run(3000, 7);
    const c = run(3000, 8);
    expect(b.rows).toEqual(a.rows);
    expect(b.truth).toEqual(a.truth);
    expect(c.rows).not.toEqual(a.rows);
  });

  it('writes exactly n rows with the header, valid CSV, and truth for every record', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eighth-'));
    try {
      const script = fileURLToPath(new URL('./generate.ts', import.meta.url));
      execFileSync('npx', ['tsx', script, '--n', '1500', '--seed', '3', '--out', dir], { stdio: 'pipe' });
      const people = readFileSync(join(dir, 'people.csv'), 'utf8');
      // UTF-8 without BOM, LF line ends (CR/LF only ever appear inside quoted cells).
      expect(people.startsWith('record_id,source,surname,given_name,patronymic,birth_date,region,unit\n')).toBe(true);
      const recs = parse(people, { relax_column_count: false }) as string[][];
      expect(recs[0].join(',')).toBe(HEADER);
      expect(recs.length - 1).toBe(1500);
      const truth = parse(readFileSync(join(dir, 'truth.csv'), 'utf8')) as string[][];
      expect(truth[0]).toEqual(['record_id', 'person_id']);
      const ids = new Map(truth.slice(1).map(([r, p]) => [r, p]));
      expect(ids.size).toBe(1500);
      recs.slice(1).forEach((r, i) => {
        expect(r).toHaveLength(8);
        expect(r[0]).toBe(`R${i + 1}`);
        expect(r[1]).toMatch(/^[a-z_]+:\d{4,}$/);
        expect(ids.get(r[0])).toMatch(/^P\d+$/);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has men with one record, men with several, and a few with dozens', () => {
    const perMan = new Map<string, number>();
    for (const p of big.truth) perMan.set(p, (perMan.get(p) ?? 0) + 1);
    const counts = [...perMan.values()];
    expect(counts.filter((c) => c === 1).length / counts.length).toBeGreaterThan(0.4);
    expect(counts.filter((c) => c >= 2).length).toBeGreaterThan(1000);
    expect(counts.filter((c) => c >= 20).length).toBeGreaterThan(5);
    expect(big.rows).toHaveLength(20_000);
  });

  it('gives every noise kind at its stated rate per kind of list, and every kind changes something', () => {
    for (const [ki, kind] of KINDS.entries()) {
      const n = big.stats.kindRecords[kind];
      for (const [j, noise] of NOISES.entries()) {
        const rate = RATES[ki][j];
        if (rate === 0 || n < 200) continue;
        const observed = big.stats.drawn[kind][noise] / n;
        const tolerance = 4.5 * Math.sqrt((rate * (1 - rate)) / n) + 0.003;
        expect(Math.abs(observed - rate), `${kind} ${noise}: ${observed} vs ${rate}`).toBeLessThan(tolerance);
      }
    }
    for (const noise of NOISES) expect(big.stats.changed[noise], noise).toBeGreaterThan(0);
  });

  it('contains hard look-alikes: twins, father and son, cousins, namesakes', () => {
    const byId = big.men;
    const rel = (r: string) => byId.filter((m) => m.relation === r);
    const twins = rel('twin').filter((t) => {
      const o = byId[t.relativeOf];
      return o.surname === t.surname && o.by === t.by && o.bm === t.bm && o.bd === t.bd && o.given !== t.given;
    });
    expect(twins.length).toBeGreaterThan(5);
    const sameNameFatherSon = [...rel('son'), ...rel('father')].filter(
      (x) => byId[x.relativeOf].surname === x.surname && byId[x.relativeOf].given === x.given,
    );
    expect(sameNameFatherSon.length).toBeGreaterThan(0);
    expect(rel('cousin').filter((c) => byId[c.relativeOf].given === c.given).length).toBeGreaterThan(3);
    // Different men with identical full name and birth year.
    const seen = new Map<string, number>();
    let clash = 0;
    for (const m of byId) {
      const key = `${m.surname}|${m.given}|${m.patronymic}|${m.by}`;
      if (seen.has(key) && seen.get(key) !== m.id) clash++;
      seen.set(key, m.id);
    }
    expect(clash).toBeGreaterThan(20);
    // And in the output: identical written name cells that belong to different men.
    const owners = new Map<string, Set<string>>();
    big.rows.forEach((r, i) => {
      if (!r[2] || !r[3] || !r[4]) return;
      const key = `${r[2]}|${r[3]}|${r[4]}`;
      owners.set(key, (owners.get(key) ?? new Set()).add(big.truth[i]));
    });
    expect([...owners.values()].filter((s) => s.size > 1).length).toBeGreaterThan(20);
  });

  it('has lists of very different sizes, mostly regional', () => {
    const sizes = new Map<string, number>();
    for (const r of big.rows) sizes.set(r[1], (sizes.get(r[1]) ?? 0) + 1);
    const v = [...sizes.values()].sort((a, b) => a - b);
    expect(v[v.length - 1] / v[Math.floor(v.length / 2)]).toBeGreaterThan(50);
  });

  afterAll(() => {
    big = undefined as unknown as Run;
  });
});
