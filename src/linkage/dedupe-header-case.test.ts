// Columns are matched by name in any letter case ("Surname" for surname), and a compared field
// the input has no column for is named in the summary. Matched exactly and silently, a list saved
// with capitalised headers was once deduplicated with every name dropped.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { personConfig } from './engine/person-config.ts';
import { dedupeCommand } from './linkage.cli.ts';
import { runLinkage, summary } from './linkage.run.ts';
import { translator } from '../web/i18n/i18n.ts';

const ROWS = `a1,mother,Иванов,Александр,Сергеевич,12.03.1995,Бурятия,в/ч 12345
a2,tip,Петров,Дмитрий,Олегович,12.03.1995,Бурятия,в/ч 12345
`;

const clustersOf = async (header: string): Promise<string[] | 'refused'> => {
  const dir = mkdtempSync(join(tmpdir(), 'kintrace-bughunt-'));
  const input = join(dir, 'people.csv');
  writeFileSync(input, `${header}\n${ROWS}`);
  const out = join(dir, 'clusters.csv');
  try {
    await dedupeCommand(input, { out });
  } catch {
    return 'refused';
  }
  return readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[1]);
};

describe('dedupe with the name columns capitalised', () => {
  it('does not silently drop the names', async () => {
    expect(await clustersOf('record_id,source,surname,given_name,patronymic,birth_date,region,unit')).toEqual([
      'a1',
      'a2',
    ]);
    const capitalised = await clustersOf('record_id,source,Surname,Given_Name,Patronymic,birth_date,region,unit');
    // Either read as the same file, or refused with a message; not two men merged.
    expect(capitalised === 'refused' ? ['a1', 'a2'] : capitalised).toEqual(['a1', 'a2']);
  });

  it('names a compared field the file has no column for', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kintrace-columns-'));
    const input = join(dir, 'people.csv');
    writeFileSync(input, `record_id,source,surname,given_name,patronymic,birth_date,regoin,unit\n${ROWS}`);
    const result = await runLinkage({ files: [input], config: personConfig(), progress: false });
    expect(result.missingColumns).toEqual(['region']);
    expect(summary(result, translator('en'))).toContain('no column in the input for: region');
  });
});
