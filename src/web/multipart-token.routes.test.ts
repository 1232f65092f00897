import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { countRows, DIALECTS } from '../../test/helpers/db.ts';
import { startApp } from '../../test/helpers/browser.ts';
import { multipartBody } from '../../test/helpers/multipart.ts';
import { browserOf } from '../../test/helpers/not-sent.ts';
import { Visitor } from '../../test/helpers/visitor.ts';
import { multipart, sentAppeal } from '../appeals/appeals.fixtures.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { jpegWithGps } from '../evidence/evidence.fixtures.ts';

// A form that may carry a file (multipart) carried its CSRF token in its action (`?_csrf=…`), so
// after a refused upload, and on the anonymous tip form, the token sat in the address bar and the
// browser's history. Now it is the body's first field, checked before any file part is read: a
// body whose first field is not the token is refused (403) like any bad token, and nothing of it
// is stored — a token in the query string no longer counts.

/** Each multipart form of a page: its action, and the name of its first field. */
const multipartForms = (html: string) =>
  [...html.matchAll(/<form\b([^>]*enctype="multipart\/form-data"[^>]*)>\s*<(input|select|textarea)\b([^>]*)>/g)].map(
    ([, open, , first]) => ({
      action: /action="([^"]*)"/.exec(open)?.[1] ?? '',
      first: /name="([^"]*)"/.exec(first)?.[1],
      hidden: /type="hidden"/.test(first),
    }),
  );

const tokenOf = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)![1];

describe.each(DIALECTS)('the CSRF token of a form with a file (%s)', (dialect) => {
  const s = useWorld(dialect);
  const db = () => s.t.opened.db;
  const stored = async () => ({
    tips: await countRows(db(), 'tips'),
    posts: await countRows(db(), 'tip_posts'),
    files: await countRows(db(), 'evidence_files'),
    steps: await countRows(db(), 'appeal_steps'),
    imports: await countRows(db(), 'person_imports'),
  });

  const tipFields = () => ({
    organisation: s.w.orgA.id,
    surname: 'Ковалев',
    what_happened: 'Видел его в госпитале. МАРКЕР-ТОКЕН-В-ТЕЛЕ',
    how_known: 'saw_myself',
  });

  it('is never in a form’s action: it is the first field of every form that takes a file', async () => {
    const sender = new Visitor(s.t.app);
    const newTip = await sender.get('/tips/new');
    const sent = await sender.submit(null, '/tips/new', tipFields());
    expect(sent.url).toBe('/tip/receipt');
    const tipPage = await sender.get('/tip');
    const appeal = await sentAppeal(s.t.app, s.w.caseId, s.w.family.cookies);
    const appealPage = await browserOf(s.t.app, s.w.family).get(`/appeals/${appeal}`);
    const importPage = await browserOf(s.t.app, s.w.verifier).get('/staff/imports/new');
    const forms = [newTip, tipPage, appealPage, importPage].flatMap((p) => multipartForms(p.body));
    expect(forms.map((f) => f.action)).toEqual(['/tips/new', '/tip/add', `/appeals/${appeal}/steps`, '/staff/imports']);
    for (const f of forms) expect(f, f.action).toMatchObject({ first: '_csrf', hidden: true });
    for (const p of [newTip, tipPage, appealPage, importPage]) expect(p.body).not.toMatch(/action="[^"]*_csrf/);
  });

  it('a tip whose body does not start with the token is refused, what was typed kept, nothing stored', async () => {
    const sender = new Visitor(s.t.app);
    const token = tokenOf((await sender.get('/tips/new')).body);
    const cookie = [...sender.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const photo = { bytes: await jpegWithGps(), name: 'IMG_7731.jpg', type: 'image/jpeg' };
    const post = async (url: string, fields: Record<string, string>, file = photo) => {
      const { payload, type } = await multipartBody(fields, file);
      return s.t.app.inject({ method: 'POST', url, payload, headers: { 'content-type': type, cookie } });
    };
    const before = await stored();
    for (const [label, res] of [
      // a page opened before the token moved: its action still carries it
      ['in the query only', await post(`/tips/new?_csrf=${encodeURIComponent(token)}`, tipFields())],
      ['after another field', await post('/tips/new', { ...tipFields(), _csrf: token })],
      ['none at all', await post('/tips/new', tipFields())],
      ['a wrong one first', await post('/tips/new', { _csrf: `${token}x`, ...tipFields() })],
    ] as const) {
      expect(res.statusCode, label).toBe(403);
      expect(res.body, label).toContain('Форма не отправлена');
      expect(res.body, label).toContain('МАРКЕР-ТОКЕН-В-ТЕЛЕ');
      expect(res.body, label).toContain('файл выберите заново');
      expect(res.body, label).not.toContain('IMG_7731');
      // the form again: its token in its body, not in its action
      expect(res.body, label).toMatch(
        /action="\/tips\/new" enctype="multipart\/form-data"[^>]*>\s*<input type="hidden" name="_csrf"/,
      );
    }
    // A body whose very first part is the file, the token after it: refused before a byte is kept.
    const fd = new FormData();
    fd.append('file', new Blob([new Uint8Array(photo.bytes)], { type: photo.type }), photo.name);
    fd.append('_csrf', token);
    for (const [k, v] of Object.entries(tipFields())) fd.append(k, v);
    const fileFirst = new Response(fd);
    const res = await s.t.app.inject({
      method: 'POST',
      url: '/tips/new',
      payload: Buffer.from(await fileFirst.arrayBuffer()),
      headers: { 'content-type': fileFirst.headers.get('content-type')!, cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(await stored()).toEqual(before);

    // The same form with its token first is sent.
    const sent = await post('/tips/new', { _csrf: token, ...tipFields() });
    expect(sent.statusCode).toBe(303);
    expect(await stored()).toMatchObject({ tips: before.tips + 1, files: before.files + 1 });
  });

  it("an authority's answer and a list to import without the token first: refused, nothing stored", async () => {
    const id = await sentAppeal(s.t.app, s.w.caseId, s.w.family.cookies);
    const family = browserOf(s.t.app, s.w.family);
    const token = tokenOf((await family.get(`/appeals/${id}`)).body);
    const cookie = [...family.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const scan = { name: 'answer.jpg', type: 'image/jpeg', bytes: await jpegWithGps() };
    const before = await stored();
    const answer = multipart({ step: 'answer', on: '2026-03-01', summary: 'Сведений нет. МАРКЕР-ОТВЕТ' }, scan);
    const refused = await s.t.app.inject({
      method: 'POST',
      url: `/appeals/${id}/steps?_csrf=${encodeURIComponent(token)}`,
      payload: answer.payload,
      headers: { ...answer.headers, cookie },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('МАРКЕР-ОТВЕТ');

    const staff = browserOf(s.t.app, s.w.verifier);
    const staffToken = tokenOf((await staff.get('/staff/imports/new')).body);
    const list = multipart(
      { source_name: 'Сводка', source_kind: 'news' },
      { name: 'list.csv', type: 'text/csv', bytes: Buffer.from('Фамилия,Имя\nПестов,Иван\n') },
    );
    const importRefused = await s.t.app.inject({
      method: 'POST',
      url: `/staff/imports?_csrf=${encodeURIComponent(staffToken)}`,
      payload: list.payload,
      headers: { ...list.headers, cookie: [...staff.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(importRefused.statusCode).toBe(403);
    expect(await stored()).toEqual(before);
  });
});

describe('a large upload refused for its token', () => {
  /** POSTs with Node's client on a keep-alive connection: the answer, and whether the whole body went. */
  const post = (agent: http.Agent, url: string, body: Buffer, type: string) =>
    new Promise<{ status?: number; written?: true; error?: string }>((resolve) => {
      const out: { status?: number; written?: true; error?: string } = {};
      let waiting = 2;
      const settle = () => {
        if (--waiting === 0) resolve(out);
      };
      const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': type } }, (res) => {
        out.status = res.statusCode;
        res.resume();
        res.on('end', settle);
      });
      req.on('finish', () => {
        out.written = true;
        settle();
      });
      req.on('error', (err) => {
        out.error = String(err);
        resolve(out);
      });
      req.end(body);
    });

  // The plain refusal reads nothing of the body; what is left of it is let through to nowhere, so
  // the browser finishes sending and sees the answer. Without that, the part read before the check
  // held the rest of the upload still, and the connection was reset when the server gave up on it.
  it('is answered whole, and the connection goes on serving', async () => {
    const run = await startApp();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const { payload, type } = await multipartBody(
        { source_name: 'Сводка' },
        { bytes: Buffer.alloc(8 * 1024 * 1024, 0x41), name: 'list.csv', type: 'text/csv' },
      );
      for (const path of ['/staff/imports', '/tips/new', '/staff/imports'])
        expect(await post(agent, `${run.baseUrl}${path}`, payload, type), path).toEqual({ status: 403, written: true });
    } finally {
      agent.destroy();
      await run.close();
    }
  });
});
