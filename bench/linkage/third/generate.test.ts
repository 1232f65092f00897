import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate, PEOPLE_HEADER, TRUTH_HEADER } from './generate.ts';

/** Minimal RFC 4180 reader (quoted fields, doubled quotes, LF or CRLF). */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let f = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') {
        f += '"';
        i++;
      } else if (c === '"') q = false;
      else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(f);
      f = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(f);
      rows.push(row);
      row = [];
      f = '';
    } else f += c;
  }
  if (f !== '' || row.length) {
    row.push(f);
    rows.push(row);
  }
  return rows;
};

const dirs: string[] = [];
const run = (n: number, seed: number) => {
  const out = mkdtempSync(join(tmpdir(), 'third-'));
  dirs.push(out);
  const stats = generate({ n, seed, out });
  return {
    stats,
    people: readFileSync(join(out, 'people.csv'), 'utf8'),
    truth: readFileSync(join(out, 'truth.csv'), 'utf8'),
  };
};

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('third linkage test-data generator', () => {
  const N = 4000;
  const a = run(N, 11);

  it('is deterministic for a seed and differs between seeds', () => {
    const b = run(N, 11);
    expect(b.people).toBe(a.people);
    expect(b.truth).toBe(a.truth);
    const c = run(N, 12);
    expect(c.people).not.toBe(a.people);
  });

  it('writes the headers, n rows and the right number of columns', () => {
    const people = parseCsv(a.people);
    const truth = parseCsv(a.truth);
    expect(people[0].join(',')).toBe(PEOPLE_HEADER);
    expect(truth[0].join(',')).toBe(TRUTH_HEADER);
    expect(people.length - 1).toBe(N);
    expect(truth.length - 1).toBe(N);
    for (const r of people) expect(r.length).toBe(8);
    for (const r of truth) expect(r.length).toBe(2);
    // Some fields need quoting (a comma in "Бурятия, г. Кяхта", quotes in ЧВК "Вагнер").
    expect(a.people).toMatch(/"[^"\n]*,[^"\n]*"/);
  });

  it('has unique record ids, each one in the truth exactly once', () => {
    const ids = parseCsv(a.people)
      .slice(1)
      .map((r) => r[0]);
    expect(new Set(ids).size).toBe(N);
    const truthIds = parseCsv(a.truth)
      .slice(1)
      .map((r) => r[0]);
    expect(new Set(truthIds)).toEqual(new Set(ids));
  });

  it('has persons with several records, in realistic proportion', () => {
    const count = new Map<string, number>();
    for (const [, pid] of parseCsv(a.truth).slice(1)) count.set(pid, (count.get(pid) ?? 0) + 1);
    const several = [...count.values()].filter((c) => c > 1).length;
    expect(several).toBeGreaterThan(0);
    const share = several / count.size;
    expect(share).toBeGreaterThan(0.28);
    expect(share).toBeLessThan(0.45);
    expect(Math.max(...count.values())).toBeGreaterThanOrEqual(5);
  });

  it('is shuffled: no two records of one person are adjacent', () => {
    const pids = parseCsv(a.truth)
      .slice(1)
      .map((r) => r[1]);
    for (let i = 1; i < pids.length; i++) expect(pids[i]).not.toBe(pids[i - 1]);
  });

  it('uses all sources and writes Latin, Cyrillic, missing and partial values', () => {
    const rows = parseCsv(a.people).slice(1);
    const sources = new Set(rows.map((r) => r[1]));
    expect(sources.size).toBe(6);
    expect(rows.some((r) => /^[A-Za-z' -]+$/.test(r[2]) && r[2].length > 2)).toBe(true);
    expect(rows.some((r) => r[4] === '')).toBe(true);
    expect(rows.some((r) => /^\d{4}( г\.р\.)?$/.test(r[5]))).toBe(true);
    expect(rows.some((r) => /^\d{2}\.\d{2}\.\d{4}$/.test(r[5]))).toBe(true);
  });
});
