import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { queryRecorder } from '../../test/helpers/query-recorder.ts';
import { buildApp } from '../app.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { grantMatching } from '../policy/matching.policy.ts';
import { principalOf } from '../policy/principal.ts';
import { runningImport, uploadList } from './imports.service.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { localDate } from '../web/time.ts';

// The imports pages ask the database for what they show, once: the form for a corrected file
// read the failed import twice (to authorise, then to show it), and the list of imports read
// every import's whole problem report (up to a hundred lines of JSON) to show how many lines
// were bad. Both databases.

const HEADER = 'record_id,source,surname,given_name,patronymic,birth_date,region,unit,status,event_date';
const csv = (rows: string[]) => new TextEncoder().encode(`${HEADER}\n${rows.join('\n')}\n`);

describe.each(DIALECTS)('the imports pages (%s)', (dialect) => {
  const s = useWorld(dialect);
  const recorder = queryRecorder('person_imports');
  let app: FastifyInstance;
  let failedId: string;
  beforeAll(async () => {
    // The same app, its queries of person_imports recorded.
    app = await buildApp({
      config: s.t.config,
      db: s.t.opened.db.withPlugin(recorder.plugin),
      dialect: s.t.opened.dialect,
      clock: s.t.clock,
    });
    const grant = grantMatching(principalOf(s.w.caseworker.auth), 'import');
    const up = await uploadList(
      { db: s.t.opened.db, clock: s.t.clock },
      grant,
      { sourceName: 'Сводка с ошибками', sourceKind: 'news', verification: 'reported' },
      csv(['1,ОВД,Кузнецов2,Андрей,,,,,,', '2,ОВД,,Баир,,,,,,', '3,ОВД,Смирнова,Ольга,,,,,,']),
    );
    expect((await runningImport(up.importId))?.state).toBe('failed');
    failedId = up.importId;
  });
  afterAll(() => app?.close());

  const get = async (url: string, cookies = s.w.caseworker.cookies) => {
    recorder.seen.length = 0;
    return app.inject({ method: 'GET', url, cookies });
  };

  it('the form for a corrected file reads the failed import once, and not another organisation’s', async () => {
    const form = await get(`/staff/imports/new?again=${failedId}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Для списка «Сводка с ошибками»');
    expect(form.body).toContain(`name="again" value="${failedId}"`);
    expect(form.body).toContain('value="Сводка с ошибками"');
    expect(recorder.seen.map((q) => q.kind)).toEqual(['SelectQueryNode']);
    expect((await get(`/staff/imports/new?again=${failedId}`, s.w.otherOrgCaseworker.cookies)).statusCode).toBe(404);
  });

  it('the list says how many lines were bad without reading the problem reports', async () => {
    const list = await get('/staff/imports');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('не импортирован: ошибки в 2 строках');
    const selects = recorder.seen.filter((q) => q.kind === 'SelectQueryNode');
    expect(selects).toHaveLength(1);
    expect(selects[0].json).toContain('"problem_lines"');
    expect(selects[0].json).not.toContain('"problems"');
    expect(selects[0].json).not.toContain('SelectAllNode');
  });

  it('the list shows the list’s own date and the upload day in two labelled columns, «—» for no date', async () => {
    const grant = grantMatching(principalOf(s.w.caseworker.auth), 'import');
    await uploadList(
      { db: s.t.opened.db, clock: s.t.clock },
      grant,
      {
        sourceName: 'Список с датой',
        sourceDate: parsePartialDate('03.2026') ?? undefined,
        sourceKind: 'news',
        verification: 'reported',
      },
      csv(['1,ОВД,Орлов,Олег,,,,,,']),
    );
    const uploaded = localDate(s.t.clock.now().toISOString(), s.t.config.timeZone);
    const cells = (body: string, name: string) => {
      const row = body.split('<tr>').find((r) => r.includes(`>${name}</a>`)) ?? '';
      return [...row.matchAll(/<td data-label="([^"]+)">([^<]*)</g)].map((m) => [m[1], m[2]]);
    };
    const ru = (await get('/staff/imports')).body;
    expect(ru).toContain('<th scope="col">Дата списка</th>');
    expect(ru).toContain('<th scope="col">Загружено</th>');
    expect(cells(ru, 'Список с датой').slice(0, 2)).toEqual([
      ['Дата списка', '03.2026'],
      ['Загружено', uploaded],
    ]);
    // No date of its own: a dash, never the upload day passed off as the list's date.
    expect(cells(ru, 'Сводка с ошибками').slice(0, 2)).toEqual([
      ['Дата списка', '—'],
      ['Загружено', uploaded],
    ]);
    const en = (await get('/staff/imports?lang=en')).body;
    expect(cells(en, 'Список с датой').slice(0, 2)).toEqual([
      ['Date of the list', '03.2026'],
      ['Uploaded', uploaded],
    ]);
  });
});
