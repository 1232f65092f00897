// `link A.csv B.csv --decisions D.csv`: ids need only be unique within each file, and the pairs
// file names left (file A) and right (file B) ids. Both ids were once looked up in one map over
// both files, so with files numbered alike a "different" named two records of file B.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { linkCommand } from './linkage.cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'kintrace-bughunt-'));
const data = join(import.meta.dirname, '../../bench/linkage/data');
const rows = (file: string): Record<string, string>[] =>
  parse(readFileSync(file), { columns: true, trim: true }) as Record<string, string>[];

describe('link with --decisions when the two files number their records alike', () => {
  it('keeps a pair decided "different" apart', async () => {
    const a = rows(join(data, 'dataset4a.csv')).slice(0, 300);
    const dups = new Map(rows(join(data, 'dataset4b.csv')).map((r) => [r.rec_id.replace(/-dup-\d+$/, ''), r]));
    const pairs = a
      .map((r) => [r, dups.get(r.rec_id.replace(/-org$/, ''))] as const)
      .filter((p): p is readonly [Record<string, string>, Record<string, string>] => p[1] !== undefined);
    const header = Object.keys(a[0]);
    const csv = (recs: Record<string, string>[]): string =>
      `${header.join(',')}\n${recs.map((r, i) => header.map((h) => (h === 'rec_id' ? String(i + 1) : r[h])).join(',')).join('\n')}\n`;
    // Row i of A and row i of B are one person; both files number their rows 1, 2, 3…
    const fileA = join(dir, 'a.csv');
    const fileB = join(dir, 'b.csv');
    writeFileSync(fileA, csv(pairs.map((p) => p[0])));
    writeFileSync(fileB, csv(pairs.map((p) => p[1])));
    const config = join(import.meta.dirname, '../../bench/linkage/febrl.json');

    const out = join(dir, 'links.csv');
    await linkCommand([fileA, fileB], { config, out });
    const linked = parse(readFileSync(out), { columns: true }) as Record<string, string>[];
    const target = linked.find((r) => r.status === 'linked' && r.left_id === r.right_id);
    expect(target).toBeDefined(); // e.g. A's record 1 and B's record 1 are linked
    const id = target!.left_id;

    // A caseworker says: A's record `id` and B's record `id` are two different people.
    const decisions = join(dir, 'decisions.csv');
    writeFileSync(decisions, `left_id,right_id,decision\n${id},${id},different\n`);
    const out2 = join(dir, 'links2.csv');
    await linkCommand([fileA, fileB], { config, out: out2, decisions });
    const after = parse(readFileSync(out2), { columns: true }) as Record<string, string>[];
    expect(after.filter((r) => r.status === 'linked' && r.left_id === id && r.right_id === id)).toEqual([]);
  });
});
