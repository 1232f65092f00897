import { describe, expect, it } from 'vitest';
import { countRows, DIALECTS } from '../../test/helpers/db.ts';
import { browserOf, expectNotSent, expectRefused, sendWithoutCookie, textarea } from '../../test/helpers/not-sent.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { CSRF_COOKIE } from '../web/security.ts';
import { collectiveCopyOf, draftAppeal, postCollective } from './appeals.fixtures.ts';

// The rest of the letters' forms with text people type at length (draft-csrf.routes.test.ts has
// the drafts and the answers): a caseworker's collective appeal, and a family's name and postal
// address for signing or printing a letter. After a lost CSRF cookie each comes back filled in,
// said at the top with the way down to it (src/web/form-not-sent.ts); nothing is created, signed
// or kept. Another site's post, and whoever may not write here, get the plain refusal.

const MARK = 'МАРКЕР-CSRF-КОЛЛЕКТИВ-7731';
const BODY = `Просим сообщить о судьбе наших родных из одной бригады. ${MARK}`;
const ADDRESS = `346400, г. Новочеркасск, ул. Просвещения, 1 ${MARK}`;

describe.each(DIALECTS)('letter forms whose CSRF cookie was lost (%s)', (dialect) => {
  const s = useWorld(dialect);
  const count = (table: 'collective_appeals' | 'appeals') => countRows(s.t.opened.db, table);

  /** The collective form as a browser sends it: two families ticked (two fields of one name). */
  const collective = (extra: Array<[string, string]> = []) =>
    new URLSearchParams([
      ['addressee', 'Министерство обороны РФ'],
      ['subject', 'Коллективное обращение семей'],
      ['body', BODY],
      ['cases', s.w.caseId],
      ['cases', s.w.otherCaseId],
      ...extra,
    ]).toString();

  it('a collective appeal comes back with its letter and both families ticked; nothing created', async () => {
    const before = await count('collective_appeals');
    const staff = browserOf(s.t.app, s.w.caseworker);
    await staff.get('/staff/collective/new');
    staff.cookies.delete(CSRF_COOKIE);
    const res = await s.t.app.inject({
      method: 'POST',
      url: '/staff/collective',
      headers: {
        cookie: [...staff.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: collective(),
    });
    const page = { status: res.statusCode, url: '/staff/collective', body: res.body, headers: res.headers };
    expectNotSent(page);
    expect(res.body).toMatch(textarea('body', BODY));
    expect(res.body).toContain('value="Министерство обороны РФ"');
    for (const id of [s.w.caseId, s.w.otherCaseId]) expect(res.body).toMatch(new RegExp(`value="${id}" checked`));
    expect(await count('collective_appeals')).toBe(before);

    // Another site's post: the plain refusal.
    const cross = await s.t.app.inject({
      method: 'POST',
      url: '/staff/collective',
      headers: {
        cookie: [...staff.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'cross-site',
      },
      payload: collective(),
    });
    expectRefused({ status: cross.statusCode, url: '', body: cross.body, headers: cross.headers }, MARK);
    // A family may not write one: the plain refusal, no family's name.
    const family = await browserOf(s.t.app, s.w.family).request(
      'POST',
      '/staff/collective',
      { addressee: 'x', subject: 'x', body: BODY, _csrf: 'forged' },
      false,
    );
    expectRefused(family, MARK);
    expect(family.body).not.toContain('Петров');
    expect(await count('collective_appeals')).toBe(before);
  });

  it("the sender's name and address for printing come back on the appeal page, in English too", async () => {
    const id = await draftAppeal(s.t.app, s.w.caseId, s.w.family.cookies);
    const page = `/appeals/${id}`;
    const fields = { full_name: 'Сазонова Валентина', postal_address: ADDRESS, format: 'html' };
    const { res } = await sendWithoutCookie(s.t.app, s.w.family, `${page}?lang=en`, `${page}/print`, fields);
    expectNotSent(res, 'en');
    expect(res.body).toMatch(/<a href="#print-h">Go to the form<\/a>/);
    expect(res.body).toContain('value="Сазонова Валентина"');
    expect(res.body).toMatch(textarea('postal_address', ADDRESS));

    const cross = await sendWithoutCookie(s.t.app, s.w.family, page, `${page}/print`, fields, {
      'sec-fetch-site': 'cross-site',
    });
    expectRefused(cross.res, MARK);
    const other = await browserOf(s.t.app, s.w.otherFamily).request(
      'POST',
      `${page}/print`,
      { ...fields, _csrf: 'forged' },
      false,
    );
    expectRefused(other, MARK);
    expect(other.body).not.toContain('Иванов');
  });

  it("a family's signature under a collective appeal comes back unsigned; sent again, it is signed", async () => {
    const made = await postCollective(s.t.app, s.w.caseworker.cookies, BODY, [s.w.caseId, s.w.otherCaseId]);
    expect(made.statusCode).toBe(303);
    const mine = await collectiveCopyOf(s.t.opened.db, s.w.caseId);
    const page = `/appeals/${mine}`;
    const fields = { full_name: 'Сазонова Валентина', postal_address: ADDRESS, consent: 'yes' };
    const { visitor, res } = await sendWithoutCookie(s.t.app, s.w.family, page, `${page}/sign`, fields);
    expectNotSent(res);
    expect(res.body).toMatch(/<a href="#sign-h">Перейти к форме<\/a>/);
    expect(res.body).toMatch(textarea('postal_address', ADDRESS));
    expect((await visitor.get(page)).body).toContain('id="sign-h"');

    const signed = await visitor.submit(null, `${page}/sign`, fields);
    expect(signed.url).toBe(`${page}?done=signed`);
    expect(signed.body).not.toContain('id="sign-h"');
  });
});
