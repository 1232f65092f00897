// What a user with a spreadsheet sees when something is wrong: the file and the line where the
// problem starts, in words, before a long run rather than after it, and no output half-written.
// Found by a bug hunt: a quote left open was reported at the file's last line; a short file pasted
// from two encodings was refused at line 1; a missing input or folder came as ENOENT, the latter
// after the whole run with the first output already written; `--out` could overwrite the input;
// a header-only truth file scored 1.0; a cell of 100,000 characters made the run hang.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dedupeCommand, linkCommand, writeAll } from './linkage.cli.ts';
import { evaluateFiles } from './linkage.evaluate.ts';
import { readPart, splitPoint } from './linkage.csv.ts';
import { saidIn } from './said.test-helper.ts';
import { people, tempFiles } from './person-files.test-helper.ts';
import type { Lang } from '../shared/lang.ts';

const { dir, write } = tempFiles('kintrace-bad-input-');

/** A refused run's message as the operator reads it in each language. */
const refusal = async (run: Promise<unknown>): Promise<Record<Lang, string>> => {
  const err = await run.then(
    () => new Error('not refused'),
    (e: unknown) => e,
  );
  return { ru: saidIn('ru', err), en: saidIn('en', err) };
};
const dedupe = (file: string): Promise<Record<Lang, string>> =>
  refusal(dedupeCommand(file, { out: join(dir, 'o.csv') }));

describe('a malformed person file', () => {
  it('names the line where a quote is left open, not the last line', async () => {
    const file = write(
      'open.csv',
      people(10, (i, l) => (i === 4 ? '4,a,"Иванов,Иван,,1990,,' : l)),
    );
    const said = await dedupe(file);
    expect(said.ru).toMatch(
      /open\.csv, строка 5: в этой строке кавычка открывает ячейку и нигде не закрывается: поставьте закрывающую кавычку/,
    );
    expect(said.en).toMatch(/open\.csv, line 5: a quote opens a cell on this line and is never closed/);
  });
  it('counts the lines of a cell Excel saved over several lines once, not twice', async () => {
    // Excel writes \r\n between lines and inside a cell alike; csv-parse counted each of those
    // inside quotes as two lines, so every line named after such a cell was too far.
    const note = (k: number) => (text: string) => text.replace(/,,$/, `,"в/ч ${k}\r\nпервая\r\nвторая",`);
    const lines = (bad: (i: number, l: string) => string) =>
      people(6, (i, l) => (i === 2 ? note(i)(l) : bad(i, l)))
        .replace(/\n/g, '\r\n')
        .replace(/\r\r\n/g, '\r\n');
    // Row 4 of the data is on line 7 of the text (the header, row 1, row 2 over three lines, row 3).
    const quote = await dedupe(
      write(
        'crlf-quote.csv',
        lines((i, l) => (i === 4 ? l.replace('Фамилия4', 'Фам"4"x') : l)),
      ),
    );
    expect(quote.ru).toMatch(/crlf-quote\.csv, строка 7: /);
    const cells = await dedupe(
      write(
        'crlf-cells.csv',
        lines((i, l) => (i === 4 ? `${l},лишняя` : l)),
      ),
    );
    expect(cells.ru).toMatch(/crlf-cells\.csv, строка 7: 9 ячеек, а в заголовке 8$/);
    const twice = await dedupe(
      write(
        'crlf-id.csv',
        lines((i, l) => (i === 4 ? l.replace(/^4,/, '3,') : l)),
      ),
    );
    expect(twice.en).toMatch(/crlf-id\.csv, line 7: /);
  });
  it('names the line where a quote left open swallowed the rows up to a later quote', async () => {
    const file = write(
      'swallowed.csv',
      people(10, (i, l) => (i === 4 ? '4,a,"Иванов,Иван,,1990,,' : i === 8 ? '8,a,Фам"8,Имя,,1990,,' : l)),
    );
    const said = await dedupe(file);
    expect(said.ru).toMatch(/swallowed\.csv, строка 5: .*закрывающей.*тянется до строки 9/);
    expect(said.en).toMatch(/swallowed\.csv, line 5: .*closing quote.*runs on to line 9/);
  });
  it('names the line of a quote left open and closed by a stray one rows later, the columns right again', async () => {
    // The rows in between were inside the surname and were silently lost.
    const file = write(
      'stray.csv',
      people(10, (i, l) => (i === 4 ? '4,a,"Иванов' : i === 8 ? '8,a,Фамилия8",Иван,,1990,,' : l)),
    );
    const said = await dedupe(file);
    expect(said.ru).toMatch(
      /stray\.csv, строка 5: ячейка «surname» растянулась на 5 строк, которые читаются как отдельные записи: в этой строке кавычка осталась открытой/,
    );
    expect(said.en).toMatch(
      /stray\.csv, line 5: the surname cell runs over 5 lines that read as rows of their own: a quote on this line is left open/,
    );
  });
  it('names the line of a quote closed by a stray one on the very next line, in the same column', async () => {
    // Row 5 was inside row 4's surname, the columns right: it was silently lost.
    const file = write(
      'next-line.csv',
      people(10, (i, l) => (i === 4 ? '4,a,"Иванов,Иван,,1990,,' : i === 5 ? '5,a,Фамилия5",Иван,,1990,,' : l)),
    );
    const said = await dedupe(file);
    expect(said.ru).toMatch(/next-line\.csv, строка 5: ячейка «surname» растянулась на 2 строки/);
    expect(said.en).toMatch(
      /next-line\.csv, line 5: the surname cell runs over 2 lines that read as rows of their own/,
    );
  });
  it('reads a quoted cell with a line break and separators that do not make up a row', async () => {
    const file = write(
      'broken-unit.csv',
      people(4, (i, l) => (i === 2 ? '2,a,Иванов,Иван,,1990,,"в/ч 12345,\nМосква, Тверская, 1"' : l)),
    );
    await expect(dedupeCommand(file, { lang: 'en', out: join(dir, 'broken-unit-out.csv') })).resolves.toMatch(
      /4 records/,
    );
  });
  it('reads a quoted name with a line break in it, which holds no row', async () => {
    const file = write(
      'broken-name.csv',
      people(4, (i, l) => (i === 2 ? '2,a,"Иванов\nИванович",Иван,,1990,,' : l)),
    );
    await expect(dedupeCommand(file, { lang: 'en', out: join(dir, 'broken-name-out.csv') })).resolves.toMatch(
      /4 records/,
    );
  });
  it('says how many columns a row has against the header', async () => {
    const file = write(
      'columns.csv',
      people(3, (i, l) => (i === 2 ? '2,a,Петров,Иван,,1990' : l)),
    );
    const said = await dedupe(file);
    expect(said.ru).toMatch(/columns\.csv, строка 3: 6 ячеек, а в заголовке 8$/);
    expect(said.en).toMatch(/columns\.csv, line 3: 6 columns where the header has 8$/);
  });
  it('names the first line in another encoding in a short file pasted from two computers', async () => {
    const utf8 = Buffer.from(people(3), 'utf8');
    const cp1251 = Buffer.from([
      0x34, 0x2c, 0x61, 0x2c, 0xcf, 0xe5, 0xf2, 0xf0, 0xee, 0xe2, 0x2c, 0x2c, 0x2c, 0x2c, 0x2c, 0x2c, 0x0a,
    ]);
    const said = await dedupe(write('pasted.csv', Buffer.concat([utf8, cp1251])));
    expect(said.ru).toMatch(/pasted\.csv, строка 5: файл начинается в кодировке UTF-8, а эта строка — в другой/);
    expect(said.en).toMatch(/pasted\.csv, line 5: the file starts as UTF-8, but this line is in another encoding/);
  });
  it('refuses a compared cell far too long to be a name, at its line', async () => {
    const file = write(
      'long.csv',
      people(5, (i, l) => (i === 3 ? l.replace('Иван', 'Иван '.repeat(20_000)) : l)),
    );
    const said = await dedupe(file);
    // Thousands grouped as each language writes them (a no-break space in Russian).
    expect(said.ru).toMatch(
      /long\.csv, строка 4: в ячейке «given_name» 99\s999 символов \(в сравниваемом столбце — не больше 1\s000\)/,
    );
    expect(said.en).toMatch(
      /long\.csv, line 4: the given_name cell holds 99,999 characters \(at most 1,000 in a compared column\)/,
    );
  });
  it('the second reader gives its part up when a record is refused, for the first to report', async () => {
    const file = write('part.csv', people(200));
    const start = splitPoint(file, 0.5)!;
    expect(await readPart(file, start, 0, () => false)).toBe(false);
    expect(await readPart(file, start, 0, () => {})).toBe(true);
  });
  it('says a missing input is missing', async () => {
    const said = await dedupe(join(dir, 'nowhere.csv'));
    expect(said.ru).toMatch(/nowhere\.csv: такого файла нет$/);
    expect(said.en).toMatch(/nowhere\.csv: no such file$/);
  });
});

describe('outputs', () => {
  const config = write(
    'config.json',
    JSON.stringify({ id: 'record_id', comparisons: [{ type: 'name', field: 'surname' }], blocking: [['surname']] }),
  );
  it('never overwrites an input', async () => {
    const file = write('input.csv', people(3));
    await expect(dedupeCommand(file, { lang: 'en', out: file })).rejects.toThrow(/--out .* is an input of this run/);
    await expect(
      linkCommand([file], { lang: 'en', config, out: join(dir, 'links.csv'), clusters: config }),
    ).rejects.toThrow(/--clusters .* is an input of this run/);
    expect(readFileSync(file, 'utf8')).toBe(people(3));
  });
  it('refuses an output it cannot write before the run, and writes none of the others', async () => {
    const file = write('fine.csv', people(3));
    const out = join(dir, 'written-first.csv');
    await expect(
      dedupeCommand(file, { lang: 'en', out, pairs: join(dir, 'no-such-folder', 'pairs.csv') }),
    ).rejects.toThrow(/--pairs .*: the folder .*no-such-folder does not exist/);
    expect(existsSync(out)).toBe(false);
    await expect(dedupeCommand(file, { lang: 'en', out: dir })).rejects.toThrow(/--out .* is a folder/);
  });
  it('refuses a missing second file before reading the first', async () => {
    // Malformed too: read first, it would be refused for its quote, not for the missing file.
    const file = write('first.csv', `${people(3)}"a quote never closed,x\n`);
    const said = await refusal(linkCommand([file, join(dir, 'missing.csv')], { config, out: join(dir, 'l.csv') }));
    expect(said.ru).toMatch(/missing\.csv: такого файла нет/);
    expect(said.en).toMatch(/missing\.csv: no such file/);
  });
  it('writes every output or none, leaving an old one as it was', async () => {
    const old = write('old-clusters.csv', 'record_id,cluster_id\nx,x\n');
    const other = join(dir, 'never.csv');
    const failing = writeAll([
      [old, async (f) => writeFileSync(f, 'new')],
      [other, async () => Promise.reject(new Error('disk full'))],
    ]);
    await expect(failing).rejects.toThrow('disk full');
    expect(readFileSync(old, 'utf8')).toBe('record_id,cluster_id\nx,x\n');
    expect(existsSync(other)).toBe(false);
    await writeAll([
      [old, async (f) => writeFileSync(f, 'new')],
      [other, async (f) => writeFileSync(f, 'also')],
    ]);
    expect([readFileSync(old, 'utf8'), readFileSync(other, 'utf8')]).toEqual(['new', 'also']);
  });
});

describe('evaluate', () => {
  it('refuses a truth file with no labelled records instead of scoring it 1.0', async () => {
    const truth = write('truth.csv', 'record_id,person_id\n');
    const clusters = write('clusters.csv', 'record_id,cluster_id\n1,1\n2,1\n');
    const said = await refusal(evaluateFiles(truth, clusters));
    expect(said.ru).toMatch(/truth\.csv: под заголовком нет ни одной размеченной записи — оценивать нечего/);
    expect(said.en).toMatch(/truth\.csv: no labelled records/);
  });
  it('says how many labelled records the clusters lack', async () => {
    const truth = write('truth2.csv', 'record_id,person_id\n1,A\n2,A\n3,B\n');
    const clusters = write('clusters2.csv', 'record_id,cluster_id\n1,1\n');
    const said = await refusal(evaluateFiles(truth, clusters));
    expect(said.ru).toMatch(
      /clusters2\.csv: нет записи «2» из .*truth2\.csv, а всего не хватает размеченных записей: 2 из 3/,
    );
    expect(said.en).toMatch(/record "2" of .*truth2\.csv and 1 more of its 3 records are not in it/);
  });
});
