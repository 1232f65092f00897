import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { Visitor } from '../../test/helpers/visitor.ts';
import { multipartBody } from '../../test/helpers/multipart.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { jpegWithGps } from '../evidence/evidence.fixtures.ts';
import { CSRF_COOKIE } from '../web/security.ts';

// A witness writes a long account in Tor Browser; meanwhile the browser drops the site's CSRF
// cookie (restarted, "new identity", the cookie cleared). The multipart form then fails its CSRF
// check before its body is read, and everything typed was lost on a bare "form expired" page.
// Now the form comes back filled in, with a fresh token and a message saying the file must be
// chosen again; nothing is stored, and sending again works. The check itself is not weakened.

const WHAT = 'Видел его в госпитале в Ростове 25 октября, ранен в ногу. МАРКЕР-CSRF-4410';
const ADDED = 'Ещё: госпиталь на улице Дачной. МАРКЕР-CSRF-ДОПОЛНЕНИЕ';

describe.each(DIALECTS)('a tip form whose CSRF cookie was lost (%s)', (dialect) => {
  const s = useWorld(dialect);

  const count = async (table: 'tips' | 'tip_posts' | 'evidence_files') =>
    Number(
      (
        await s.t.opened.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const fields = () => ({
    organisation: s.w.orgA.id,
    surname: 'Ковалев',
    given_name: 'Сергей',
    what_happened: WHAT,
    event_date: '25.10.2025',
    place: 'Ростов <b>госпиталь</b>',
    how_known: 'served_with',
  });

  const expectFormKept = (body: string) => {
    expect(body).toContain('value="Ковалев"');
    expect(body).toContain('value="Сергей"');
    expect(body).toContain(WHAT);
    expect(body).toContain('value="25.10.2025"');
    expect(body).toContain('value="Ростов &lt;b>госпиталь&lt;/b>"');
    expect(body).toMatch(/<option value="served_with" selected/);
    expect(body).toMatch(new RegExp(`<option value="${s.w.orgA.id}" selected`));
  };

  it('the new tip form comes back filled in with a fresh token; nothing stored; sending again works', async () => {
    const before = await count('tips');
    const sender = new Visitor(s.t.app);
    await sender.get('/tips/new');
    expect(sender.cookies.has(CSRF_COOKIE)).toBe(true);
    sender.cookies.delete(CSRF_COOKIE);
    const failed = await sender.submit(null, '/tips/new', fields());
    expect(failed.status).toBe(403);
    expect(failed.body).toContain('Форма не отправлена');
    expect(failed.body).toContain('Ничего не сохранено');
    expectFormKept(failed.body);
    // A fresh secret in a new cookie, and the form's token made for it.
    expect(String(failed.headers['set-cookie'])).toMatch(new RegExp(`${CSRF_COOKIE}=[^;]+;`));
    expect(failed.body).toMatch(/action="\/tips\/new"[^>]*>\s*<input type="hidden" name="_csrf" value="[^"]+"/);
    expect(await count('tips')).toBe(before);

    const sent = await sender.submit(null, '/tips/new');
    expect(sent.url).toBe('/tip/receipt');
    expect(sent.status).toBe(200);
    expect(await count('tips')).toBe(before + 1);
    expect((await sender.get('/tip')).body).toContain('МАРКЕР-CSRF-4410');
  });

  it('a token that does not match the cookie (one from another visit) is handled the same way, in English too', async () => {
    const before = await count('tips');
    const sender = new Visitor(s.t.app);
    await sender.get('/tips/new?lang=en');
    sender.cookies.set(CSRF_COOKIE, 'a-secret-from-another-visit-000000');
    const failed = await sender.submit(null, '/tips/new', fields());
    expect(failed.status).toBe(403);
    expect(failed.body).toContain('The form was not sent');
    expectFormKept(failed.body);
    expect(await count('tips')).toBe(before);
    expect((await sender.submit(null, '/tips/new')).url).toBe('/tip/receipt');
    expect(await count('tips')).toBe(before + 1);
  });

  it('with a file: the words come back, the file is said to be chosen again, and nothing is stored', async () => {
    const [tips, files] = [await count('tips'), await count('evidence_files')];
    const page = await new Visitor(s.t.app).get('/tips/new');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1];
    const { payload, type } = await multipartBody(
      { _csrf: token, ...fields() },
      {
        bytes: await jpegWithGps(),
        name: 'IMG_2231.jpg',
        type: 'image/jpeg',
      },
    );
    // The token of the page, but no cookie at all: the browser lost it.
    const res = await s.t.app.inject({ method: 'POST', url: '/tips/new', payload, headers: { 'content-type': type } });
    expect(res.statusCode).toBe(403);
    expectFormKept(res.body);
    expect(res.body).toContain('файл выберите заново');
    expect(res.body).toMatch(/id="file-error"[^>]*>[^<]*выберите его ещё раз/);
    expect(res.body).not.toContain('IMG_2231');
    expect([await count('tips'), await count('evidence_files')]).toEqual([tips, files]);
  });

  it('a post from another site gets the plain refusal: nothing typed is shown back', async () => {
    const before = await count('tips');
    const sender = new Visitor(s.t.app, { 'sec-fetch-site': 'cross-site' });
    await sender.get('/tips/new');
    sender.cookies.delete(CSRF_COOKIE);
    const failed = await sender.submit(null, '/tips/new', fields());
    expect(failed.status).toBe(403);
    expect(failed.body).toContain('Форма устарела');
    expect(failed.body).not.toContain('МАРКЕР-CSRF-4410');
    expect(await count('tips')).toBe(before);
  });

  it('an addition to a tip comes back on the tip page, nothing added; sending again adds it', async () => {
    const sender = new Visitor(s.t.app);
    await sender.submit('/tips/new', '/tips/new', fields());
    await sender.get('/tip');
    const posts = await count('tip_posts');
    sender.cookies.delete(CSRF_COOKIE);
    const failed = await sender.submit(null, '/tip/add', { body: ADDED });
    expect(failed.status).toBe(403);
    expect(failed.body).toContain('Форма не отправлена');
    expect(failed.body).toMatch(
      /<textarea[^>]*name="body"[^>]*>Ещё: госпиталь на улице Дачной\. МАРКЕР-CSRF-ДОПОЛНЕНИЕ</,
    );
    expect(await count('tip_posts')).toBe(posts);
    const added = await sender.submit(null, '/tip/add');
    expect(added.url).toBe('/tip?done=added#posts');
    expect(await count('tip_posts')).toBe(posts + 1);
    expect(added.body).toContain('МАРКЕР-CSRF-ДОПОЛНЕНИЕ');
  });

  it('an addition whose visit ended with the cookie is handed back on the code form', async () => {
    const sender = new Visitor(s.t.app);
    await sender.submit('/tips/new', '/tips/new', fields());
    await sender.get('/tip');
    const posts = await count('tip_posts');
    // The browser was restarted: both of the site's session cookies are gone.
    sender.cookies.clear();
    const failed = await sender.submit(null, '/tip/add', { body: ADDED });
    expect(failed.status).toBe(403);
    expect(failed.body).toContain('МАРКЕР-CSRF-ДОПОЛНЕНИЕ');
    expect(failed.body).toContain('action="/tip/open"');
    expect(await count('tip_posts')).toBe(posts);
  });
});
