// A header naming a compared column twice ("surname" and "Surname", columns matched in any letter
// case): one was read and the other dropped without a word. It is refused at line 1; a repeated
// column nobody compares is still ignored.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dedupeCommand } from './linkage.cli.ts';
import { inRussian } from './said.test-helper.ts';

const dir = mkdtempSync(join(tmpdir(), 'kintrace-duplicate-columns-'));
const dedupe = (name: string, text: string): Promise<string> => {
  const file = join(dir, `${name}.csv`);
  writeFileSync(file, text);
  return inRussian(dedupeCommand(file, { out: join(dir, `${name}-out.csv`) }));
};

describe('a header with a compared column twice', () => {
  it('is refused at line 1, naming the column, with no output', async () => {
    await expect(
      dedupe('twice', 'record_id,Surname,given_name,surname\n1,Иванов,Иван,Петров\n2,Петров,Иван,Иванов\n'),
    ).rejects.toThrow(
      /twice\.csv, строка 1: столбцы «Surname» и «surname» оба читаются как surname: оставьте один из них/,
    );
    expect(existsSync(join(dir, 'twice-out.csv'))).toBe(false);
    await expect(dedupe('ids', 'record_id,RECORD_ID,surname\n1,2,Иванов\n')).rejects.toThrow(
      /строка 1: столбцы «record_id» и «RECORD_ID» оба читаются как record_id/,
    );
    await expect(dedupe('three', 'ФИО,Фамилия,surname\nИванов Иван,Иванов,Иванов\n')).rejects.toThrow(
      /строка 1: столбцы «ФИО», «Фамилия» и «surname» все читаются как surname/,
    );
  });

  it('is read when the repeated column is not compared', async () => {
    await expect(
      dedupe('notes', 'record_id,surname,given_name,notes,notes\n1,Иванов,Иван,a,b\n2,Иванов,Иван,a,b\n'),
    ).resolves.toBeDefined();
  });
});
