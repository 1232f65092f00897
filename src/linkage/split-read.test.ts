// A large file read by two threads (linkage.csv.ts SplitRead, linkage.run.ts readInput): the
// records, their values and their errors are those of one reader, line numbers included.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LinkageEngine } from './engine/engine.ts';
import { personConfig } from './engine/person-config.ts';
import { readCsv, readPart, splitPoint } from './linkage.csv.ts';
import { readInput } from './linkage.run.ts';
import { type BatchThread, spawnSecondThread } from './second-thread.ts';
import { inRussian } from './said.test-helper.ts';

const dir = mkdtempSync(join(tmpdir(), 'kintrace-split-read-'));
const thread = spawnSecondThread();
afterAll(() => thread.stop());

const SURNAMES = ['Иванов', 'Петров', 'Сидоров', 'Дашиев', 'Магомедов', 'Кузнецов', 'Оюн'];
const GIVEN = ['Иван', 'Баир', 'Руслан', 'Алексей', 'Sasha', 'Аяс'];

/** A person list of n rows; `row(i)` may replace any line. */
const list = (n: number, row: (i: number, line: string) => string = (_, l) => l): string => {
  const lines = ['record_id,source,surname,given_name,patronymic,birth_date,region,unit'];
  for (let i = 0; i < n; i++) {
    const line = `r${i},list${i % 3},${SURNAMES[i % 7]},${GIVEN[(i * 5) % 6]},Сергеевич,${(i % 28) + 1}.0${(i % 9) + 1}.199${i % 10},Бурятия,в/ч ${10000 + (i % 50)}`;
    lines.push(row(i, line));
  }
  return `${lines.join('\n')}\n`;
};

const write = (name: string, text: string | Buffer): string => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

/** Per file read with the thread: how many records the thread read (null: it gave up). */
const threadRead: (number | null)[] = [];
const spy: BatchThread = {
  ...thread,
  readPart: (job) => thread.readPart(job).then((part) => (threadRead.push(part ? part.ids.length : null), part)),
};

/** Everything the engine's dataset holds after reading the file (with the thread or without). */
const readAll = async (file: string, withThread: boolean, personColumns = false) => {
  const e = new LinkageEngine(personConfig());
  await readInput(e, file, 0, undefined, withThread ? spy : null, personColumns);
  return {
    ids: [...e.data.ids],
    values: e.data.fields.map((f) => Array.from({ length: e.data.size }, (_, r) => e.data.column(f).at(r))),
    strings: e.data.fields.map((f) => [...e.data.column(f).strings]),
  };
};

describe('reading a file on two threads', () => {
  it('keeps the records, their values and their token ids as one reader does', async () => {
    const file = write(
      'people.csv',
      list(5000, (i, l) => (i === 4000 ? l.replace('Иванов', 'Новиков') : l)),
    );
    const one = await readAll(file, false);
    expect(one.ids.length).toBe(5000);
    expect(await readAll(file, true)).toEqual(one);
    // The thread read about half of them.
    expect(threadRead.at(-1)).toBeGreaterThan(2000);
    // Lines ended as Windows ends them, read from the middle as from the start.
    const crlf = write('people-crlf.csv', list(5000).replace(/\n/g, '\r\n'));
    expect(splitPoint(crlf, 0.5)!.shape.crlf).toBe(true);
    expect(await readAll(crlf, true)).toEqual(await readAll(crlf, false));
    expect(threadRead.at(-1)).toBeGreaterThan(2000);
  });

  it('reads a sheet with Russian column names there as under their own names', async () => {
    const english = list(5000);
    const russian = english.replace(
      /^[^\n]*/,
      'Номер,Источник,Фамилия,Имя,Отчество,Дата рождения,Регион,Воинская часть',
    );
    const one = await readAll(write('english.csv', english), false);
    const asked = threadRead.length;
    expect(await readAll(write('russian.csv', russian), true, true)).toEqual(one);
    // The thread read its half of the Russian sheet too.
    expect(threadRead.length).toBe(asked + 1);
    expect(threadRead.at(-1)).toBeGreaterThan(2000);
  });

  it('splits at a line feed outside quotes', async () => {
    // A quoted cell holding line feeds spans the middle of the file.
    const text = list(2000, (i, l) =>
      i === 1000 ? l.replace('Бурятия', `"Бурятия\n${'\n'.repeat(60_000)}(Улан-Удэ)"`) : l,
    );
    const file = write('quoted.csv', text);
    const start = splitPoint(file, 0.5)!;
    const before = Buffer.from(text).subarray(0, start.from).toString();
    expect(before.endsWith('\n')).toBe(true);
    expect((before.match(/"/g) ?? []).length % 2).toBe(0);
    expect(start.header[0]).toBe('record_id');
    expect(start.shape).toEqual({ crlf: false, width: 8 });
  });

  it('reads a quoted cell across lines in either part as one reader does', async () => {
    const text = list(2000, (i, l) => (i === 1500 ? l.replace('Бурятия', '"Бурятия,\n(Улан-Удэ)"') : l));
    const file = write('quoted-part.csv', text);
    const one = await readAll(file, false);
    expect(one.strings.flat()).toContain('Бурятия,\n(Улан-Удэ)');
    expect(await readAll(file, true)).toEqual(one);
    expect(threadRead.at(-1)).toBeGreaterThan(500);
  });

  it('has no split for a Windows-1251 file', () => {
    // Every Russian letter one byte, as Windows-1251 writes it (а is 0xE0 there).
    const bytes = Buffer.from([...list(500)].map((ch) => (ch.charCodeAt(0) < 128 ? ch.charCodeAt(0) : 0xe0)));
    const file = write('cp1251.csv', bytes);
    expect(splitPoint(file, 0.5)).toBeNull();
  });

  it('reads on itself where the thread gave up, and every record comes once, in order', async () => {
    // The thread's part holds a record the fast path leaves to csv-parse (a blank between a
    // quoted cell's closing quote and the comma, which csv-parse's trim allows).
    const file = write(
      'odd.csv',
      list(3000, (i, l) => (i === 2800 ? l.replace('Сергеевич', '"Сергеевич" ') : l)),
    );
    const start = splitPoint(file, 0.45)!;
    expect(await readPart(file, start, 0, () => {})).toBe(false);
    const ids: string[] = [];
    const rows = await readCsv(file, (row) => ids.push(row[0]), {
      required: 'record_id',
      split: { from: start.from, take: async () => null },
    });
    expect(rows).toBe(3000);
    expect(ids).toEqual(Array.from({ length: 3000 }, (_, i) => `r${i}`));
    expect(await readAll(file, true)).toEqual(await readAll(file, false));
    expect(threadRead.at(-1)).toBeNull();
  });

  it('names the line of a duplicate id or a bad record in the thread’s part', async () => {
    const duplicate = write(
      'dup.csv',
      list(3000, (i, l) => (i === 2900 ? l.replace('r2900', 'r10') : l)),
    );
    await expect(inRussian(readAll(duplicate, true))).rejects.toThrow(
      /dup\.csv, строка 2902: значение «r10» в столбце «record_id» уже встречалось выше/,
    );
    const short = write(
      'short.csv',
      list(3000, (i, l) => (i === 2950 ? 'r2950,list' : l)),
    );
    await expect(inRussian(readAll(short, true))).rejects.toThrow(
      /short\.csv, строка 2952: 2 ячейки, а в заголовке 8$/,
    );
    const noId = write(
      'noid.csv',
      list(3000, (i, l) => (i === 2990 ? l.replace('r2990', '') : l)),
    );
    await expect(inRussian(readAll(noId, true))).rejects.toThrow(
      /noid\.csv, строка 2992: пустая ячейка в столбце «record_id»/,
    );
  });
});
