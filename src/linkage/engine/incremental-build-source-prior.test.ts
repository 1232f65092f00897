// An index built without saved params scores as the batch run over the same records: it learns
// the batch run's prior per pair of source lists (engine.withSourcePrior after the first scoring),
// which build() once left out.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { generate } from '../../../bench/linkage/independent/generate.ts';
import { LinkageEngine } from './engine.ts';
import { LinkageIndex } from './incremental.ts';
import { personConfig } from './person-config.ts';

describe('an index built without saved params', () => {
  it('scores pairs as the batch run over the same records does', async () => {
    // The independent generator's list of 3,000 records (obituaries, exchange lists, tips…).
    const dir = mkdtempSync(join(tmpdir(), 'kintrace-bughunt-'));
    await generate({ n: 3000, seed: 42, out: dir, namesakes: false });
    const rows = (parse(readFileSync(join(dir, 'people.csv')), { columns: true }) as Record<string, string>[]).map(
      (r) => ({ id: r.record_id, record: r }),
    );
    const batch = new LinkageEngine(personConfig());
    for (const r of rows) batch.add(r.id, r.record);
    batch.train();
    const { edges } = batch.predict();
    expect(batch.params!.sourcePrior).toBeDefined();

    const index = LinkageIndex.build(personConfig(), rows);
    expect(index.engine.params!.lambda).toBe(batch.params!.lambda); // the same training
    const differ: string[] = [];
    let largest = 0;
    for (let e = 0; e < edges.length; e++) {
      const [a, b] = [edges.a[e], edges.b[e]];
      const wb = batch.requireScorer().score(a, b);
      const wi = index.engine.requireScorer().score(a, b);
      largest = Math.max(largest, Math.abs(wb - wi));
      if (Math.abs(wb - wi) > 1e-9)
        differ.push(`${rows[a].id}–${rows[b].id}: batch ${wb.toFixed(3)}, index ${wi.toFixed(3)}`);
    }
    expect({
      largestDifferenceInBits: largest,
      pairs: differ.length,
      of: edges.length,
      first: differ.slice(0, 5),
    }).toEqual({
      largestDifferenceInBits: 0,
      pairs: 0,
      of: edges.length,
      first: [],
    });
  });
});
