// `link A.csv B.csv --clusters C.csv`: ids need only be unique within each file. The clusters file
// once wrote record_id,cluster_id alone, so A's record 1 and B's record 1, two strangers, read
// as one cluster ("1,1" twice), and evaluate refused the file for a duplicate id.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { linkCommand } from './linkage.cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'kintrace-link-clusters-'));

describe('link --clusters when the two files number their records alike', () => {
  it('names each record and each cluster with its file', async () => {
    const header = 'id,surname,given_name,birth_date\n';
    const fileA = join(dir, 'a.csv');
    const fileB = join(dir, 'b.csv');
    writeFileSync(fileA, `${header}1,Kowalski,Jan,1990-03-12\n2,Nowak,Anna,1985-01-01\n`);
    writeFileSync(fileB, `${header}1,Schmidt,Hans,1970-07-07\n2,Nowak,Anna,1985-01-01\n`);
    const config = join(dir, 'config.json');
    writeFileSync(
      config,
      JSON.stringify({
        id: 'id',
        comparisons: [
          { type: 'name', field: 'surname' },
          { type: 'name', field: 'given_name' },
          { type: 'date', field: 'birth_date' },
        ],
        blocking: [['surname']],
      }),
    );
    const clusters = join(dir, 'clusters.csv');
    await linkCommand([fileA, fileB], { config, out: join(dir, 'links.csv'), clusters });
    const rows = parse(readFileSync(clusters), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => `${r.file}/${r.record_id}`)).toEqual(['1/1', '1/2', '2/1', '2/2']);
    const clusterOf = (file: string, id: string): string | undefined =>
      rows.find((r) => r.file === file && r.record_id === id)?.cluster_id;
    // Kowalski (A 1) and Schmidt (B 1) are two clusters; Nowak is one across the files.
    expect(clusterOf('1', '1')).not.toBe(clusterOf('2', '1'));
    expect(clusterOf('1', '2')).toBe(clusterOf('2', '2'));
    expect(new Set(rows.map((r) => r.cluster_id)).size).toBe(3);
  });
});
