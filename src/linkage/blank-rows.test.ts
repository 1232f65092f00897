// A row of empty cells (";;;;;;;"), which Excel and LibreOffice save for a row that once held
// something or was formatted, and which nobody sees in the sheet, was refused as "empty
// record_id". It holds no record: it is skipped as a blank line is, by one reader and by the
// second thread's part of a large file alike.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LinkageEngine } from './engine/engine.ts';
import { personConfig } from './engine/person-config.ts';
import { readPart, splitPoint } from './linkage.csv.ts';
import { readInput } from './linkage.run.ts';
import { spawnSecondThread } from './second-thread.ts';

const dir = mkdtempSync(join(tmpdir(), 'kintrace-blank-rows-'));
const thread = spawnSecondThread();
afterAll(() => thread.stop());

const HEADER = 'record_id;source;surname;given_name;patronymic;birth_date;region;unit';
const list = (n: number, blankEvery: number): string => {
  const lines = [HEADER];
  for (let i = 0; i < n; i++) {
    lines.push(`r${i};list;Иванов${i % 50};Иван;Сергеевич;${(i % 28) + 1}.03.1990;Бурятия;`);
    if (i % blankEvery === blankEvery - 1) lines.push(';;;;;;;');
  }
  return `${lines.join('\r\n')}\r\n;;;;;;;\r\n`;
};
const ids = async (file: string, withThread: boolean): Promise<string[]> => {
  const e = new LinkageEngine(personConfig());
  await readInput(e, file, 0, undefined, withThread ? thread : null);
  return [...e.data.ids];
};

describe('rows of empty cells, as a spreadsheet saves them', () => {
  it('are skipped in a small file', async () => {
    const file = join(dir, 'small.csv');
    writeFileSync(file, list(3, 1));
    expect(await ids(file, false)).toEqual(['r0', 'r1', 'r2']);
  });

  it('are skipped in the second thread’s part of a large file, which reads on', async () => {
    const file = join(dir, 'large.csv');
    writeFileSync(file, list(4000, 100));
    const all = Array.from({ length: 4000 }, (_, i) => `r${i}`);
    expect(await ids(file, false)).toEqual(all);
    expect(await ids(file, true)).toEqual(all);
    let read = 0;
    expect(await readPart(file, splitPoint(file, 0.45)!, 0, () => read++)).toBe(true);
    expect(read).toBeGreaterThan(1000);
  });
});
