import { beforeAll, describe, expect, it } from 'vitest';
import { countRows, DIALECTS } from '../../test/helpers/db.ts';
import { browserOf } from '../../test/helpers/not-sent.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { sentTip } from './tips.fixtures.ts';

// A caseworker sends an empty reply, or closes a tip without a reason. The tip's page comes back
// at its top, and the forms are a screen or two below on a phone: the top says the form was not
// saved and links down to the one to fix, as for a lost CSRF cookie. Nothing is sent or closed.

describe.each(DIALECTS)("staff's tip forms sent with a field to fix (%s)", (dialect) => {
  const s = useWorld(dialect);
  let tipId: string;

  beforeAll(async () => {
    tipId = await sentTip(s.t.app, s.t.opened.db, { organisation: s.w.orgA.id, what_happened: 'Видел его в феврале.' });
  });

  it('an empty reply says so at the top, with the way down to the reply form', async () => {
    const page = `/staff/tips/${tipId}`;
    const before = await countRows(s.t.opened.db, 'tip_posts');
    const res = await browserOf(s.t.app, s.w.caseworker).submit(page, `${page}/reply`, { body: '  ' });
    expect(res.status).toBe(400);
    expect(res.body).toMatch(
      /Не сохранено: исправьте ошибку в форме ниже\.[^<]*<a href="#reply-h">Перейти к форме<\/a>/,
    );
    expect(res.body.indexOf('href="#reply-h"')).toBeLessThan(res.body.indexOf('id="reply-h"'));
    expect(await countRows(s.t.opened.db, 'tip_posts')).toBe(before);
  });

  it('closing without a reason says so at the top, in English too', async () => {
    const page = `/staff/tips/${tipId}`;
    const res = await browserOf(s.t.app, s.w.caseworker).submit(`${page}?lang=en`, `${page}/close`, { reason: '' });
    expect(res.status).toBe(400);
    expect(res.body).toMatch(
      /Not saved: correct the error in the form below\.[^<]*<a href="#close-h">Go to the form<\/a>/,
    );
    // Still open: the form to close it is offered again.
    expect(res.body).toContain('id="close-h"');
  });

  // A link pasted on a phone gets cut short, or is the address of another page: the caseworker
  // did paste a link, so "choose a case or paste a link" under the list of cases told them nothing.
  it('a pasted link that is not a case of the organisation is said under the link, and kept', async () => {
    const page = `/staff/tips/${tipId}`;
    const before = await countRows(s.t.opened.db, 'events');
    const fields = { kind: 'captured', date: '03.2026', description: 'В плену.' };
    const cut = await browserOf(s.t.app, s.w.caseworker).submit(page, `${page}/attach`, {
      ...fields,
      case_link: 'http://127.0.0.1/cases/0b5c',
    });
    expect(cut.status).toBe(400);
    expect(cut.body).toMatch(/id="case_link-error"[^>]*>Это не ссылка на дело:/);
    expect(cut.body).toContain('value="http://127.0.0.1/cases/0b5c"');
    const none = await browserOf(s.t.app, s.w.caseworker).submit(`${page}?lang=en`, `${page}/attach`, {
      ...fields,
      case_link: 'http://127.0.0.1/cases/0b5c0b5c-0b5c-4b5c-8b5c-0b5c0b5c0b5c',
    });
    expect(none.status).toBe(400);
    expect(none.body).toMatch(/id="case_link-error"[^>]*>No such case among your organisation\S{1,6}s cases\./);
    expect(await countRows(s.t.opened.db, 'events')).toBe(before);
  });
});
