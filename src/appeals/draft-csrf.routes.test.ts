import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import type { TestUser } from '../../test/helpers/factories.ts';
import { Visitor } from '../../test/helpers/visitor.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { CSRF_COOKIE } from '../web/security.ts';
import { draftAppeal } from './appeals.fixtures.ts';

// A letter to an authority takes a long time to word. If the browser loses the site's CSRF
// cookie meanwhile, the draft comes back as typed with a fresh token (new letters and edits of a
// draft, family and staff alike); nothing is saved until it is sent again. A post another site
// sent gets the plain refusal.

const LETTER = 'Прошу сообщить, где находится мой сын, и ответить в срок. МАРКЕР-CSRF-ПИСЬМО-9012';

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
