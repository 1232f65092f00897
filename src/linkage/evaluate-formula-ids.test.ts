// dedupe → evaluate round trip. CsvWriter writes an id starting with - + = or @ as '-17 (so a
// spreadsheet shows it as text); evaluate and --decisions read the apostrophe off again, where they
// once took it for part of the id and stopped with "record … is not in it".
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dedupeCommand } from './linkage.cli.ts';
import { evaluateFiles } from './linkage.evaluate.ts';

describe('dedupe → evaluate round trip', () => {
  it('reads back the ids dedupe wrote, whatever they start with', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kintrace-bughunt-'));
    const input = join(dir, 'people.csv');
    writeFileSync(
      input,
      `record_id,source,surname,given_name,patronymic,birth_date,region,unit
-1,mother,Иванов,Александр,Сергеевич,12.03.1995,Бурятия,в/ч 12345
+79001234567,tip,Иванов,Александр,Сергеевич,12.03.1995,Бурятия,в/ч 12345
@tips-3,list,Дашиев,Баир,Цыренович,1990-05-05,Бурятия,
`,
    );
    const truth = join(dir, 'truth.csv');
    writeFileSync(truth, 'record_id,person_id\n-1,P1\n+79001234567,P1\n@tips-3,P2\n');
    const clusters = join(dir, 'clusters.csv');
    await dedupeCommand(input, { out: clusters });
    const scores = await evaluateFiles(truth, clusters);
    expect(scores.records).toBe(3);
  });
});
