import { beforeAll, describe, expect, it } from 'vitest';
import { countRows, DIALECTS } from '../../test/helpers/db.ts';
import { browserOf, expectNotSent, expectRefused, sendWithoutCookie, textarea } from '../../test/helpers/not-sent.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { sentTip } from './tips.fixtures.ts';

// A caseworker answers a witness's tip, or writes the event a family will read from it; meanwhile
// the browser loses the CSRF cookie. The tip's page comes back with the text in its form, said
// at the top with the way down to it (src/web/form-not-sent.ts); nothing is sent to the witness
// and nothing reaches the case; sent again, it does. Another site's post, the family, and staff
// of another organisation get the plain refusal and nothing of the tip.

const WHAT = 'Видел его в подвале в Рыльске в феврале. МАРКЕР-ПОДСКАЗКА-6612';
const MARK = 'МАРКЕР-CSRF-ОТВЕТ-2290';
const REPLY = `Спасибо, проверяем через госпиталь ${MARK}`;

describe.each(DIALECTS)("staff's tip forms whose CSRF cookie was lost (%s)", (dialect) => {
  const s = useWorld(dialect);
  let tipId: string;

  beforeAll(async () => {
    const tip = { organisation: s.w.orgA.id, what_happened: WHAT, event_date: '02.2026', place: 'Рыльск' };
    tipId = await sentTip(s.t.app, s.t.opened.db, tip);
  });

  const count = (table: 'tip_posts' | 'events') => countRows(s.t.opened.db, table);

  it('a reply to the sender comes back in its box; nothing sent; sent again, it is', async () => {
    const page = `/staff/tips/${tipId}`;
    const before = await count('tip_posts');
    const { visitor, res } = await sendWithoutCookie(s.t.app, s.w.caseworker, page, `${page}/reply`, { body: REPLY });
    expectNotSent(res);
    expect(res.body).toMatch(/Форма не отправлена[^<]*<a href="#reply-h">Перейти к форме<\/a>/);
    expect(res.body).toMatch(textarea('body', REPLY));
    expect(await count('tip_posts')).toBe(before);
    const sent = await visitor.submit(null, `${page}/reply`);
    expect(sent.url).toBe(`${page}?done=replied#posts`);
    expect(sent.body).toContain(MARK);
    expect(await count('tip_posts')).toBe(before + 1);
  });

  it('the event written from the tip comes back as edited, the case chosen kept, in English too', async () => {
    const page = `/staff/tips/${tipId}`;
    const before = await count('events');
    const description = `Задержан в Рыльске, по словам очевидца ${MARK}`;
    const fields = { case_ref: s.w.caseId, kind: 'detained', date: '02.2026', description };
    const { visitor, res } = await sendWithoutCookie(
      s.t.app,
      s.w.caseworker,
      `${page}?lang=en`,
      `${page}/attach`,
      fields,
    );
    expectNotSent(res, 'en');
    expect(res.body).toMatch(/<a href="#attach-h">Go to the form<\/a>/);
    expect(res.body).toMatch(textarea('description', description));
    expect(res.body).toMatch(new RegExp(`value="${s.w.caseId}" checked`));
    expect(res.body).toMatch(/<option value="detained" selected/);
    expect(await count('events')).toBe(before);
    const sent = await visitor.submit(null, `${page}/attach`);
    expect(sent.url).toContain('done=attached');
    expect(await count('events')).toBe(before + 1);
  });

  it('another site, the family and another organisation get the plain refusal; nothing is sent', async () => {
    const page = `/staff/tips/${tipId}`;
    const before = await Promise.all([count('tip_posts'), count('events')]);
    const cross = await sendWithoutCookie(
      s.t.app,
      s.w.caseworker,
      page,
      `${page}/reply`,
      { body: REPLY },
      { 'sec-fetch-site': 'cross-site' },
    );
    expectRefused(cross.res, MARK);
    const attach = { case_ref: s.w.caseId, kind: 'detained', date: '02.2026', description: MARK };
    for (const user of [s.w.family, s.w.otherOrgCaseworker]) {
      for (const [action, fields] of [
        [`${page}/reply`, { body: REPLY }],
        [`${page}/attach`, attach],
      ] as const) {
        const res = await browserOf(s.t.app, user).request('POST', action, { ...fields, _csrf: 'forged' }, false);
        expectRefused(res, MARK);
        expect(res.body, action).not.toContain('МАРКЕР-ПОДСКАЗКА');
      }
    }
    expect(await Promise.all([count('tip_posts'), count('events')])).toEqual(before);
  });
});
