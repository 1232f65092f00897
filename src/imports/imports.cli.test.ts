import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { provisionOrganisation } from '../accounts/provision.service.ts';
import { loadConfig } from '../config.ts';
import { systemClock } from '../shared/clock.ts';
import { ImportCliError, importCommand } from './imports.cli.ts';

// `kintrace import persons FILE.csv --source "…"` as the operator runs it: the command opens the
// database of DATA_DIR itself. One organisation: no --organisation needed; two: it must be named.
// Errors name the file (and the line), or --map for a column the list lacks; never a cell's value.

const HEADER = 'record_id,source,surname,given_name,patronymic,birth_date,region,unit,status,event_date';

describe('kintrace import persons (command line)', () => {
  let dir: string;
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  const file = (name: string, text: string): string => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, text);
    return f;
  };
  const persons = async (): Promise<number> => {
    const opened = openSqlite(path.join(dir, 'kintrace.sqlite'));
    try {
      const r = await opened.db
        .selectFrom('persons')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    } finally {
      await opened.close();
    }
  };

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kt-import-cli-'));
    process.env.DATA_DIR = dir;
    process.env.DATABASE_URL = '';
    const opened = openSqlite(path.join(dir, 'kintrace.sqlite'));
    try {
      await migrateToLatest(opened.db);
      const config = loadConfig({ ...process.env, DATA_DIR: dir });
      await provisionOrganisation({ db: opened.db, config, clock: systemClock }, 'Группа «Север»');
    } finally {
      await opened.close();
    }
  });
  afterEach(() => {
    process.env.DATA_DIR = saved.DATA_DIR;
    process.env.DATABASE_URL = saved.DATABASE_URL;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports into the only organisation, adds nothing the second time, and names the file and line of a bad row', async () => {
    const list = file(
      'list.csv',
      `${HEADER}\n1,ОВД,Кузнецов,Андрей,Петрович,12.05.1998,Ростовская область,в/ч 12345,погиб,02.2026\n2,ОВД,Доржиев,Баир,,1991,Бурятия,,,\n`,
    );
    const done = await importCommand(list, { source: 'Сводка' });
    expect(done).toMatch(/2/);
    expect(await persons()).toBe(2);
    const again = await importCommand(list, { source: 'Сводка' });
    expect(again).not.toBe(done);
    expect(await persons()).toBe(2);

    const bad = file(
      'bad.csv',
      `${HEADER}\n1,ОВД,Смирнов,Иван,,01.01.1990,,,,\n2,ОВД,Петров,Пётр,,32.13.1990,,,,\n3,ОВД,Орлов,Пётр,,1990,,,улетел,\n`,
    );
    const err = await importCommand(bad, { source: 'Плохой' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportCliError);
    // Every bad line, one per line of output, each naming the file.
    const said = (err as Error).message.split('\n');
    expect(said).toHaveLength(3);
    expect(said[0].startsWith(bad) && /, (line|строка) 3: /.test(said[0])).toBe(true);
    expect(said[1].startsWith(bad) && /, (line|строка) 4: /.test(said[1])).toBe(true);
    // Which row that is: the one a spreadsheet shows, said once after the lines.
    expect(said[2]).toMatch(/Excel/);
    expect((err as Error).message).not.toContain('Петров');
    expect(await persons()).toBe(2);

    const utf16 = path.join(dir, 'u16.csv');
    fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\n`, 'utf16le')]));
    const e16 = await importCommand(utf16, { source: 'UTF-16' }).catch((e: unknown) => e);
    expect((e16 as Error).message.startsWith(`${utf16}:`)).toBe(true);

    const other = file('other.csv', 'fam;nam\nPetrov;Petr\n');
    const eMap = await importCommand(other, { source: 'Другой' }).catch((e: unknown) => e);
    expect((eMap as Error).message).toMatch(/^--map surname:/);
    expect(await importCommand(other, { source: 'Другой', map: 'surname=fam,given_name=nam' })).toMatch(/1/);
    expect(await persons()).toBe(3);
  });

  it('asks which organisation when the platform has several', async () => {
    const opened = openSqlite(path.join(dir, 'kintrace.sqlite'));
    try {
      const config = loadConfig({ ...process.env, DATA_DIR: dir });
      await provisionOrganisation({ db: opened.db, config, clock: systemClock }, 'Служба «Юг»');
    } finally {
      await opened.close();
    }
    const list = file('list.csv', `${HEADER}\n1,ОВД,Кузнецов,Андрей,,,,,,\n`);
    const err = await importCommand(list, { source: 'Сводка' }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/^--organisation: .*«Служба „Юг“»/);
    expect(await persons()).toBe(0);
    await importCommand(list, { source: 'Сводка', organisation: 'Служба «Юг»' });
    expect(await persons()).toBe(1);
  });
});
