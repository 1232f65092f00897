import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, toCsv } from './generate.ts';

describe('patients generator', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = generate(3000, 11);
    const b = generate(3000, 11);
    const c = generate(3000, 12);
    expect(toCsv(a.rows)).toBe(toCsv(b.rows));
    expect(toCsv(a.truth)).toBe(toCsv(b.truth));
    expect(toCsv(a.rows)).not.toBe(toCsv(c.rows));
  });

  it('writes exactly n records, record_id first, each with one person in truth', () => {
    const g = generate(2500, 3);
    expect(g.header[0]).toBe('record_id');
    expect(g.rows).toHaveLength(2500);
    for (const r of g.rows) expect(r).toHaveLength(g.header.length);
    const ids = new Set(g.rows.map((r) => r[0]));
    expect(ids.size).toBe(2500);
    const truthIds = new Set(g.truth.map(([id]) => id));
    expect(truthIds).toEqual(ids);
    expect(new Set(g.truth.map(([, p]) => p)).size).toBeLessThan(2500); // there are duplicates to find
  });

  it('runs from the command line and writes both files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'patients-'));
    try {
      const out = execFileSync('npx', [
        'tsx',
        'bench/linkage/patients/generate.ts',
        '--n',
        '1000',
        '--seed',
        '5',
        '--out',
        dir,
      ]);
      expect(out.toString()).toMatch(/records: 1000/);
      const records = readFileSync(join(dir, 'records.csv'), 'utf8').trim().split('\n');
      const truth = readFileSync(join(dir, 'truth.csv'), 'utf8').trim().split('\n');
      expect(records[0].startsWith('record_id,')).toBe(true);
      expect(truth[0]).toBe('record_id,person_id');
      expect(records).toHaveLength(1001);
      expect(truth).toHaveLength(1001);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
