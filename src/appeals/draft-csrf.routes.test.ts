import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import type { TestUser } from '../../test/helpers/factories.ts';
import { Visitor } from '../../test/helpers/visitor.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { CSRF_COOKIE } from '../web/security.ts';
import { jpegWithGps } from '../evidence/evidence.fixtures.ts';
import { draftAppeal, multipart, postStep, sentAppeal } from './appeals.fixtures.ts';

// A letter to an authority takes a long time to word. If the browser loses the site's CSRF
// cookie meanwhile, the draft comes back as typed with a fresh token (new letters and edits of a
// draft, family and staff alike); nothing is saved until it is sent again. The same for the
// answer recorded with its scan (a multipart form: the words come back, the scan is dropped and
// must be chosen again). A post another site sent gets the plain refusal.

const MARK = 'МАРКЕР-CSRF-ПИСЬМО-9012';
const LETTER = `Прошу сообщить, где находится мой сын, и ответить в срок. ${MARK}`;

describe.each(DIALECTS)('a letter draft whose CSRF cookie was lost (%s)', (dialect) => {
  const s = useWorld(dialect);

  const letters = async () => {
    const rows = await s.t.opened.db.selectFrom('appeals').select('id').execute();
    return rows.length;
  };

  const browserOf = (user: TestUser, headers: Record<string, string> = {}) => {
    const v = new Visitor(s.t.app, headers);
    for (const [k, val] of Object.entries(user.cookies)) v.cookies.set(k, val);
    return v;
  };

  const fields = { addressee: 'Командир в/ч 12345', subject: 'Запрос о сыне', body: LETTER };

  it('a new letter comes back as typed; nothing saved; sent again, it is drafted', async () => {
    const before = await letters();
    const family = browserOf(s.w.family);
    await family.get(`/cases/${s.w.caseId}/appeals/new?template=inquiry`);
    family.cookies.delete(CSRF_COOKIE);
    const failed = await family.submit(null, `/cases/${s.w.caseId}/appeals`, fields);
    expect(failed.status).toBe(403);
    expect(failed.body).toContain('Форма не отправлена');
    expect(failed.body).toContain('value="Командир в/ч 12345"');
    expect(failed.body).toMatch(/<textarea[^>]*name="body"[^>]*>Прошу сообщить[^<]*МАРКЕР-CSRF-ПИСЬМО-9012</);
    expect(failed.body).toContain('name="template" value="inquiry"');
    expect(await letters()).toBe(before);

    const sent = await family.submit(null, `/cases/${s.w.caseId}/appeals`);
    expect(sent.url).toMatch(/^\/appeals\/[0-9a-f-]{36}\?done=drafted$/);
    expect(await letters()).toBe(before + 1);
  });

  it("a caseworker's edit of a draft comes back as typed, in English; the draft unchanged until sent again", async () => {
    const id = await draftAppeal(s.t.app, s.w.caseId, s.w.caseworker.cookies);
    const staff = browserOf(s.w.caseworker);
    await staff.get(`/appeals/${id}/edit?lang=en`);
    staff.cookies.delete(CSRF_COOKIE);
    const failed = await staff.submit(null, `/appeals/${id}/edit`, { body: LETTER });
    expect(failed.status).toBe(403);
    expect(failed.body).toContain('The form was not sent');
    expect(failed.body).toContain('МАРКЕР-CSRF-ПИСЬМО-9012</textarea>');
    expect((await staff.get(`/appeals/${id}`)).body).not.toContain('МАРКЕР-CSRF-ПИСЬМО');

    const sent = await staff.submit(`/appeals/${id}/edit`, `/appeals/${id}/edit`, { body: LETTER });
    expect(sent.url).toBe(`/appeals/${id}?done=edited`);
    expect(sent.body).toContain('МАРКЕР-CSRF-ПИСЬМО-9012');
  });

  it("an authority's answer with its scan: the words come back, the scan to be chosen again; nothing stored", async () => {
    const count = async (table: 'appeal_steps' | 'evidence_files') =>
      (await s.t.opened.db.selectFrom(table).select('id').execute()).length;
    const id = await sentAppeal(s.t.app, s.w.caseId, s.w.family.cookies);
    const [steps, files] = [await count('appeal_steps'), await count('evidence_files')];
    const page = await s.t.app.inject({ method: 'GET', url: `/appeals/${id}`, cookies: s.w.family.cookies });
    const action = /<form method="post" action="(\/appeals\/[^"]+\/steps)"/.exec(page.body)![1];
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1];
    const answer = { step: 'answer', on: '2026-03-01', number: '12/3-4', summary: `Ответ: сведений нет. ${MARK}` };
    const body = multipart(
      { _csrf: token, ...answer },
      { name: 'IMG_2031.jpg', type: 'image/jpeg', bytes: await jpegWithGps() },
    );
    // The page's token, but the browser lost the cookie it was made for: only the session is sent.
    const res = await s.t.app.inject({
      method: 'POST',
      url: action,
      cookies: s.w.family.cookies,
      payload: body.payload,
      headers: body.headers,
    });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('файл выберите заново');
    expect(res.body).toMatch(/id="file-error"[^>]*>[^<]*выберите его ещё раз/);
    expect(res.body).toMatch(/<textarea[^>]*name="summary"[^>]*>Ответ: сведений нет\. МАРКЕР-CSRF/);
    expect(res.body).toContain('value="12/3-4"');
    expect(res.body).toMatch(/name="step" value="answer" checked/);
    expect(res.body).not.toContain('IMG_2031');
    expect([await count('appeal_steps'), await count('evidence_files')]).toEqual([steps, files]);

    const sent = await postStep(s.t.app, id, s.w.family.cookies, answer);
    expect(sent.statusCode).toBe(303);
    expect(await count('appeal_steps')).toBe(steps + 1);
  });

  it('a post another site sent gets the plain refusal', async () => {
    const before = await letters();
    const family = browserOf(s.w.family, { 'sec-fetch-site': 'cross-site' });
    await family.get(`/cases/${s.w.caseId}/appeals/new?template=inquiry`);
    family.cookies.delete(CSRF_COOKIE);
    const refused = await family.submit(null, `/cases/${s.w.caseId}/appeals`, fields);
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('Форма устарела');
    expect(refused.body).not.toContain('МАРКЕР-CSRF-ПИСЬМО');
    expect(await letters()).toBe(before);
  });
});
