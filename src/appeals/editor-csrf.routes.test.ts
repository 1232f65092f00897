import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { browserOf, expectNotSent, expectRefused, sendWithoutCookie, textarea } from '../../test/helpers/not-sent.ts';
import { useWorld } from '../cases/cases.fixtures.ts';

// An editor keeps the directory of authorities and the letter templates: addresses, notes,
// guidance and a letter's body take long to write. After a lost CSRF cookie each comes back
// filled in (src/web/form-not-sent.ts), the template's base version with it (a conflict with
// someone else's save is still caught); nothing is saved. Another site's post, and a
// caseworker, get the plain refusal.

const MARK = 'МАРКЕР-CSRF-РЕДАКТОР-5090';
const NOTES = `Принимает обращения только по почте, отвечает долго ${MARK}`;

describe.each(DIALECTS)("editor's forms whose CSRF cookie was lost (%s)", (dialect) => {
  const s = useWorld(dialect);
  const authorities = async () =>
    (await s.t.opened.db.selectFrom('authorities').select(['id', 'notes']).execute()).map((a) => a.notes ?? '');

  const authority = {
    kind: 'unit_command',
    name: 'Войсковая часть 12345',
    postal_address: '344000, г. Ростов-на-Дону',
    notes: NOTES,
  };

  it('a new authority comes back with its notes, said at the top of the directory; nothing added', async () => {
    const before = await authorities();
    const list = '/editor/authorities';
    const { visitor, res } = await sendWithoutCookie(s.t.app, s.w.editor, list, list, authority);
    expectNotSent(res);
    expect(res.body).toMatch(/Форма не отправлена[^<]*<a href="#add-h">Перейти к форме<\/a>/);
    expect(res.body).toMatch(textarea('notes', NOTES));
    expect(await authorities()).toEqual(before);
    const sent = await visitor.submit(null, list);
    expect(sent.url).toMatch(/^\/editor\/authorities\/[0-9a-f-]{36}\?done=saved$/);
    expect(await authorities()).toHaveLength(before.length + 1);

    // Its own page: the edit comes back too, nothing changed.
    const page = sent.url.split('?')[0];
    const edited = `${NOTES} (уточнено)`;
    const again = await sendWithoutCookie(s.t.app, s.w.editor, page, page, { notes: edited });
    expectNotSent(again.res);
    expect(again.res.body).toMatch(textarea('notes', edited));
    expect(await authorities()).not.toContain(edited);
  });

  it("a template's body comes back in English too, with the version it was opened at", async () => {
    const url = '/editor/templates/inquiry';
    const open = await browserOf(s.t.app, s.w.editor).get(url);
    const base = /name="base" value="(\d+)"/.exec(open.body)![1];
    const body = `Прошу сообщить, где находится мой сын. ${MARK}`;
    const { res } = await sendWithoutCookie(s.t.app, s.w.editor, `${url}?lang=en`, url, { body });
    expectNotSent(res, 'en');
    expect(res.body).toMatch(textarea('body', body));
    expect(res.body).toContain(`name="base" value="${base}"`);
    const after = await browserOf(s.t.app, s.w.editor).get(url);
    expect(after.body).not.toContain(MARK);
  });

  it('another site and a caseworker get the plain refusal; nothing is saved', async () => {
    const before = await authorities();
    const cross = await sendWithoutCookie(
      s.t.app,
      s.w.editor,
      '/editor/authorities',
      '/editor/authorities',
      authority,
      {
        'sec-fetch-site': 'cross-site',
      },
    );
    expectRefused(cross.res, MARK);
    for (const action of ['/editor/authorities', '/editor/templates/inquiry']) {
      const res = await browserOf(s.t.app, s.w.caseworker).request(
        'POST',
        action,
        { ...authority, body: MARK, _csrf: 'forged' },
        false,
      );
      expectRefused(res, MARK);
    }
    expect(await authorities()).toEqual(before);
  });
});
