import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DIALECTS } from '../../test/helpers/db.ts';
import { formsOf, Visitor } from '../../test/helpers/visitor.ts';
import { multipartBody } from '../../test/helpers/multipart.ts';
import { grantFor, useWorld } from '../cases/cases.fixtures.ts';
import { addEvent } from '../cases/events.service.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { MINUTE } from '../shared/clock.ts';
import type { TestUser } from '../../test/helpers/factories.ts';
import type { FastifyInstance } from 'fastify';
import { rotateOrganisationKey } from '../accounts/org-key-rotation.service.ts';

// Anonymous tips end to end over HTTP, on both databases: a stranger sends one and gets a code
// shown once; staff of the chosen organisation read it, answer, attach it to a case; the sender
// comes back with the code, reads the answer, adds more, deletes it. Nobody else sees any of it.

const WHAT = 'Видел его в подвале в Рыльске в феврале. МАРКЕР-ПОДСКАЗКА-5521';
const ADDED = 'Ещё: их было пятеро. МАРКЕР-ДОПОЛНЕНИЕ-8830';
const REPLY = 'Спасибо, проверяем. МАРКЕР-ОТВЕТ-1177';

const asUser = (app: FastifyInstance, u: TestUser): Visitor => {
  const v = new Visitor(app);
  for (const [k, val] of Object.entries(u.cookies)) v.cookies.set(k, val);
  return v;
};

const codeOn = (html: string): string => {
  const m = /<code class="secret receipt">([\s\S]*?)<\/code>/.exec(html);
  if (!m) throw new Error('no receipt code on the page');
  return m[1].replace(/<wbr\/?>/g, '');
};

describe.each(DIALECTS)('anonymous tips (%s)', (dialect) => {
  const s = useWorld(dialect);

  const tipIdOf = async (code: string): Promise<string> =>
    (
      await s.t.opened.db
        .selectFrom('tips')
        .select('id')
        .where('lookup_id', '=', code.replace(/-/g, '').slice(0, 8))
        .executeTakeFirstOrThrow()
    ).id;

  const sendTip = async (fields: Record<string, string> = {}) => {
    const sender = new Visitor(s.t.app);
    const page = await sender.submit('/tips/new', '/tips/new', {
      organisation: s.w.orgA.id,
      surname: 'Иванов',
      given_name: 'Пётр',
      what_happened: WHAT,
      event_date: '02.2026',
      place: 'Рыльск',
      how_known: 'saw_myself',
      ...fields,
    });
    return { sender, page };
  };

  it('a stranger sends a tip and sees the receipt code exactly once', async () => {
    const { sender, page } = await sendTip();
    expect(page.status).toBe(200);
    expect(page.url).toBe('/tip/receipt');
    const code = codeOn(page.body);
    expect(code.replace(/-/g, '')).toMatch(/^[0-9A-HJKMNP-TV-Z]{24}$/);
    // The visit's cookie is scoped to /tip, HttpOnly and strict; no account cookie is set.
    const post = sender.history.find((h) => h.method === 'POST')!;
    const setCookie = String(post.headers['set-cookie']);
    expect(setCookie).toMatch(/kt_tip=[^;]+;.*Path=\/tip/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).not.toMatch(/kt_session/);
    // Shown once: a reload lands on the tip, without the code.
    const again = await sender.get('/tip/receipt');
    expect(again.url).toBe('/tip');
    expect(again.body).toContain('Видел его в подвале');
    expect(again.body).not.toContain(code);
    // Only a slow hash of the code is stored, and the lookup id is its first 8 characters.
    const row = await s.t.opened.db
      .selectFrom('tips')
      .selectAll()
      .where('lookup_id', '=', code.replace(/-/g, '').slice(0, 8))
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(code.replace(/-/g, '').slice(8));
    expect(JSON.stringify(row)).not.toContain('Иванов');
    expect(row.content_sealed).toMatch(/^g1\./);
  });

  it('refuses a tip without what happened, keeps what was typed, and stores nothing', async () => {
    const before = await s.t.opened.db.selectFrom('tips').select('id').execute();
    const { page } = await sendTip({ what_happened: '', how_known: '', surname: 'Сидоров1' });
    expect(page.status).toBe(400);
    expect(page.body).toContain('Сидоров1');
    expect(page.body).toContain('aria-invalid="true"');
    expect(await s.t.opened.db.selectFrom('tips').select('id').execute()).toHaveLength(before.length);
  });

  it('refuses a 30 000-character story with its limit and hands back every character (sent beside a file field)', async () => {
    // Cyrillic is two bytes a character: a 20 000-byte multipart field limit once kept 10 000 of them.
    const story = `${'Он звонил из Курска в феврале. '.repeat(1000)}КОНЕЦ-РАССКАЗА-7713`;
    expect(story.length).toBeGreaterThan(30_000);
    const { page } = await sendTip({ what_happened: story });
    expect(page.status).toBe(400);
    expect(page.body).toContain('не больше 5\u00a0000');
    expect(page.body).toContain(story);
    expect(page.body).not.toMatch(/<textarea[^>]*maxlength/i);
  });

  it("gives «when it was» its own examples, not the birth date's", async () => {
    const form = (await s.t.app.inject({ method: 'GET', url: '/tips/new' })).body;
    const hint = /<small id="event_date-hint">([^<]*)<\/small>/.exec(form)?.[1] ?? '';
    expect(hint).toContain('20.02.2025');
    expect(hint).not.toContain('1998');
  });

  it('says who reads the tip and how to choose the organisation when there is more than one', async () => {
    const form = (await s.t.app.inject({ method: 'GET', url: '/tips/new' })).body;
    const hint = /<small id="organisation-hint">([^<]*)<\/small>/.exec(form)?.[1] ?? '';
    expect(hint).toContain('прочитают только сотрудники выбранной организации');
    expect(hint).toContain('Если не знаете, какую выбрать');
  });

  it('a tip that contradicts a confirmed death is attached, and the death then reads disputed', async () => {
    const deps = { db: s.t.opened.db, clock: s.t.clock };
    await addEvent(
      deps,
      await grantFor(s.t, s.w.verifier, s.w.caseId, 'add_event'),
      {
        kind: 'death_confirmed',
        date: parsePartialDate('2026-01-20') ?? undefined,
        source: 'official',
        place: undefined,
        description: undefined,
        verification: 'confirmed',
      },
      { reason: 'Извещение военкомата' },
    );
    const { page } = await sendTip();
    const tipId = await tipIdOf(codeOn(page.body));
    const caseworker = asUser(s.t.app, s.w.caseworker);
    // Seen taken prisoner in February, after the official date of death: a warning, never a 500.
    const attached = await caseworker.submit(`/staff/tips/${tipId}`, `/staff/tips/${tipId}/attach`, {
      case_ref: s.w.caseId,
      kind: 'captured',
      description: 'Видели в плену в феврале.',
    });
    expect(attached.status).toBe(200);
    expect(attached.url).toContain('done=attached');
    const staffCase = await caseworker.get(`/cases/${s.w.caseId}`);
    expect(staffCase.body).toContain('Видели в плену в феврале.');
    // The contradiction stays open for a verifier: the death is no longer shown as confirmed.
    const family = await asUser(s.t.app, s.w.family).get(`/cases/${s.w.caseId}`);
    expect(family.body).toContain('сведения о гибели противоречат друг другу');
  });

  it('the whole conversation: staff read, answer and attach it; the sender reads, adds more and deletes', async () => {
    const { sender, page } = await sendTip();
    const code = codeOn(page.body);
    const caseworker = asUser(s.t.app, s.w.caseworker);

    const tipId = await tipIdOf(code);
    const queue = await caseworker.get('/staff/tips?filter=new');
    expect(queue.status).toBe(200);
    expect(queue.body).toContain(`href="/staff/tips/${tipId}"`);
    expect(queue.body).toContain('Иванов Пётр');
    const staffQueue = await caseworker.get('/staff');
    expect(staffQueue.body).toContain('/staff/tips');

    const tipPage = await caseworker.get(`/staff/tips/${tipId}`);
    expect(tipPage.body).toContain('Видел его в подвале');
    // The case of the same surname is offered for attaching.
    expect(tipPage.body).toContain(`value="${s.w.caseId}"`);
    const audit = await s.t.opened.db.selectFrom('audit_log').selectAll().where('tip_id', '=', tipId).execute();
    expect(audit.map((a) => a.action)).toContain('tip.read_with_cases');

    const replied = await caseworker.submit(null, `/staff/tips/${tipId}/reply`, { body: REPLY });
    expect(replied.url).toContain('done=replied');
    expect(replied.body).toContain(REPLY);

    // The sender leaves and comes back with the code, typed carelessly.
    await sender.submit('/tip', '/tip/leave');
    expect((await sender.get('/tip')).body).toContain('name="code"');
    const typed = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
    const back = await sender.submit('/tip', '/tip/open', { code: typed });
    expect(back.url).toBe('/tip');
    expect(back.body).toContain(REPLY);
    expect(back.body).not.toContain(s.w.caseworker.pseudonym);

    const added = await sender.submit(null, '/tip/add', { body: ADDED });
    expect(added.body).toContain(ADDED);
    const wrote = await caseworker.get('/staff/tips?filter=sender_wrote');
    expect(wrote.body).toContain(`/staff/tips/${tipId}`);

    const attached = await caseworker.submit(`/staff/tips/${tipId}`, `/staff/tips/${tipId}/attach`, {
      case_ref: s.w.caseId,
      kind: 'detained',
      description: 'Задержан, по сообщению очевидца, в Рыльске.',
    });
    expect(attached.url).toContain('done=attached');
    const familyCase = await asUser(s.t.app, s.w.family).get(`/cases/${s.w.caseId}`);
    expect(familyCase.body).toContain('Задержан, по сообщению очевидца');
    expect(familyCase.body).toContain('Анонимное сообщение');
    expect(familyCase.body).not.toContain('МАРКЕР-ПОДСКАЗКА');

    const closed = await caseworker.submit(`/staff/tips/${tipId}`, `/staff/tips/${tipId}/close`, {
      reason: 'attached',
    });
    expect(closed.url).toContain('done=closed');
    // The sender adds again: the tip opens as new.
    await sender.submit('/tip', '/tip/add', { body: 'И ещё одно.' });
    const state = await s.t.opened.db.selectFrom('tips').select('state').where('id', '=', tipId).executeTakeFirst();
    expect(state?.state).toBe('new');

    const confirm = await sender.get('/tip/delete');
    expect(confirm.status).toBe(200);
    const deleted = await sender.submit(null, '/tip/delete');
    expect(deleted.url).toContain('done=deleted');
    for (const table of ['tips', 'tip_posts', 'tip_sessions'] as const) {
      const rows = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE ${sql.ref(
        table === 'tips' ? 'id' : 'tip_id',
      )} = ${tipId}`.execute(s.t.opened.db);
      expect(Number(rows.rows[0].n), table).toBe(0);
    }
    // The code opens nothing any more; the event in the case stays (the organisation's record).
    const gone = await new Visitor(s.t.app).submit('/tip', '/tip/open', { code });
    expect(gone.status).toBe(400);
    expect((await asUser(s.t.app, s.w.caseworker).get(`/staff/tips/${tipId}`)).status).toBe(404);
    expect((await asUser(s.t.app, s.w.family).get(`/cases/${s.w.caseId}`)).body).toContain('Задержан, по сообщению');
  });

  // A code written down on paper is typed back on a phone's Russian keyboard: Н, Т, С, М… look
  // like the Latin letters of the code and are what the sender types without switching layout.
  it('opens with the code typed in Cyrillic letters that look like its Latin ones', async () => {
    const { sender, page } = await sendTip();
    const code = codeOn(page.body);
    await sender.submit('/tip', '/tip/leave');
    const latin = 'ABCEHKMPTXY';
    const cyrillic = 'АВСЕНКМРТХУ';
    const typed = [...code].map((ch) => cyrillic[latin.indexOf(ch)] ?? ch).join('');
    const back = await sender.submit('/tip', '/tip/open', { code: typed.toLowerCase() });
    expect(back.url).toBe('/tip');
    expect(back.body).toContain('Видел его в подвале');
  });

  // Someone comes into the room while the sender reads the answer. The visit's cookie lives under
  // /tip only, so the exit on the tip's pages is /tip/exit, which receives it and ends the visit on
  // the server: Back, in a browser that ignores Clear-Site-Data, finds the code form, not the tip.
  it('quick exit from the tip ends the visit on the server, with no CSRF token', async () => {
    const { sender } = await sendTip();
    const tipPage = await sender.get('/tip');
    expect(tipPage.body).toContain('Видел его в подвале');
    expect(tipPage.body).toContain('<form class="quick-exit" method="post" action="/tip/exit">');
    const visit = sender.cookies.get('kt_tip')!;
    const out = await s.t.app.inject({ method: 'POST', url: '/tip/exit', cookies: { kt_tip: visit } });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('https://yandex.ru/pogoda');
    expect(String(out.headers['clear-site-data'])).toBe('"cache", "cookies", "storage"');
    expect(String(out.headers['set-cookie'])).toMatch(/kt_tip=;.*Path=\/tip/);
    const back = await s.t.app.inject({ method: 'GET', url: '/tip', cookies: { kt_tip: visit } });
    expect(back.body).not.toContain('Видел его в подвале');
    expect(back.body).toContain('name="code"');
  });

  it('nobody but the organisation chosen and the sender sees a tip', async () => {
    const { page } = await sendTip();
    const code = codeOn(page.body);
    const tipId = await tipIdOf(code);
    for (const u of [s.w.family, s.w.editor, s.w.otherOrgCaseworker, s.w.otherOrgAdmin]) {
      const v = asUser(s.t.app, u);
      const res = await v.request('GET', `/staff/tips/${tipId}`, undefined, false);
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('МАРКЕР-ПОДСКАЗКА');
      const list = await v.request('GET', '/staff/tips', undefined, false);
      expect([404, 200]).toContain(list.status);
      expect(list.body).not.toContain(tipId);
    }
    // Another organisation's admin lists its own (empty) tips, never this one.
    const other = await asUser(s.t.app, s.w.otherOrgAdmin).get('/staff/tips?filter=new');
    expect(other.body).not.toContain(tipId);
    // A visitor with no code, or another tip's visit, gets the code form.
    const stranger = await new Visitor(s.t.app).get('/tip');
    expect(stranger.body).not.toContain('МАРКЕР-ПОДСКАЗКА');
  });

  it('five wrong codes lock that code for 15 minutes, even the right one; then it opens', async () => {
    const { page } = await sendTip();
    const code = codeOn(page.body).replace(/-/g, '');
    const wrong = `${code.slice(0, 8)}${code.slice(8).split('').reverse().join('')}`;
    const guesser = new Visitor(s.t.app);
    for (let i = 0; i < 5; i++) {
      const res = await guesser.submit('/tip', '/tip/open', { code: wrong });
      expect(res.status).toBe(400);
    }
    const locked = await guesser.submit('/tip', '/tip/open', { code });
    expect(locked.status).toBe(429);
    expect(locked.body).not.toContain('МАРКЕР-ПОДСКАЗКА');
    // A lookup id that does not exist is refused the same way (and locks the same way).
    const none = await guesser.submit('/tip', '/tip/open', { code: `ZZZZZZZZ${code.slice(8)}` });
    expect(none.status).toBe(400);
    expect(none.body).toContain('не найдено');
    s.t.clock.advance(16 * MINUTE);
    const opened = await guesser.submit('/tip', '/tip/open', { code });
    expect(opened.status).toBe(200);
    expect(opened.body).toContain('МАРКЕР-ПОДСКАЗКА');
    // A code of the wrong shape says so without spending a try.
    const short = await new Visitor(s.t.app).submit('/tip', '/tip/open', { code: 'ABC' });
    expect(short.status).toBe(400);
    expect(short.body).toContain('24 знаков');
  });

  it('after an organisation key rotation staff still read the tip and the code still opens it', async () => {
    const { page } = await sendTip();
    const code = codeOn(page.body);
    await rotateOrganisationKey(
      { db: s.t.opened.db, clock: s.t.clock, config: s.t.config },
      s.w.admin.auth,
      s.w.orgA.id,
    );
    const tipId = await tipIdOf(code);
    expect((await asUser(s.t.app, s.w.caseworker).get(`/staff/tips/${tipId}`)).body).toContain('МАРКЕР-ПОДСКАЗКА');
    const back = await new Visitor(s.t.app).submit('/tip', '/tip/open', { code });
    expect(back.body).toContain('МАРКЕР-ПОДСКАЗКА');
  });

  // Last: it moves the clock past the idle time of every session of this world.
  it('an addition or a deletion sent after the visit ended is told so on the code form, what was typed kept', async () => {
    const { sender, page } = await sendTip();
    const tipId = await tipIdOf(codeOn(page.body));
    await sender.get('/tip');
    // A long addition, written on a phone for longer than the visit's idle time.
    s.t.clock.advance(31 * MINUTE);
    const ended = await sender.submit(null, '/tip/add', { body: `${ADDED}\nи ещё <b>строка</b>` });
    expect(ended.status).toBe(401);
    expect(ended.body).toContain('МАРКЕР-ДОПОЛНЕНИЕ-8830');
    expect(ended.body).toContain('и ещё &lt;b>строка&lt;/b>');
    expect(ended.body).toMatch(/<textarea[^>]*readonly/i);
    expect(ended.body).toContain('action="/tip/open"');
    expect(ended.body).toContain('визит');
    // Nothing was added, and the old visit is gone.
    const posts = await s.t.opened.db.selectFrom('tip_posts').select('id').where('tip_id', '=', tipId).execute();
    expect(posts).toHaveLength(0);
    expect((await sender.get('/tip')).body).not.toContain('МАРКЕР-ПОДСКАЗКА');
    // In English too.
    const { sender: other } = await sendTip();
    await other.get('/tip?lang=en');
    s.t.clock.advance(31 * MINUTE);
    const en = await other.submit(null, '/tip/add', { body: ADDED });
    expect(en.status).toBe(401);
    expect(en.body).toContain('МАРКЕР-ДОПОЛНЕНИЕ-8830');
    expect(en.body).toContain('visit');

    // A sender who hesitated on the delete page is told their tip was NOT deleted, not "not found".
    const { sender: hesitant, page: sent } = await sendTip();
    const kept = await tipIdOf(codeOn(sent.body));
    await hesitant.get('/tip/delete');
    s.t.clock.advance(31 * MINUTE);
    const late = await hesitant.submit(null, '/tip/delete');
    expect(late.status).toBe(401);
    expect(late.body).toContain('не удалено');
    expect(late.body).toContain('action="/tip/open"');
    expect(await s.t.opened.db.selectFrom('tips').select('id').where('id', '=', kept).execute()).toHaveLength(1);
  });
});

describe.each(DIALECTS)('files sent with tips (%s)', (dialect) => {
  const s = useWorld(dialect);

  const postMultipart = async (
    v: Visitor,
    pageUrl: string,
    action: string,
    fields: Record<string, string>,
    file?: { bytes: Buffer; name: string; type: string },
  ) => {
    const page = await v.get(pageUrl);
    // The form's action is its path alone; its token is the body's first field, as a browser sends it.
    const form = formsOf(page.body).find((f) => f.action === action);
    expect(form, `multipart form on ${pageUrl}`).toBeDefined();
    expect(form!.enctype).toBe('multipart/form-data');
    expect(Object.keys(form!.fields)[0]).toBe('_csrf');
    const { payload, type } = await multipartBody({ _csrf: form!.fields._csrf, ...fields }, file);
    const url = action;
    const cookie = [...v.cookies].map(([k, val]) => `${k}=${val}`).join('; ');
    const res = await s.t.app.inject({ method: 'POST', url, payload, headers: { 'content-type': type, cookie } });
    for (const c of ([] as string[]).concat((res.headers['set-cookie'] as string[] | string | undefined) ?? [])) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      if (pair.slice(eq + 1)) v.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return res;
  };

  it('a photo sent with a tip loses its GPS; the sender and the staff download it; nobody else; deletion takes it', async () => {
    const { jpegWithGps, GPS_MARK, hasGpsIfd } = await import('../evidence/evidence.fixtures.ts');
    const sharp = (await import('sharp')).default;
    const photo = await jpegWithGps();
    expect(hasGpsIfd((await sharp(photo).metadata()).exif)).toBe(true);
    const sender = new Visitor(s.t.app);
    const sent = await postMultipart(
      sender,
      '/tips/new',
      '/tips/new',
      {
        organisation: s.w.orgA.id,
        what_happened: 'Фото из подвала. МАРКЕР-ФАЙЛ',
        how_known: 'saw_myself',
      },
      { bytes: photo, name: 'IMG_2231 Рыльск подвал.jpg', type: 'image/jpeg' },
    );
    expect(sent.statusCode).toBe(303);
    const receipt = await sender.get('/tip/receipt');
    const code = codeOn(receipt.body);
    const tip = await sender.get('/tip');
    const fileLink = /href="\/tip\/files\/([0-9a-f-]{36})"/.exec(tip.body);
    expect(fileLink).not.toBeNull();
    const fileId = fileLink![1];
    expect(tip.body).not.toContain('IMG_2231');

    const mine = await s.t.app.inject({
      method: 'GET',
      url: `/tip/files/${fileId}`,
      cookies: Object.fromEntries(sender.cookies),
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-disposition']).toMatch(/^attachment; filename="file-[0-9a-f]{8}\.jpg"$/);
    expect(mine.rawPayload.includes(Buffer.from(GPS_MARK))).toBe(false);
    expect(hasGpsIfd((await sharp(mine.rawPayload).metadata()).exif)).toBe(false);

    const tipId = (
      await s.t.opened.db
        .selectFrom('tips')
        .select('id')
        .where('lookup_id', '=', code.replace(/-/g, '').slice(0, 8))
        .executeTakeFirstOrThrow()
    ).id;
    const staffUrl = `/staff/tips/${tipId}/files/${fileId}`;
    const staff = await s.t.app.inject({ method: 'GET', url: staffUrl, cookies: s.w.caseworker.cookies });
    expect(staff.statusCode).toBe(200);
    expect(staff.rawPayload.equals(mine.rawPayload)).toBe(true);
    for (const u of [s.w.family, s.w.editor, s.w.otherOrgCaseworker])
      expect((await s.t.app.inject({ method: 'GET', url: staffUrl, cookies: u.cookies })).statusCode).toBe(404);
    // Another sender's visit, a file id of another tip, traversal and junk ids: not found.
    const other = new Visitor(s.t.app);
    await other.submit('/tips/new', '/tips/new', {
      organisation: s.w.orgA.id,
      what_happened: 'другое',
      how_known: 'other',
    });
    for (const url of [
      `/tip/files/${fileId}`,
      '/tip/files/..%2F..%2Fkintrace.sqlite',
      '/tip/files/%2e%2e',
      `/tip/files/${fileId}%00`,
    ])
      expect(
        (await s.t.app.inject({ method: 'GET', url, cookies: Object.fromEntries(other.cookies) })).statusCode,
        url,
      ).toBe(404);
    // Stored sealed: no byte of the clean photo, no name, in the row.
    const row = await s.t.opened.db
      .selectFrom('evidence_files')
      .selectAll()
      .where('id', '=', fileId)
      .executeTakeFirstOrThrow();
    expect(row.scope).toBe(`tip:${tipId}`);
    expect(Buffer.from(row.content).includes(mine.rawPayload.subarray(0, 64))).toBe(false);
    expect(row.original).toBeNull();

    // A file added later, alone, without words.
    const added = await postMultipart(
      sender,
      '/tip',
      '/tip/add',
      {},
      { bytes: await jpegWithGps(), name: 'b.jpg', type: 'image/jpeg' },
    );
    expect(added.statusCode).toBe(303);
    // Neither words nor a file: the form says what is missing.
    expect((await postMultipart(sender, '/tip', '/tip/add', {})).statusCode).toBe(400);
    // Something that is not a photo: refused with a message, nothing stored.
    const before = await s.t.opened.db
      .selectFrom('evidence_files')
      .select('id')
      .where('scope', '=', `tip:${tipId}`)
      .execute();
    const refused = await postMultipart(
      sender,
      '/tip',
      '/tip/add',
      { body: 'скрипт' },
      { bytes: Buffer.from('<script>alert(1)</script>'), name: 'x.jpg', type: 'image/jpeg' },
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('field-error');
    expect(
      await s.t.opened.db.selectFrom('evidence_files').select('id').where('scope', '=', `tip:${tipId}`).execute(),
    ).toHaveLength(before.length);
    expect(before).toHaveLength(2);
    // A file over 20 MB on the add form: the words come back beside the size error.
    const tooBig = await postMultipart(
      sender,
      '/tip',
      '/tip/add',
      { body: 'Ещё видел его в марте. МАРКЕР-БОЛЬШОЙ' },
      { bytes: Buffer.alloc(21 * 1024 * 1024, 1), name: 'scan.pdf', type: 'application/pdf' },
    );
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.body).toContain('Ещё видел его в марте. МАРКЕР-БОЛЬШОЙ');
    expect(tooBig.body).toContain('Файл больше 20 МБ.');
    expect(tooBig.body).toContain('выберите его ещё раз');

    await sender.submit('/tip/delete', '/tip/delete');
    expect(
      await s.t.opened.db.selectFrom('evidence_files').select('id').where('scope', '=', `tip:${tipId}`).execute(),
    ).toEqual([]);
  });

  // A witness's long account was lost when the file beside it was over the size limit: the limit
  // was raised before the fields were read. Now the form comes back filled in, the size error at
  // the file input (to be chosen again), with every other problem at once; nothing is stored.
  it('a file over the size limit keeps what was typed on the new tip form', async () => {
    const count = async () =>
      Number(
        (
          await s.t.opened.db
            .selectFrom('tips')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const res = await postMultipart(
      new Visitor(s.t.app),
      '/tips/new',
      '/tips/new',
      {
        organisation: s.w.orgA.id,
        surname: 'Ковалев',
        what_happened: 'Видел его живым 25 октября в госпитале в Ростове. МАРКЕР-РАЗМЕР',
        how_known: 'saw_myself',
        event_date: '32.10.2025',
      },
      { bytes: Buffer.alloc(21 * 1024 * 1024, 1), name: 'video.jpg', type: 'image/jpeg' },
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Видел его живым 25 октября в госпитале в Ростове. МАРКЕР-РАЗМЕР');
    expect(res.body).toContain('value="Ковалев"');
    expect(res.body).toMatch(/id="file-error"[^>]*>Файл больше 20 МБ\.[^<]*выберите его ещё раз/);
    expect(res.body).toContain('aria-invalid="true"');
    // every problem at once: the bad date too, not one per try
    expect(res.body).toContain('value="32.10.2025"');
    expect((res.body.match(/class="field-error"/g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(await count()).toBe(before);
  });

  it('a malformed multipart body is a 400, never a 500', async () => {
    const page = await new Visitor(s.t.app).get('/tips/new');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1];
    const cookie = String(page.headers['set-cookie']).split(';')[0];
    const first = `--x\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n`;
    for (const payload of [`${first}--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb`, 'garbage']) {
      const res = await s.t.app.inject({
        method: 'POST',
        url: '/tips/new',
        payload,
        headers: { 'content-type': 'multipart/form-data; boundary=x', cookie },
      });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    }
  });
});
