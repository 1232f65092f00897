import { sql, type KyselyPlugin } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { cp1251 } from '../../test/helpers/cp1251.ts';
import { DIALECTS } from '../../test/helpers/db.ts';
import { queryRecorder } from '../../test/helpers/query-recorder.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { grantMatching } from '../policy/matching.policy.ts';
import { principalOf, systemPrincipal } from '../policy/principal.ts';
import { Invalid, NotFound } from '../shared/errors.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { rawRowOf } from './import-sources.service.ts';
import {
  maintainImports,
  importForOrganisation,
  importStatus,
  importsOf,
  mappingForm,
  runningImport,
  startImport,
  uploadList,
  type ListMeta,
  type Progress,
} from './imports.service.ts';

// Imports below the web, on both databases: the platform's CSV and a mapped one, from the command
// line's path and the web's, all or nothing with the line of the first bad row, a second import
// adding nothing, raw values sealed, Windows-1251, and every kind of bad input the issue lists.

const HEADER =
  'record_id,source,surname,given_name,patronymic,birth_date,region,unit,status,event_date,category,rank,note';
const ROWS = [
  '1,ОВД,Кузнецов,Андрей,Петрович,12.03.1991,RU-ROS,в/ч 12345,погиб,02.2026,мобилизованный,рядовой,МАРКЕР-ПРИМЕЧАНИЕ-5521',
  '2,ОВД,Dorzhiev,Bair,,1988,Бурятия,,пропал,01.2026,contract,,',
  '3,ОВД,Смирнова,Ольга,,1995,,,,,,,',
];
const csv = (rows: string[], header = HEADER) => new TextEncoder().encode(`${header}\n${rows.join('\n')}\n`);
const META: ListMeta = {
  sourceName: 'Сводка некрологов',
  sourceDate: parsePartialDate('03.2026') ?? undefined,
  sourceKind: 'news',
  verification: 'reported',
};

describe.each(DIALECTS)('imports (%s)', (dialect) => {
  const s = useWorld(dialect);
  const deps = () => ({ db: s.t.opened.db, clock: s.t.clock });
  const org = () => ({ id: s.w.orgA.id, publicKey: s.w.orgA.publicKey });
  const count = async (table: 'persons' | 'events' | 'import_rows') =>
    Number(
      (
        await s.t.opened.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** As a process that stopped mid-run leaves its import: running, its heartbeat as of now (to grow old). */
  const leftRunningByDeadProcess = (importId: string) =>
    s.t.opened.db
      .updateTable('person_imports')
      .set({ state: 'running', heartbeat_at: s.t.clock.now().toISOString() })
      .where('id', '=', importId)
      .execute();
  const cli = (bytes: Uint8Array, opts: Parameters<typeof importForOrganisation>[5] = {}) =>
    importForOrganisation(deps(), systemPrincipal('import'), org(), META, bytes, opts);

  it('imports the platform CSV: records of the organisation with their events, raw values sealed', async () => {
    const persons = await count('persons');
    const out = await cli(csv(ROWS));
    expect(out).toMatchObject({ state: 'done', total: 3, added: 3, skipped: 0, events: 2, error: null });
    expect(await count('persons')).toBe(persons + 3);
    const rows = await s.t.opened.db
      .selectFrom('persons')
      .select(['surname', 'organisation_id', 'origin', 'status', 'region_code', 'service_category'])
      .where('origin', '=', 'import')
      .orderBy('surname')
      .execute();
    expect(rows).toEqual([
      {
        surname: 'Dorzhiev',
        organisation_id: s.w.orgA.id,
        origin: 'import',
        status: 'missing',
        region_code: 'RU-BU',
        service_category: 'contract',
      },
      {
        surname: 'Кузнецов',
        organisation_id: s.w.orgA.id,
        origin: 'import',
        status: 'reported_dead',
        region_code: 'RU-ROS',
        service_category: 'mobilised',
      },
      {
        surname: 'Смирнова',
        organisation_id: s.w.orgA.id,
        origin: 'import',
        status: null,
        region_code: null,
        service_category: 'unknown',
      },
    ]);
    // The note is only in the sealed raw row, and staff of the organisation read it back.
    const raw = await s.t.opened.db.selectFrom('import_chunks').select('data_sealed').execute();
    expect(raw.length).toBeGreaterThan(0);
    expect(raw.every((r) => r.data_sealed.startsWith('g1.') && !r.data_sealed.includes('МАРКЕР'))).toBe(true);
    const kuznetsov = await s.t.opened.db
      .selectFrom('persons')
      .select('id')
      .where('surname', '=', 'Кузнецов')
      .executeTakeFirstOrThrow();
    const back = await rawRowOf(s.t.opened.db, s.w.caseworker.auth, kuznetsov.id);
    expect(back?.find((c) => c.column === 'note')?.value).toBe('МАРКЕР-ПРИМЕЧАНИЕ-5521');
    expect(await rawRowOf(s.t.opened.db, s.w.otherOrgCaseworker.auth, kuznetsov.id)).toBeNull();
  });

  it('adds nothing the second time, and only the new rows of an overlapping list', async () => {
    const persons = await count('persons');
    const again = await cli(csv(ROWS));
    expect(again.alreadyImported?.name).toBe('Сводка некрологов');
    expect(await count('persons')).toBe(persons);
    const overlap = await cli(csv([...ROWS.slice(1), '4,ОВД,Попов,Иван,,1979,,,,,,,']));
    expect(overlap).toMatchObject({ state: 'done', added: 1, skipped: 2 });
    expect(await count('persons')).toBe(persons + 1);
  });

  it('writes nothing of a file with one bad row, and says which line and why', async () => {
    const before = [await count('persons'), await count('events'), await count('import_rows')];
    const cases: Array<[Uint8Array, number, string]> = [
      [csv([ROWS[0], "9,x,=cmd|' /C calc'!A0,Иван,,,,,,,,,"]), 3, 'imports.errors.formula'],
      [csv([ROWS[0], '9,x,Петров,Иван,,31.02.1990,,,,,,,']), 3, 'imports.errors.date'],
      [csv([ROWS[0], ROWS[1], '9,x,Петров']), 4, 'imports.errors.columnCount'],
      [csv(['9,x,Петров2,Иван,,,,,,,,,']), 2, 'imports.errors.nameChars'],
      [csv(['9,x,,Иван,,,,,,,,,']), 2, 'imports.errors.required'],
      [csv(['9,x,Петров,Иван,,,,,пропал,,,,']), 2, 'imports.errors.statusNeedsDate'],
      [csv(['9,x,Петров,Иван,,2090,,,,,,,']), 2, 'imports.errors.futureDate'],
      [csv([ROWS[0], '9,x,"Петров,Иван,,,,,,,,,']), 3, 'imports.errors.quote'],
      // A quote left open swallows the rest of the file: the line is still the row at fault.
      [csv([ROWS[0], '9,x,"Петров,Иван,,,,,,,,,', ROWS[1], ROWS[2]]), 3, 'imports.errors.quote'],
    ];
    for (const [bytes, line, key] of cases) {
      const out = await importForOrganisation(
        deps(),
        systemPrincipal('import'),
        org(),
        { ...META, sourceDate: undefined },
        bytes,
      );
      expect(out.state, key).toBe('failed');
      expect(out.error, key).toMatchObject({ line, key });
    }
    expect([await count('persons'), await count('events'), await count('import_rows')]).toEqual(before);
  });

  it('writes the number of lines once, counting those that are not rows', async () => {
    const recorder = queryRecorder('person_imports');
    const out = await importForOrganisation(
      { ...deps(), db: s.t.opened.db.withPlugin(recorder.plugin) },
      systemPrincipal('import'),
      org(),
      { ...META, sourceName: 'Строка не той длины' },
      csv([ROWS[0], ROWS[1], '9,x,Петров']),
    );
    expect(out).toMatchObject({ state: 'failed', total: 3 });
    expect(recorder.seen.filter((q) => q.kind === 'UpdateQueryNode' && q.json.includes('"total_rows"'))).toHaveLength(
      1,
    );
    expect(
      await s.t.opened.db
        .selectFrom('person_imports')
        .select(['total_rows', 'checked_rows', 'problem_lines'])
        .where('id', '=', out.importId)
        .executeTakeFirstOrThrow(),
    ).toEqual({ total_rows: 3, checked_rows: 3, problem_lines: 1 });
  });

  it('reports every bad line of a file at once, each with its columns, and writes nothing of it', async () => {
    const before = [await count('persons'), await count('events'), await count('import_rows')];
    const grant = grantMatching(principalOf(s.w.caseworker.auth), 'import');
    const up = await uploadList(
      deps(),
      grant,
      { ...META, sourceName: 'Три ошибки' },
      csv([
        ROWS[0],
        '9,x,Петров2,Иван,,31.02.1990,,,,,,,',
        '10,x,,Иван,,,,,,,,,',
        ROWS[2],
        '11,x,Сидоров,Иван,,,,,улетел,,,,',
      ]),
    );
    expect(up.started).toBe(true);
    const out = await runningImport(up.importId);
    expect(out?.state).toBe('failed');
    expect(out?.problems?.lines).toBe(3);
    expect(out?.problems?.shown.map((l) => [l.line, l.problems.map((p) => [p.key, p.params.column])])).toEqual([
      [
        3,
        [
          ['imports.errors.nameChars', 'surname'],
          ['imports.errors.date', 'birth_date'],
        ],
      ],
      [4, [['imports.errors.required', 'surname']]],
      [6, [['imports.errors.status', 'status']]],
    ]);
    expect([await count('persons'), await count('events'), await count('import_rows')]).toEqual(before);
    // The import's page reads them back; the first one is still the import's error.
    const { view } = await importStatus(deps(), grant, up.importId);
    expect(view).toMatchObject({ state: 'failed', error: { line: 3, key: 'imports.errors.nameChars' } });
    expect(view.problems?.shown.map((l) => l.line)).toEqual([3, 4, 6]);
    expect(JSON.stringify(view.problems)).not.toContain('Петров');
  });

  it('makes a death of each «Дата гибели» of a list without a status, and refuses a date of event with no status', async () => {
    const grant = grantMatching(principalOf(s.w.caseworker.auth), 'import');
    const text = 'Фамилия;Имя;Дата гибели\nГромов;Артём;12.01.2026\nГромов;Денис;02.2026\n';
    const up = await uploadList(
      deps(),
      grant,
      { ...META, sourceName: 'Список погибших' },
      new TextEncoder().encode(text),
    );
    const form = await mappingForm(deps(), grant, up.importId);
    expect(form.mapping).toMatchObject({ surname: 'Фамилия', death_date: 'Дата гибели' });
    // Chosen as a date of event instead, with no status, it is refused, naming the column.
    const refused = await startImport(deps(), grant, up.importId, {
      surname: 'Фамилия',
      event_date: 'Дата гибели',
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Invalid);
    expect((refused as Invalid).problems).toEqual([
      { field: 'event_date', key: 'imports.errors.dateNeedsStatus', params: { column: 'Дата гибели' } },
    ]);
    await startImport(deps(), grant, up.importId, form.mapping);
    expect(await runningImport(up.importId)).toMatchObject({ state: 'done', added: 2, events: 2 });
    const dead = await s.t.opened.db
      .selectFrom('persons')
      .select(['given_name', 'status'])
      .where('surname', '=', 'Громов')
      .orderBy('given_name')
      .execute();
    expect(dead).toEqual([
      { given_name: 'Артём', status: 'reported_dead' },
      { given_name: 'Денис', status: 'reported_dead' },
    ]);
    // The platform's header with a date of event and no status goes to the form, which says why.
    const platform = await uploadList(
      deps(),
      grant,
      { ...META, sourceName: 'Без статуса' },
      new TextEncoder().encode('surname,given_name,birth_date,event_date\nГромов,Олег,1990,01.2026\n'),
    );
    expect(platform.started).toBe(false);
    expect((await mappingForm(deps(), grant, platform.importId)).problems).toEqual([
      { field: 'event_date', key: 'imports.errors.dateNeedsStatus', params: { column: 'event_date' } },
    ]);
    // Left out by choice, it imports (and nothing is left waiting at the form).
    await startImport(deps(), grant, platform.importId, { surname: 'surname', given_name: 'given_name' });
    expect(await runningImport(platform.importId)).toMatchObject({ state: 'done', added: 1, events: 0 });
  });

  it('imports a region it does not know without a code, and says so with the lines', async () => {
    const out = await cli(
      csv([
        '31,x,Белов,Иван,,1990,ЛНР,,,,,,',
        '32,x,Белов,Пётр,,1991,Бурятия,,,,,,',
        '33,x,Белов,Юрий,,1992,Энская область,,,,,,',
      ]),
    );
    expect(out).toMatchObject({ state: 'done', added: 3 });
    expect(out.warnings).toEqual([
      { key: 'imports.warnings.region', params: { column: 'region' }, count: 2, lines: [2, 4] },
    ]);
    const grant = grantMatching(principalOf(s.w.caseworker.auth), 'import');
    expect((await importStatus(deps(), grant, out.importId!)).view.warnings).toEqual(out.warnings);
  });

  it('replaces a failed import with its corrected file, its columns chosen as before', async () => {
    const grant = grantMatching(principalOf(s.w.caseworker.auth), 'import');
    const bad = 'Ф;И;Дата\nЛаптев;Иван;1990\nЛаптев;Пётр;19xx\n';
    const first = await uploadList(
      deps(),
      grant,
      { ...META, sourceName: 'Исправляемый' },
      new TextEncoder().encode(bad),
    );
    const mapping = { surname: 'Ф', given_name: 'И', birth_date: 'Дата' };
    await startImport(deps(), grant, first.importId, mapping);
    expect(await runningImport(first.importId)).toMatchObject({ state: 'failed' });
    // Another organisation's staff cannot name it.
    await expect(
      uploadList(
        deps(),
        grantMatching(principalOf(s.w.otherOrgCaseworker.auth), 'import'),
        META,
        new TextEncoder().encode('Ф;И\nА;Б\n'),
        { again: first.importId },
      ),
    ).rejects.toBeInstanceOf(NotFound);
    const fixed = 'Ф;И;Дата\nЛаптев;Иван;1990\nЛаптев;Пётр;1991\n';
    const second = await uploadList(
      deps(),
      grant,
      { ...META, sourceName: 'Исправляемый' },
      new TextEncoder().encode(fixed),
      {
        again: first.importId,
      },
    );
    expect((await mappingForm(deps(), grant, second.importId)).mapping).toEqual(mapping);
    await expect(importStatus(deps(), grant, first.importId)).rejects.toBeInstanceOf(NotFound);
    await startImport(deps(), grant, second.importId, mapping);
    expect(await runningImport(second.importId)).toMatchObject({ state: 'done', added: 2 });
    const names = (await importsOf(deps(), grant)).map((i) => i.sourceName);
    expect(names.filter((n) => n === 'Исправляемый')).toHaveLength(1);
  });

  it('reads an age where the birth date goes, or in a column of its own, as the year it implies', async () => {
    // The list of 03.2026 gives «35 лет»; a row's own event date (02.2024) is the year the age was
    // reached in; a «Возраст» column is found by its Russian name.
    const out = await cli(csv(['21,x,Агеев,Павел,,35 лет,,,,,,,', '22,x,Агеев,Роман,,(35),,,погиб,02.2024,,,']));
    expect(out).toMatchObject({ state: 'done', added: 2 });
    const byAge = await cli(new TextEncoder().encode('Фамилия;Имя;Возраст\nАгеев;Олег;41\n'));
    expect(byAge).toMatchObject({ state: 'done', added: 1 });
    const born = await s.t.opened.db
      .selectFrom('persons')
      .select(['given_name', 'birth_date', 'birth_precision'])
      .where('surname', '=', 'Агеев')
      .orderBy('given_name')
      .execute();
    expect(born).toEqual([
      { given_name: 'Олег', birth_date: '1985', birth_precision: 'year' },
      { given_name: 'Павел', birth_date: '1991', birth_precision: 'year' },
      { given_name: 'Роман', birth_date: '1989', birth_precision: 'year' },
    ]);
    // An age no serviceman has, or a word, stops the file at its line, naming the column.
    for (const [text, line] of [
      ['Фамилия;Имя;Возраст\nАгеев;Ян;41\nАгеев;Илья;8\n', 3],
      ['Фамилия;Имя;Возраст\nАгеев;Илья;много\n', 2],
    ] as const) {
      const bad = await cli(new TextEncoder().encode(text));
      expect(bad.state).toBe('failed');
      expect(bad.error).toMatchObject({ line, key: 'imports.errors.age', params: { column: 'Возраст', max: 75 } });
    }
  });

  it('refuses a file it cannot read as a list, with the reason', async () => {
    const refused = async (bytes: Uint8Array) => {
      try {
        await cli(bytes);
        return 'accepted';
      } catch (err) {
        if (!(err instanceof Invalid)) throw err;
        return err.problems[0].key;
      }
    };
    expect(await refused(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toBe('imports.errors.utf16');
    expect(await refused(new Uint8Array([0x50, 0x4b, 3, 4]))).toBe('imports.errors.spreadsheet');
    expect(await refused(new Uint8Array(Buffer.from('12.05.1990,Иванов,Пётр\n')))).toBe('imports.errors.noHeader');
    expect(
      await refused(new TextEncoder().encode(`${Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',')}\n`)),
    ).toBe('imports.errors.tooManyColumns');
    expect(await refused(new Uint8Array([0x80, 0x81, 0x82, 0x0a]))).toBe('imports.errors.encoding');
  });

  it('reads Windows-1251 and maps another header, from upload to import as on the web', async () => {
    const text = 'Фамилия;Имя;Год рождения;Воинская часть\r\nВасильев;Семён;1993;в/ч 54321\r\n';
    const cp = cp1251(text);
    const grant = grantMatching(principalOf(s.w.caseworker.auth), 'import');
    const up = await uploadList(deps(), grant, { ...META, sourceName: 'Таблица группы' }, new Uint8Array(cp));
    expect(up.started).toBe(false);
    const form = await mappingForm(deps(), grant, up.importId);
    expect(form.header).toEqual(['Фамилия', 'Имя', 'Год рождения', 'Воинская часть']);
    expect(form.mapping).toMatchObject({
      surname: 'Фамилия',
      given_name: 'Имя',
      birth_date: 'Год рождения',
      unit: 'Воинская часть',
    });
    expect(form.samples[0]).toEqual(['Васильев', 'Семён', '1993', 'в/ч 54321']);
    await expect(startImport(deps(), grant, up.importId, { given_name: 'Имя' })).rejects.toBeInstanceOf(Invalid);
    await startImport(deps(), grant, up.importId, form.mapping);
    const outcome = await runningImport(up.importId);
    expect(outcome).toMatchObject({ state: 'done', added: 1 });
    const status = await importStatus(deps(), grant, up.importId);
    expect(status.view).toMatchObject({ state: 'done', addedRows: 1, encoding: 'windows-1251' });
    expect(status.waiting).toBeGreaterThan(0);
    // Another organisation's staff do not see it.
    await expect(
      importStatus(deps(), grantMatching(principalOf(s.w.otherOrgCaseworker.auth), 'import'), up.importId),
    ).rejects.toThrow();
  });

  it('spreads a «ФИО» column over the name fields, keeping whole a name it cannot split', async () => {
    const text = 'ФИО;Год рождения\nЯковлев Тимур Маратович;1990\nЛ.Р. Гарипов;1988\nАйдар Нурлан;1991\n';
    const grant = grantMatching(principalOf(s.w.caseworker.auth), 'import');
    const up = await uploadList(deps(), grant, { ...META, sourceName: 'Список ФИО' }, new TextEncoder().encode(text));
    const form = await mappingForm(deps(), grant, up.importId);
    expect(form.mapping).toMatchObject({ full_name: 'ФИО', birth_date: 'Год рождения' });
    await startImport(deps(), grant, up.importId, form.mapping);
    expect(await runningImport(up.importId)).toMatchObject({ state: 'done', added: 3 });
    const names = await s.t.opened.db
      .selectFrom('persons')
      .select(['surname', 'given_name', 'patronymic'])
      .where('surname', 'in', ['Яковлев', 'Гарипов', 'Айдар Нурлан'])
      .orderBy('surname')
      .execute();
    expect(names).toEqual([
      { surname: 'Айдар Нурлан', given_name: '', patronymic: null },
      { surname: 'Гарипов', given_name: 'Л.', patronymic: 'Р.' },
      { surname: 'Яковлев', given_name: 'Тимур', patronymic: 'Маратович' },
    ]);
  });

  it('closes a run whose process died and deletes an upload left at the mapping form for a day', async () => {
    const grant = grantMatching(principalOf(s.w.caseworker.auth), 'import');
    const text = new TextEncoder().encode('Фамилия;Имя\nЗайцев;Олег\n');
    const left = await uploadList(deps(), grant, { ...META, sourceName: 'Оставленный' }, text);
    const died = await uploadList(
      deps(),
      grant,
      { ...META, sourceName: 'Прерванный' },
      new TextEncoder().encode('Фамилия;Имя\nЗайцев;Игорь\n'),
    );
    await leftRunningByDeadProcess(died.importId);
    s.t.clock.advance(25 * 3600_000);
    expect(await maintainImports(deps())).toEqual({ stalled: 1, abandoned: 1 });
    const rows = await s.t.opened.db
      .selectFrom('person_imports')
      .select(['id', 'state', 'error_key'])
      .where('id', 'in', [left.importId, died.importId])
      .execute();
    expect(Object.fromEntries(rows.map((r) => [r.id, [r.state, r.error_key]]))).toEqual({
      [left.importId]: ['failed', 'imports.errors.abandoned'],
      [died.importId]: ['failed', 'imports.errors.interrupted'],
    });
    const parts = await s.t.opened.db
      .selectFrom('import_uploads')
      .select('import_id')
      .where('import_id', 'in', [left.importId, died.importId])
      .execute();
    expect(parts).toEqual([]);
  });

  it('closes only runs no process here is executing: live runs from the web and the command line stay, and are not counted', async () => {
    const grant = grantMatching(principalOf(s.w.caseworker.auth), 'import');
    // A live run held at its write until let go: meanwhile its heartbeat grows old.
    const hold = () => {
      let reach!: () => void;
      let release!: () => void;
      const reached = new Promise<void>((r) => {
        reach = r;
      });
      const released = new Promise<void>((r) => {
        release = r;
      });
      const progress: Progress = async (phase) => {
        if (phase !== 'writing') return;
        reach();
        await released;
      };
      return { progress, reached, release };
    };
    const fromWeb = hold();
    const web = await uploadList(
      deps(),
      grant,
      { ...META, sourceName: 'Идёт из веба' },
      new TextEncoder().encode('Фамилия;Имя\nВеберов;Олег\n'),
    );
    await startImport(deps(), grant, web.importId, (await mappingForm(deps(), grant, web.importId)).mapping, {
      progress: fromWeb.progress,
    });
    await fromWeb.reached;
    const fromCli = hold();
    const cliRun = cli(csv(['1,ОВД,Консольный,Игорь,,1990,,,,,,,']), { progress: fromCli.progress });
    await fromCli.reached;
    const dead = await uploadList(
      deps(),
      grant,
      { ...META, sourceName: 'Брошенный упавшим процессом' },
      new TextEncoder().encode('Фамилия;Имя\nУпавший;Пётр\n'),
    );
    await leftRunningByDeadProcess(dead.importId);
    s.t.clock.advance(11 * 60_000);
    expect(await maintainImports(deps())).toMatchObject({ stalled: 1 });
    const states = async () =>
      Object.fromEntries(
        (
          await s.t.opened.db
            .selectFrom('person_imports')
            .select(['source_name', 'state'])
            .where('source_name', 'in', ['Идёт из веба', META.sourceName, 'Брошенный упавшим процессом'])
            .where('created_at', '>=', new Date(s.t.clock.now().getTime() - 11 * 60_000).toISOString())
            .execute()
        ).map((r) => [r.source_name, r.state]),
      );
    expect(await states()).toEqual({
      'Идёт из веба': 'running',
      [META.sourceName]: 'running',
      'Брошенный упавшим процессом': 'failed',
    });
    // Asked again while they still go: nothing more to close.
    expect(await maintainImports(deps())).toMatchObject({ stalled: 0 });
    fromWeb.release();
    fromCli.release();
    expect(await runningImport(web.importId)).toMatchObject({ state: 'done', added: 1 });
    expect(await cliRun).toMatchObject({ state: 'done', added: 1 });
    expect(await states()).toEqual({
      'Идёт из веба': 'done',
      [META.sourceName]: 'done',
      'Брошенный упавшим процессом': 'failed',
    });
  });

  it("is not closed mid-write by another process's imports job: the job waits for the write and finds it done", async () => {
    // The server's imports job while `kintrace import` runs in a process of its own: a fresh copy
    // of the module, so this run is not among the runs it knows it executes.
    vi.resetModules();
    const server: typeof import('./imports.service.ts') = await import('./imports.service.ts');
    // The run held inside its write transaction, at its first row of persons, until let go.
    let reach!: () => void;
    let release!: () => void;
    const reached = new Promise<void>((r) => {
      reach = r;
    });
    const released = new Promise<void>((r) => {
      release = r;
    });
    const writes = new WeakSet<object>();
    let held = false;
    const hold: KyselyPlugin = {
      transformQuery: ({ node, queryId }) => {
        if (node.kind === 'InsertQueryNode' && JSON.stringify(node).includes('"name":"persons"')) writes.add(queryId);
        return node;
      },
      transformResult: async ({ result, queryId }) => {
        if (!held && writes.has(queryId)) {
          held = true;
          reach();
          await released;
        }
        return result;
      },
    };
    const run = importForOrganisation(
      { db: s.t.opened.db.withPlugin(hold), clock: s.t.clock },
      systemPrincipal('import'),
      org(),
      { ...META, sourceName: 'Долгая запись' },
      csv(['1,ОВД,Долгописцев,Игорь,,1990,,,,,,,']),
    );
    await reached;
    // A write longer than the job's patience: the heartbeat as old as a dead process's.
    s.t.clock.advance(11 * 60_000);
    const job = server.maintainImports(deps());
    let settled = false;
    void job.finally(() => {
      settled = true;
    });
    if (dialect === 'postgres') {
      // Let go once the job's step waits on the row the write holds (or the job is over: the bug).
      const waiting = async () =>
        Number(
          (
            await sql<{ n: number }>`select count(*) as n from pg_stat_activity
              where datname = current_database() and wait_event_type = 'Lock'`.execute(s.t.opened.db)
          ).rows[0].n,
        ) > 0;
      while (!settled && !(await waiting()));
    }
    // SQLite: the job's first query waits for the write (one writer; here, one connection).
    release();
    expect(await run).toMatchObject({ state: 'done', added: 1, error: null });
    expect(await job).toMatchObject({ stalled: 0 });
    const row = await s.t.opened.db
      .selectFrom('person_imports')
      .select(['state', 'error_key'])
      .where('source_name', '=', 'Долгая запись')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'done', error_key: null });
  });
});
