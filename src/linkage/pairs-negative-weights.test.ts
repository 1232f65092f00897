// The pairs file's weights are numbers. Written as strings, every negative weight (the prior on
// every row, any disagreeing field) once went through spreadsheetSafe as text like '-13.475.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { dedupeCommand } from './linkage.cli.ts';

const INPUT = `record_id,source,surname,given_name,patronymic,birth_date,region,unit
a1,mother,Иванов,Александр,Сергеевич,12.03.1995,Бурятия,в/ч 12345
a2,tip,IVANOV,Sasha,Sergeevich,1995-03-12,Republic of Buryatia,12345
a3,list,Иванов,Александр,Сергеевич,03.12.1995,RU-BU,
b1,mother,Иванов,Дмитрий,Сергеевич,01.07.1997,Бурятия,в/ч 12345
d1,list,Дашиев,Баир,Цыренович,1990-05-05,Бурятия,
d2,tip,Dashiev,Bair,Ts.,05.05.1990,,
`;

describe('pairs file', () => {
  it('writes the weights as numbers, negative ones included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kintrace-bughunt-'));
    const input = join(dir, 'people.csv');
    writeFileSync(input, INPUT);
    const pairs = join(dir, 'pairs.csv');
    await dedupeCommand(input, { out: join(dir, 'clusters.csv'), pairs });
    const rows = parse(readFileSync(pairs), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    const weightColumns = Object.keys(rows[0]).filter((c) => c === 'match_weight' || c.endsWith('_weight'));
    const notNumbers = rows.flatMap((r) =>
      weightColumns.filter((c) => !Number.isFinite(Number(r[c]))).map((c) => `${c}=${r[c]}`),
    );
    expect(notNumbers).toEqual([]);
  });
});
