// A rights group's list comes out of a spreadsheet: Excel in a Russian Windows saves "CSV" as
// Windows-1251 with semicolons; others save tabs. The linkage commands read them as they are.
import { existsSync, mkdtempSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cp1251 } from '../../test/helpers/cp1251.ts';
import { CsvInputError, readCsv } from './linkage.csv.ts';
import { inEnglish, inRussian, saidIn } from './said.test-helper.ts';

const dir = mkdtempSync(join(tmpdir(), 'kintrace-csv-format-'));

const rowsOf = async (name: string, bytes: Buffer | string): Promise<string[][]> => {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const out: string[][] = [];
  await readCsv(
    file,
    (row, header) => {
      if (out.length === 0) out.push(header);
      out.push(row);
    },
    { required: 'record_id' },
  );
  return out;
};

const LIST = [
  'record_id;source;surname;given_name;birth_date',
  '1;обзор;Ёлкин;Пётр;12.03.1990',
  '2;"семья; письмо";Иванов;Сергей;',
].join('\r\n');

const EXPECTED = [
  ['record_id', 'source', 'surname', 'given_name', 'birth_date'],
  ['1', 'обзор', 'Ёлкин', 'Пётр', '12.03.1990'],
  ['2', 'семья; письмо', 'Иванов', 'Сергей', ''],
];

describe('the linkage commands read a spreadsheet’s CSV as it was saved', () => {
  it('reads Windows-1251 with semicolons (Excel in a Russian Windows)', async () => {
    expect(await rowsOf('excel-ru.csv', cp1251(LIST))).toEqual(EXPECTED);
  });
  it('reads UTF-8 with semicolons, and tab-separated text', async () => {
    expect(await rowsOf('semicolons.csv', `\ufeff${LIST}\r\n`)).toEqual(EXPECTED);
    const tabs = 'record_id\tsurname\n1\tЁлкин\n2\tИванов, Сергей\n';
    expect(await rowsOf('tabs.tsv', tabs)).toEqual([
      ['record_id', 'surname'],
      ['1', 'Ёлкин'],
      ['2', 'Иванов, Сергей'],
    ]);
  });
  it('reads a large Windows-1251 file whose first megabyte ends inside a row', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `${i};Колесников-Щербаков;Александр;`);
    const got = await rowsOf('large.csv', cp1251(['record_id;surname;given_name;unit', ...rows].join('\n')));
    expect(got).toHaveLength(40_001);
    expect(got[40_000]).toEqual(['39999', 'Колесников-Щербаков', 'Александр', '']);
  });
  it('stops at the first line in another encoding when the first megabyte was UTF-8', async () => {
    // A list pasted together on two computers: ASCII ids and Latin names, then Windows-1251 rows.
    const header = 'record_id,surname,given_name\n';
    const head = Array.from({ length: 40_000 }, (_, i) => `${i},Kolesnikov,Aleksandr\n`).join('');
    const tail = cp1251('40000,Ёлкин,Пётр\n40001,Иванов,Сергей\n');
    const err = await rowsOf('pasted.csv', Buffer.concat([Buffer.from(header + head), tail])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CsvInputError);
    expect((err as CsvInputError).line).toBe(40_002);
    expect(saidIn('ru', err)).toMatch(
      /строка 40002: .*в другой \(Windows-1251\?\).*сохраните весь файл как «CSV UTF-8»/,
    );
    expect(saidIn('en', err)).toMatch(/line 40002: .*another encoding.*save the whole file as CSV UTF-8/);
    // The same through csv-parse, which takes over at a row the fast reader does not read.
    const quoted = `${header}x,"Ivanov ""Vanya""",Ivan\n${head}`;
    await expect(inRussian(rowsOf('quoted.csv', Buffer.concat([Buffer.from(quoted), tail])))).rejects.toThrow(
      /строка 40003: файл начинается в кодировке UTF-8/,
    );
  });
  it('names the line of a bad row in a semicolon file', async () => {
    const bad = `${LIST}\r\n;обзор;Петров;Иван;\r\n`;
    await expect(inRussian(rowsOf('bad.csv', cp1251(bad)))).rejects.toThrow(
      /bad\.csv, строка 4: пустая ячейка в столбце «record_id»: заполните её или удалите строку/,
    );
    await expect(inEnglish(rowsOf('bad.csv', cp1251(bad)))).rejects.toThrow(/bad\.csv, line 4: empty record_id/);
  });
  it('refuses UTF-16 and spreadsheet files with what to do instead, at line 1', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('record_id\n1\n', 'utf16le')]);
    const err = await rowsOf('unicode.txt', utf16).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CsvInputError);
    expect((err as CsvInputError).line).toBe(1);
    expect(saidIn('ru', err)).toMatch(/строка 1: файл сохранён в кодировке UTF-16 .*сохраните его как «CSV UTF-8»/);
    expect(saidIn('en', err)).toMatch(/line 1: the file is UTF-16.*save it as CSV UTF-8/);
    await expect(inRussian(rowsOf('book.xlsx', Buffer.from('PK\u0003\u0004rest')))).rejects.toThrow(
      /строка 1: это файл таблицы \(например, xlsx\), а не CSV/,
    );
    await expect(inEnglish(rowsOf('book.xlsx', Buffer.from('PK\u0003\u0004rest')))).rejects.toThrow(
      /spreadsheet, not CSV/,
    );
  });

  it.skipIf(!existsSync('/proc/self/fd'))(
    'closes the file after finding the line of a bad row early in a long file',
    async () => {
      // A file left open, paused, was read on later: rewritten meanwhile, its new bytes cut inside a
      // letter failed the decoding as an uncaught error in whatever ran next.
      const rows = Array.from({ length: 200_000 }, (_, i) => `${i},"name ${i}"`);
      rows.splice(10, 0, '10,"a"b"');
      const file = join(dir, 'long-bad-row.csv');
      writeFileSync(file, `record_id,name\n${rows.join('\n')}\n`);
      // The descriptors open on this file: other tests in this process open and close their own
      // meanwhile, so a count of all of them failed now and then beside a busy suite.
      const open = (): number =>
        readdirSync('/proc/self/fd').filter((fd) => {
          try {
            return readlinkSync(`/proc/self/fd/${fd}`) === file;
          } catch {
            return false;
          }
        }).length;
      await expect(readCsv(file, () => {}, { required: 'record_id' })).rejects.toMatchObject({ line: 12 });
      // Closing is asynchronous (libuv's file threads, busy beside a full suite): waited for, up to
      // seconds; a file left open, paused, never closes.
      for (let waited = 0; open() > 0 && waited < 3000; waited += 50)
        await new Promise((settled) => setTimeout(settled, 50));
      expect(open()).toBe(0);
    },
  );
});
