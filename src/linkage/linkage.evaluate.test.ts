import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clusterScores } from './engine/metrics.ts';
import { evaluateCommand, evaluateFiles } from './linkage.evaluate.ts';
import { buildCli } from '../cli.ts';
import { translator } from '../web/i18n/i18n.ts';
import { sayingIn } from './said.test-helper.ts';
import type { Lang } from '../shared/lang.ts';

const dir = mkdtempSync(join(tmpdir(), 'kintrace-evaluate-'));
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('cluster scores', () => {
  it('computes pairwise and B-cubed figures by hand-checked example', () => {
    // Truth: {1,2,3} {4,5}; clusters: {1,2} {3,4,5}.
    const s = clusterScores(['a', 'a', 'b', 'b', 'b'], ['x', 'x', 'x', 'y', 'y']);
    expect(s.truePairs).toBe(4);
    expect(s.predictedPairs).toBe(4);
    expect(s.truePositives).toBe(2);
    expect(s.precision).toBe(0.5);
    expect(s.recall).toBe(0.5);
    // B-cubed precision: 1,1 (cluster {1,2}) + 1/3, 2/3, 2/3 → 11/3 / 5.
    expect(s.bcubedPrecision).toBeCloseTo(11 / 15, 10);
    // B-cubed recall: 2/3, 2/3, 1/3 (truth {1,2,3}) + 1, 1 → 11/3 / 5.
    expect(s.bcubedRecall).toBeCloseTo(11 / 15, 10);
  });

  it('is perfect on identical partitions and counts singletons in B-cubed', () => {
    const s = clusterScores([1, 2, 3], ['a', 'b', 'c']);
    expect(s).toMatchObject({ precision: 1, recall: 1, bcubedPrecision: 1, bcubedRecall: 1, bcubedF1: 1 });
    const merged = clusterScores([1, 1, 1], ['a', 'b', 'c']);
    expect(merged.precision).toBe(0);
    expect(merged.bcubedPrecision).toBeCloseTo(1 / 3, 10);
    expect(merged.bcubedRecall).toBe(1);
  });
});

describe('kintrace evaluate', () => {
  it('scores the labelled records of a clusters file (person_id or cluster_id truth)', async () => {
    const truth = file('truth.csv', 'record_id,person_id\nr1,p1\nr2,p1\nr3,p2\n');
    const clusters = file('clusters.csv', 'record_id,cluster_id\nr1,r1\nr2,r1\nr3,r3\nr4,r3\n');
    const e = await evaluateFiles(truth, clusters);
    expect(e).toMatchObject({ records: 3, unlabelled: 1, precision: 1, recall: 1, bcubedF1: 1 });
    const text = await evaluateCommand(
      file('t2.csv', 'record_id,cluster_id\nr1,a\nr2,b\nr3,b\n'),
      clusters,
      translator('en'),
    );
    expect(text).toMatch(/pairwise {3}precision 0\.0000 {2}recall 0\.0000/);
    expect(text).toMatch(/B-cubed/);
  });

  it('reads the columns in any letter case, as the commands read their input', async () => {
    const truth = file('upper.csv', 'Record_ID,Person_ID\nr1,p1\nr2,p1\n');
    const clusters = file('upper-c.csv', 'RECORD_ID,Cluster_Id\nr1,r1\nr2,r1\n');
    expect(await evaluateFiles(truth, clusters)).toMatchObject({ records: 2, precision: 1, recall: 1 });
  });

  it('fails with the file and line of a malformed row', async () => {
    const clusters = file('c.csv', 'record_id,cluster_id\nr1,r1\nr2,r1\n');
    const evaluate = (lang: Lang, truth: string) => sayingIn(lang)(evaluateFiles(truth, clusters));
    const dup = file('dup.csv', 'record_id,person_id\nr1,p\nr1,q\n');
    await expect(evaluate('ru', dup)).rejects.toThrow(
      /dup\.csv, строка 3: значение «r1» в столбце «record_id» уже встречалось выше/,
    );
    await expect(evaluate('en', dup)).rejects.toThrow(/dup\.csv, line 3: duplicate record_id "r1"/);
    const empty = file('empty.csv', 'record_id,person_id\nr1,p\nr2,\n');
    await expect(evaluate('ru', empty)).rejects.toThrow(/empty\.csv, строка 3: пустая ячейка в столбце «person_id»/);
    await expect(evaluate('en', empty)).rejects.toThrow(/empty\.csv, line 3: empty person_id/);
    const cols = file('cols.csv', 'record_id,person_id\nr1,p\nr2,p,x\n');
    await expect(evaluate('ru', cols)).rejects.toThrow(/cols\.csv, строка 3: 3 ячейки, а в заголовке 2/);
    await expect(evaluate('en', cols)).rejects.toThrow(/cols\.csv, line 3: 3 columns where the header has 2/);
    const hdr = file('hdr.csv', 'record_id,who\nr1,p\n');
    await expect(evaluate('ru', hdr)).rejects.toThrow(
      /hdr\.csv, строка 1: в заголовке нужен столбец person_id или cluster_id \(есть: record_id, who\)/,
    );
    await expect(evaluate('en', hdr)).rejects.toThrow(
      /hdr\.csv, line 1: the header needs a person_id or cluster_id column/,
    );
    const noid = file('noid.csv', 'id,person_id\nr1,p\n');
    await expect(evaluate('ru', noid)).rejects.toThrow(/noid\.csv, строка 1: в заголовке нет столбца «record_id»/);
    await expect(evaluate('en', noid)).rejects.toThrow(/noid\.csv, line 1: the header has no "record_id" column/);
    const miss = file('miss.csv', 'record_id,person_id\nr9,p\n');
    await expect(evaluate('ru', miss)).rejects.toThrow(/c\.csv: нет записи «r9» из .*miss\.csv \(/);
    await expect(evaluate('en', miss)).rejects.toThrow(/record "r9" of .*miss\.csv is not in it/);
    const noClusterId = file('noc.csv', 'record_id,cluster\nr1,r1\n');
    await expect(
      sayingIn('ru')(evaluateFiles(file('good.csv', 'record_id,person_id\nr1,p\n'), noClusterId)),
    ).rejects.toThrow(/noc\.csv, строка 1: в заголовке нет столбца «cluster_id» \(есть: record_id, cluster\)/);
  });

  it('is a kintrace subcommand', () => {
    expect(buildCli().commands.map((c) => c.name())).toContain('evaluate');
  });
});
