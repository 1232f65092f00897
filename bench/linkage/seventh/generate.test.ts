import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPECTED_RATES } from './expected.ts';
import { generate, HEADER, type Result } from './generate.ts';
import { REGIONS } from './regions.ts';

const N = 60_000;
const SEED = 42;
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'seventh-'));
  dirs.push(d);
  return d;
};
const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');

let res: Result;
let dir: string;
let people: string[][];
let truth: Map<string, string>;

beforeAll(() => {
  dir = tmp();
  res = generate(N, SEED, dir);
  people = parse(read(dir, 'people.csv'), { relax_column_count: false }) as string[][];
  truth = new Map((parse(read(dir, 'truth.csv'), { from_line: 2 }) as string[][]).map((r) => [r[0], r[1]]));
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('seventh generator: format', () => {
  it('writes the exact header, LF line ends and exactly --n rows in R1..Rn order', () => {
    const text = read(dir, 'people.csv');
    expect(text.split('\n', 1)[0]).toBe(HEADER);
    expect(text.includes('\r')).toBe(false);
    expect(people.length).toBe(N + 1);
    for (let i = 1; i <= N; i++) {
      expect(people[i].length).toBe(8);
      if (people[i][0] !== `R${i}`) expect.fail(`row ${i} has id ${people[i][0]}`);
    }
  });

  it('gives every record a person and only those records', () => {
    expect(truth.size).toBe(N);
    for (let i = 1; i <= N; i++) if (!truth.has(`R${i}`)) expect.fail(`R${i} has no truth`);
  });

  it('names sources kind:NNNN, and a list holds a man twice only as a clerical duplicate', () => {
    const seen = new Map<string, number>();
    for (const row of people.slice(1)) {
      expect(row[1]).toMatch(/^(family|volunteer|obituary|memorial|mod|tip|captive|exchange|court):\d{4,}$/);
      const k = `${row[1]}|${truth.get(row[0])}`;
      seen.set(k, (seen.get(k) ?? 0) + 1);
    }
    const twice = [...seen].filter(([, c]) => c > 1);
    expect(twice.every(([k, c]) => k.startsWith('volunteer:') && c === 2)).toBe(true);
    expect(twice.length).toBe(res.noise.clerical_duplicate);
  });
});

describe('seventh generator: determinism', () => {
  it('is byte-identical for the same --n and --seed, and differs for another seed', () => {
    const [a, b, c] = [tmp(), tmp(), tmp()];
    generate(3000, 7, a);
    generate(3000, 7, b);
    generate(3000, 8, c);
    for (const f of ['people.csv', 'truth.csv']) expect(read(a, f)).toBe(read(b, f));
    expect(read(a, 'people.csv')).not.toBe(read(c, 'people.csv'));
  });

  it('runs from the command line with the same output as the function', () => {
    const [a, b] = [tmp(), tmp()];
    const script = join(import.meta.dirname, 'generate.ts');
    const out = execFileSync('npx', ['tsx', script, '--n', '800', '--seed', '3', '--out', a], { encoding: 'utf8' });
    expect(out).toContain('noise kinds');
    expect(out).toContain('men by number of records');
    generate(800, 3, b);
    expect(read(a, 'people.csv')).toBe(read(b, 'people.csv'));
    expect(read(a, 'truth.csv')).toBe(read(b, 'truth.csv'));
  });
});

describe('seventh generator: model', () => {
  it('has men with several records, most with one, and a long tail', () => {
    const per = new Map<string, number>();
    for (const p of truth.values()) per.set(p, (per.get(p) ?? 0) + 1);
    const counts = [...per.values()];
    const one = counts.filter((c) => c === 1).length;
    expect(per.size).toBe(res.men.length);
    expect(one / per.size).toBeGreaterThan(0.5);
    expect(counts.filter((c) => c >= 2).length / per.size).toBeGreaterThan(0.2);
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(15);
  });

  it('applies every noise kind at roughly the stated rate', () => {
    for (const [kind, rate] of Object.entries(EXPECTED_RATES)) {
      const got = (res.noise[kind] ?? 0) / N;
      // list habits are drawn per list, so the big lists move the rarer rates; allow for it
      const factor = rate >= 0.01 ? 2.5 : 3.5;
      if (got < rate / factor || got > rate * factor) expect.fail(`${kind}: ${got.toFixed(4)} vs stated ${rate}`);
    }
    for (const kind of Object.keys(res.noise)) expect(EXPECTED_RATES).toHaveProperty(kind);
  });

  it('contains look-alike different men: brothers, twins, father and son, namesakes', () => {
    const men = res.men;
    const fam = new Map<number, typeof men>();
    for (const m of men) fam.set(m.family, [...(fam.get(m.family) ?? []), m]);
    const groups = [...fam.values()].filter((g) => g.length > 1);
    const twins = groups.filter((g) => g[0].look === 'twins' && g[0].by === g[1].by && g[0].bm === g[1].bm);
    const sameGiven = groups.filter((g) => g[0].look === 'fatherSon' && g[0].given === g[1].given);
    const brothers = groups.filter((g) => g[0].look === 'brothers' && g.every((m) => m.patronymic === g[0].patronymic));
    expect(twins.length).toBeGreaterThan(20);
    expect(sameGiven.length).toBeGreaterThan(10);
    expect(brothers.length).toBeGreaterThan(100);
    // namesakes arise from the small regional pools too, not only from the forced ones
    const key = new Map<string, number>();
    for (const m of men)
      key.set(`${m.surname}|${m.given}|${m.region}`, (key.get(`${m.surname}|${m.given}|${m.region}`) ?? 0) + 1);
    const shared = [...key.values()].filter((c) => c > 1).length;
    expect(shared).toBeGreaterThan(res.looks.namesake / 2 + 200);
    // and the rows show it: different men with the very same written full name
    const byName = new Map<string, Set<string>>();
    for (const r of people.slice(1)) {
      if (!r[4]) continue;
      const k = `${r[2]}|${r[3]}|${r[4]}`;
      if (!byName.has(k)) byName.set(k, new Set());
      byName.get(k)!.add(truth.get(r[0])!);
    }
    expect([...byName.values()].filter((s) => s.size > 1).length).toBeGreaterThan(100);
  });

  it('draws many more men per head from Tuva and Buryatia than from Moscow, and writes them in several scripts', () => {
    const count = (iso: string) => res.men.filter((m) => REGIONS[m.region].iso === iso).length;
    // 2021 census: Tuva 336,651, Buryatia 978,588, Moscow 13,010,112
    const moscow = count('RU-MOW') / 13_010_112;
    expect(count('RU-TY') / 336_651 / moscow).toBeGreaterThan(8);
    expect(count('RU-BU') / 978_588 / moscow).toBeGreaterThan(6);
    expect(res.men.filter((m) => m.group === 'tuvan').length).toBeGreaterThan(100);
    const text = read(dir, 'people.csv');
    expect(text).toMatch(/[ієї]/); // Ukrainian Cyrillic
    expect(text).toMatch(/,(Oleksandr|Serhii|Andrii|Dmytro),/); // Ukrainian-style Latin
    expect(text).toMatch(
      /\d{1,2} (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря) \d{4}/,
    );
    expect(text).toMatch(/,ДНР,|Донецкая Народная Республика/);
  });
});
