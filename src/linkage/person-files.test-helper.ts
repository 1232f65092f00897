import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Person files written for the tests of what the linkage commands say of their input.

/** A fresh folder and a writer of named files in it. */
export const tempFiles = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const write = (name: string, text: string | Buffer): string => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  return { dir, write };
};

export const HEADER = 'record_id,source,surname,given_name,patronymic,birth_date,region,unit';

/** A person file of n rows «k,a,Фамилияk,Иван,,1990,,», each row changed by `row` if given. */
export const people = (n: number, row: (i: number, line: string) => string = (_, l) => l): string =>
  `${[HEADER, ...Array.from({ length: n }, (_, k) => row(k + 1, `${k + 1},a,Фамилия${k + 1},Иван,,1990,,`))].join('\n')}\n`;
