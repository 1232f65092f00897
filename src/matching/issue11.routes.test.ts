import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { formToken, submitForm, type Cookies } from '../../test/helpers/factories.ts';
import { caseInput, useWorld } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { importForOrganisation, runningImport } from '../imports/imports.service.ts';
import { MAX_FILE_BYTES } from '../imports/list-format.ts';
import { systemPrincipal } from '../policy/principal.ts';
import { forgetIndexes } from './index-registry.ts';
import { runMatching } from './scoring.service.ts';

// Issue 11 over HTTP, on both databases: search in any script with filters in the URL and a
// formula-safe CSV; an upload through the real multipart form to its self-refreshing page; a
// mapped list; a pair decided and undone from its page.

const LIST = [
  'record_id,source,surname,given_name,patronymic,birth_date,region,unit,status,event_date',
  '1,ОВД,Доржиев,Баир,Цыренович,1991,RU-BU,в/ч 23456,погиб,01.2026',
  '2,ОВД,Кузнецов,Андрей,Ильич,1987,RU-ROS,,,',
  '3,ОВД,Кузнецова,Мария,,1990,RU-ROS,,,',
].join('\n');

const multipart = (fields: Record<string, string>, file: { name: string; bytes: Buffer }) => {
  const boundary = '----kt11boundary';
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  const body = Buffer.concat([
    Buffer.from(parts.join('')),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
};

describe.each(DIALECTS)('issue 11 pages (%s)', (dialect) => {
  const s = useWorld(dialect);
  const deps = () => ({ db: s.t.opened.db, clock: s.t.clock });
  const get = (url: string, cookies: Cookies) => s.t.app.inject({ method: 'GET', url, cookies });

  it('finds people in any script, by diminutive and the other gender form; filters are in the URL', async () => {
    await importForOrganisation(
      deps(),
      systemPrincipal('import'),
      { id: s.w.orgA.id, publicKey: s.w.orgA.publicKey },
      { sourceName: 'Список', sourceKind: 'news', verification: 'reported' },
      new TextEncoder().encode(LIST),
    );
    const staff = s.w.caseworker.cookies;
    for (const q of ['Dorzhiev', 'Dorjiev', 'Доржиев', 'доржиева баир']) {
      const res = await get(`/staff/people?q=${encodeURIComponent(q)}`, staff);
      expect(res.statusCode, q).toBe(200);
      expect(res.body, q).toContain('Доржиев Баир Цыренович');
    }
    const kuz = await get(`/staff/people?q=${encodeURIComponent('Kuznetsova')}`, staff);
    expect(kuz.body).toContain('Кузнецов Андрей Ильич');
    expect(kuz.body).toContain('Кузнецова Мария');
    // The two Kuznetsovs: the exact gender form ranks first.
    expect(kuz.body.indexOf('Кузнецова Мария')).toBeLessThan(kuz.body.indexOf('Кузнецов Андрей'));
    const andrei = await get(`/staff/people?q=${encodeURIComponent('Андрюша Кузнецов')}`, staff);
    expect(andrei.body).toContain('Кузнецов Андрей Ильич');
    expect(andrei.body).not.toContain('Кузнецова Мария');
    const filtered = await get('/staff/people?q=Kuznetsov&year=1990&region=RU-ROS', staff);
    expect(filtered.body).toContain('Кузнецова Мария');
    expect(filtered.body).not.toContain('Андрей Ильич');
    const byStatus = await get('/staff/people?status=reported_dead', staff);
    expect(byStatus.body).toContain('Доржиев');
    expect(byStatus.body).not.toContain('Кузнецов Андрей');
    const bad = await get('/staff/people?q=x&year=19', staff);
    expect(bad.statusCode).toBe(400);
    // Another organisation's staff find nothing of organisation A's.
    const other = await get('/staff/people?q=Dorzhiev', s.w.otherOrgCaseworker.cookies);
    expect(other.statusCode).toBe(200);
    expect(other.body).not.toContain('Доржиев Баир');
  });

  it('exports the results as CSV with no cell a spreadsheet would run', async () => {
    await openCase(
      deps(),
      s.w.otherFamily.auth,
      caseInput(s.w.orgA.id, { surname: 'Шмелёв', unit_name: '=HYPERLINK("x")', unit_number: '' }),
    );
    const res = await get('/staff/people.csv?q=Шмелев', s.w.caseworker.cookies);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body).toContain('Шмелёв');
    expect(res.body).toContain(`"'=HYPERLINK(""x"")"`);
    for (const line of res.body.split('\n'))
      for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+@]/);
  });

  it('quotes a cell with a lone carriage return, so a spreadsheet keeps the row whole and runs no formula after it', async () => {
    await openCase(
      deps(),
      s.w.otherFamily.auth,
      caseInput(s.w.orgA.id, { surname: 'Шмелёв', unit_name: 'в/ч\r@SUM(1+1)', unit_number: '' }),
    );
    const res = await get('/staff/people.csv?q=Шмелев', s.w.caseworker.cookies);
    expect(res.body).toContain('"в/ч\r@SUM(1+1)"');
  });

  it('imports a list uploaded through the form, showing its progress on a page that refreshes itself', async () => {
    const staff = s.w.verifier.cookies;
    const { token, cookies } = await formToken(s.t.app, '/staff/imports/new', staff);
    const list = `${LIST.replace(/Доржиев/g, 'Цыбиков').replace(/Кузнецов/g, 'Пестов')}\n`;
    const { body, contentType } = multipart(
      {
        _csrf: token,
        source_name: 'Сводка за март',
        source_date: '03.2026',
        source_kind: 'news',
        verification: 'corroborated',
      },
      { name: 'list.csv', bytes: Buffer.from(list) },
    );
    const res = await s.t.app.inject({
      method: 'POST',
      url: '/staff/imports',
      cookies,
      payload: body,
      headers: { 'content-type': contentType },
    });
    expect(res.statusCode).toBe(303);
    const page = String(res.headers.location);
    expect(page).toMatch(/^\/staff\/imports\/[0-9a-f-]{36}$/);
    const running = runningImport(page.split('/').pop()!);
    const during = await get(page, staff);
    if (during.body.includes('идёт импорт')) expect(during.body).toContain('http-equiv="refresh"');
    await running;
    const after = await get(page, staff);
    expect(after.body).toContain('импорт завершён');
    expect(after.body).toContain('Добавлено записей: 3');
    expect(after.body).not.toContain('http-equiv="refresh"');
    // The same file again: refused on the form, nothing added.
    const again = multipart(
      { _csrf: token, source_name: 'Ещё раз', source_kind: 'news' },
      { name: 'list.csv', bytes: Buffer.from(list) },
    );
    const twice = await s.t.app.inject({
      method: 'POST',
      url: '/staff/imports',
      cookies,
      payload: again.body,
      headers: { 'content-type': again.contentType },
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('этот файл уже импортирован');
    // The day as every other date on the pages reads, not as the database keeps it (QA walk).
    expect(twice.body).toMatch(/уже импортирован \d{2}\.\d{2}\.\d{4} как «/);
  });

  it('refuses a file too large, and a list in UTF-16, with the reason on the form', async () => {
    const staff = s.w.caseworker.cookies;
    const { token, cookies } = await formToken(s.t.app, '/staff/imports/new', staff);
    const send = (bytes: Buffer) => {
      const { body, contentType } = multipart(
        { _csrf: token, source_name: 'Большой', source_kind: 'news' },
        { name: 'big.csv', bytes },
      );
      return s.t.app.inject({
        method: 'POST',
        url: '/staff/imports',
        cookies,
        payload: body,
        headers: { 'content-type': contentType },
      });
    };
    const big = await send(Buffer.alloc(MAX_FILE_BYTES + 1024, 0x41));
    expect(big.statusCode).toBe(413);
    expect(big.body).toContain('файл больше 64 МБ');
    const utf16 = await send(Buffer.from('\ufeffФамилия,Имя\n', 'utf16le'));
    expect(utf16.statusCode).toBe(400);
    expect(utf16.body).toContain('UTF-16');
    // A body cut short: a 400 with the form, never a 500.
    const cut = await s.t.app.inject({
      method: 'POST',
      url: '/staff/imports',
      cookies,
      payload: `--x\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc`,
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    });
    expect(cut.statusCode).toBe(400);
  });

  it("says «неизвестно» for a list's record without a service category, not the family's answer «Не знаю»", async () => {
    forgetIndexes();
    await importForOrganisation(
      deps(),
      systemPrincipal('import'),
      { id: s.w.orgA.id, publicKey: s.w.orgA.publicKey },
      { sourceName: 'Список', sourceKind: 'news', verification: 'reported' },
      new TextEncoder().encode(LIST),
    );
    await openCase(
      deps(),
      s.w.otherFamily.auth,
      caseInput(s.w.orgA.id, {
        surname: 'Доржиев',
        given_name: 'Баир',
        patronymic: 'Цыренович',
        birth_date: parsePartialDate('1991') ?? undefined,
        region: 'RU-BU',
        unit_number: 'в/ч 23456',
        unit_name: undefined,
        narrative: 'сын',
      }),
    );
    await runMatching(deps(), systemPrincipal('scheduler'));
    const queue = await get('/staff/matches', s.w.caseworker.cookies);
    const ids = [...queue.body.matchAll(/href="\/staff\/matches\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
    const pairs = await Promise.all(ids.map((id) => get(`/staff/matches/${id}`, s.w.caseworker.cookies)));
    const pair = pairs.find((p) => p.body.includes('Доржиев Баир'))!;
    expect(pair.statusCode).toBe(200);
    expect(pair.body).toContain('Вид службы');
    expect(pair.body).toContain('неизвестно');
    expect(pair.body).not.toContain('Не знаю');
    const recordId = /href="\/staff\/people\/([0-9a-f-]{36})"/.exec(pair.body)?.[1];
    const record = await get(`/staff/people/${recordId}`, s.w.caseworker.cookies);
    expect(record.body).toContain('Вид службы');
    expect(record.body).not.toContain('Не знаю');
  });

  it('decides a pair from its page, says what each field added, and undoes the merge', async () => {
    forgetIndexes();
    await openCase(
      deps(),
      s.w.otherFamily.auth,
      caseInput(s.w.orgA.id, { surname: 'Ivanov', given_name: 'Pyotr', narrative: 'брат' }),
    );
    await runMatching(deps(), systemPrincipal('scheduler'));
    const queue = await get('/staff/matches', s.w.caseworker.cookies);
    const id = /href="\/staff\/matches\/([0-9a-f-]{36})"/.exec(queue.body)?.[1];
    expect(id).toBeDefined();
    const pair = await get(`/staff/matches/${id}`, s.w.caseworker.cookies);
    expect(pair.body).toContain('Почему система так считает');
    expect(pair.body).toMatch(/Фамилия: [^<]*(совпадает|переставлена|одной буквой|звучит так же)/);
    // Each field's weight is a number as Russian writes it (+9,8), and as English does on its page.
    expect(pair.body).toMatch(/\([+−]\d+,\d\)<\/li>/);
    expect(pair.body).not.toMatch(/\([+−]\d+\.\d\)<\/li>/);
    const english = await get(`/staff/matches/${id}?lang=en`, s.w.caseworker.cookies);
    expect(english.body).toMatch(/\([+−]\d+\.\d\)<\/li>/);
    const { res } = await submitForm(s.t.app, `/staff/matches/${id}`, { decision: 'same' }, s.w.caseworker.cookies);
    expect(res.statusCode).toBe(303);
    const merged = await get(String(res.headers.location), s.w.caseworker.cookies);
    expect(merged.body).toContain('Записи объединены');
    // Each case of the pair now shows staff the other record's facts, and which record each is from.
    const caseId = /href="\/cases\/([0-9a-f-]{36})"/.exec(merged.body)?.[1];
    const casePage = await get(`/cases/${caseId}`, s.w.caseworker.cookies);
    expect(casePage.body).toContain('Сведения из других записей о нём');
    expect(casePage.body).toMatch(/из записи <a href="\/staff\/people\/[0-9a-f-]{36}">/);
    expect(casePage.body).toContain('Запись о человеке: возможные совпадения');
    const undoAction = /action="(\/staff\/merges\/[0-9a-f-]{36}\/undo)"/.exec(merged.body)?.[1];
    expect(undoAction).toBeDefined();
    const undone = await submitForm(
      s.t.app,
      `/staff/matches/${id}`,
      { candidate: id! },
      s.w.verifier.cookies,
      undoAction,
    );
    expect(undone.res.statusCode).toBe(303);
    const back = await get(String(undone.res.headers.location), s.w.verifier.cookies);
    expect(back.body).toContain('Объединение отменено');
    expect(back.body).toContain('ждёт решения');
  });
});
