// A decisions file that contradicts itself: "same" decisions are merged first and bypass every
// check, so a "different" between records they join was silently ignored (the two ended up in one
// cluster, against the docs' "never"). The file is refused at the line that contradicts.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dedupeCommand } from './linkage.cli.ts';
import { inEnglish, inRussian } from './said.test-helper.ts';

const dir = mkdtempSync(join(tmpdir(), 'kintrace-decision-conflicts-'));
const input = join(dir, 'people.csv');
writeFileSync(
  input,
  'record_id,source,surname,given_name,patronymic,birth_date,region,unit\n' +
    '1,a,Иванов,Иван,Иванович,12.03.1990,Пермский край,\n' +
    '2,b,Иванов,Иван,Иванович,12.03.1990,Пермский край,\n' +
    '3,c,Иванов,Иван,Иванович,1990,Пермский край,\n' +
    '4,d,Петров,Сергей,Николаевич,1985,,\n',
);
const run = (name: string, decisions: string): Promise<string> => {
  const file = join(dir, `${name}.csv`);
  writeFileSync(file, `left_id,right_id,decision\n${decisions}`);
  return inRussian(dedupeCommand(input, { out: join(dir, `${name}-out.csv`), decisions: file }));
};

describe('a decisions file that contradicts itself', () => {
  it('is refused at the contradicting line, directly or through a chain of "same"', async () => {
    await expect(run('both', '1,2,same\n2,1,different\n')).rejects.toThrow(
      /both\.csv, строка 3: решение «different» противоречит решениям «same» выше, по которым «2» и «1» — один человек/,
    );
    await expect(run('chain', '1,2,same\n2,3,same\n3,1,different\n')).rejects.toThrow(
      /chain\.csv, строка 4: решение «different»/,
    );
    await expect(run('late', '1,3,different\n1,2,same\n2,3,same\n')).rejects.toThrow(
      /late\.csv, строка 4: решение «same» объединяет «2» и «3», а вместе с решениями «same» выше это делает одним человеком («3» и «1»|«1» и «3»), которых решение «different» выше разделяет/,
    );
    await expect(run('self', '1,1,different\n')).rejects.toThrow(
      /строка 2: в решении «different» дважды указана одна и та же запись \(«1»\)/,
    );
    expect(existsSync(join(dir, 'late-out.csv'))).toBe(false);
  });

  it('says which column the header lacks', async () => {
    const file = join(dir, 'short.csv');
    writeFileSync(file, 'left_id,right_id\n1,2\n');
    await expect(inRussian(dedupeCommand(input, { out: join(dir, 'short-out.csv'), decisions: file }))).rejects.toThrow(
      /short\.csv, строка 1: в заголовке нет столбца «decision» \(есть: left_id, right_id\)/,
    );
    await expect(inEnglish(dedupeCommand(input, { out: join(dir, 'short-out.csv'), decisions: file }))).rejects.toThrow(
      /short\.csv, line 1: the header has no "decision" column \(found: left_id, right_id\)/,
    );
  });

  it('still applies decisions that agree', async () => {
    await run('fine', '1,2,same\n3,4,same\n1,4,different\n');
    const clusters = readFileSync(join(dir, 'fine-out.csv'), 'utf8');
    expect(clusters).toContain('4,3');
  });
});
