import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { linkCommand } from './linkage.cli.ts';
import { CsvInputError } from './linkage.csv.ts';
import { inEnglish, inRussian } from './said.test-helper.ts';

const dir = mkdtempSync(join(tmpdir(), 'kintrace-linkage-'));
const bench = join(import.meta.dirname, '../../bench/linkage');
const rows = (file: string): Record<string, string>[] => parse(readFileSync(file), { columns: true });

describe('kintrace link', () => {
  it('deduplicates FEBRL dataset 1 with the shipped config (known answer: 500 pairs)', async () => {
    const out = join(dir, 'links.csv');
    const clusters = join(dir, 'clusters.csv');
    await linkCommand([join(bench, 'data/dataset1.csv')], { config: join(bench, 'febrl.json'), out, clusters });
    const linked = rows(out).filter((r) => r.status === 'linked');
    const correct = linked.filter((r) => r.left_id.split('-')[1] === r.right_id.split('-')[1]);
    expect(correct.length).toBeGreaterThanOrEqual(495);
    expect(linked.length - correct.length).toBeLessThanOrEqual(2);
    expect(Object.keys(linked[0])).toEqual(
      expect.arrayContaining(['probability', 'surname_weight', 'date_of_birth_level']),
    );
    expect(rows(clusters)).toHaveLength(1000);
  });

  it('fails on a malformed file with its line number', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'id,name\n1,anna\n2,boris\n3,"unterminated,x\n');
    const config = join(dir, 'c.json');
    writeFileSync(
      config,
      JSON.stringify({
        id: 'id',
        comparisons: [{ type: 'name', field: 'name' }],
        blocking: [['name']],
        training: { deterministic: [['name']], sessions: [['name']] },
      }),
    );
    const link = () => linkCommand([bad], { config, out: join(dir, 'o.csv') });
    await expect(inRussian(link())).rejects.toThrow(/bad\.csv, строка 4: в этой строке кавычка открывает ячейку/);
    writeFileSync(bad, 'id,name\n1,anna\n2,boris,extra\n');
    await expect(link()).rejects.toBeInstanceOf(CsvInputError);
    await expect(inRussian(link())).rejects.toThrow(/строка 3: 3 ячейки, а в заголовке 2$/);
    writeFileSync(bad, 'id,name\n1,anna\n,boris\n');
    await expect(inRussian(link())).rejects.toThrow(/строка 3: пустая ячейка в столбце «id»/);
    await expect(inEnglish(link())).rejects.toThrow(/line 3: empty id/);
  });

  it('rejects an invalid config with the offending path', async () => {
    const config = join(dir, 'bad.json');
    writeFileSync(config, JSON.stringify({ comparisons: [], blocking: [] }));
    await expect(linkCommand([join(bench, 'data/dataset1.csv')], { config, out: join(dir, 'o.csv') })).rejects.toThrow(
      /bad\.json: invalid linkage config: comparisons/,
    );
    // Names the engine looks up (a comparison type, a blocking transform): the config's file too.
    writeFileSync(
      config,
      JSON.stringify({ comparisons: [{ type: 'nmae', field: 'surname' }], blocking: [['surname']] }),
    );
    await expect(linkCommand([join(bench, 'data/dataset1.csv')], { config, out: join(dir, 'o.csv') })).rejects.toThrow(
      /bad\.json: unknown comparison type "nmae"/,
    );
    writeFileSync(
      config,
      JSON.stringify({ comparisons: [{ type: 'name', field: 'surname' }], blocking: [['surname|firstN']] }),
    );
    await expect(linkCommand([join(bench, 'data/dataset1.csv')], { config, out: join(dir, 'o.csv') })).rejects.toThrow(
      /bad\.json: unknown blocking transform "firstN" .*N a number, as first3/,
    );
  });

  it('refuses a file none of whose columns the config compares, naming the fields', async () => {
    const config = join(dir, 'other.json');
    writeFileSync(
      config,
      JSON.stringify({ id: 'id', comparisons: [{ type: 'name', field: 'surname' }], blocking: [['surname']] }),
    );
    const file = join(dir, 'names.csv');
    // A row of the wrong length further on: the header already said what is wrong.
    writeFileSync(file, 'id,фамилия\n1,Иванов\n2,Иванов\n3,Иванов,лишнее\n');
    await expect(inRussian(linkCommand([file], { config, out: join(dir, 'o.csv') }))).rejects.toThrow(
      /names\.csv: ни одно из сравниваемых полей \(surname\) не является столбцом этого файла/,
    );
    await expect(inEnglish(linkCommand([file], { config, out: join(dir, 'o.csv') }))).rejects.toThrow(
      /names\.csv: none of the compared fields \(surname\) is a column/,
    );
  });
});
