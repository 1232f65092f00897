import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { browserOf, expectNotSent, expectRefused, sendWithoutCookie, textarea } from '../../test/helpers/not-sent.ts';
import { useWorld } from '../cases/cases.fixtures.ts';

// A guide is written at length in Markdown. After a lost CSRF cookie it comes back in its form
// (src/web/form-not-sent.ts), a new one and an edit alike, the version an edit was opened at
// kept; nothing is saved. Another site's post and a caseworker get the plain refusal.

const MARK = 'МАРКЕР-CSRF-ГАЙД-8123';
const TEXT = `Как написать в военную прокуратуру: сначала соберите документы. ${MARK}`;

describe.each(DIALECTS)('guide forms whose CSRF cookie was lost (%s)', (dialect) => {
  const s = useWorld(dialect);
  const guides = async () => (await s.t.opened.db.selectFrom('guides').select('id').execute()).length;

  it('a new guide comes back as typed; nothing saved; sent again, it is; an edit comes back with its base', async () => {
    const before = await guides();
    const url = '/editor/guides/new';
    const fields = { lang: 'ru', slug: 'prokuratura', title: 'Военная прокуратура', markdown: TEXT };
    const { visitor, res } = await sendWithoutCookie(s.t.app, s.w.editor, url, url, fields);
    expectNotSent(res);
    expect(res.body).toMatch(textarea('markdown', TEXT));
    expect(res.body).toContain('value="prokuratura"');
    expect(await guides()).toBe(before);
    const sent = await visitor.submit(null, url);
    expect(sent.url).toMatch(/^\/editor\/guides\/[0-9a-f-]{36}\?done=saved$/);
    expect(await guides()).toBe(before + 1);

    const page = sent.url.split('?')[0];
    const base = /name="base" value="(\d+)"/.exec(sent.body)![1];
    const edit = await sendWithoutCookie(s.t.app, s.w.editor, `${page}?lang=en`, page, { markdown: `${TEXT} 2` });
    expectNotSent(edit.res, 'en');
    expect(edit.res.body).toMatch(textarea('markdown', `${TEXT} 2`));
    expect(edit.res.body).toContain(`name="base" value="${base}"`);
  });

  it('another site and a caseworker get the plain refusal', async () => {
    const before = await guides();
    const url = '/editor/guides/new';
    const fields = { lang: 'ru', slug: 'x', title: 'x', markdown: TEXT };
    const cross = await sendWithoutCookie(s.t.app, s.w.editor, url, url, fields, { 'sec-fetch-site': 'cross-site' });
    expectRefused(cross.res, MARK);
    const res = await browserOf(s.t.app, s.w.caseworker).request('POST', url, { ...fields, _csrf: 'forged' }, false);
    expectRefused(res, MARK);
    expect(await guides()).toBe(before);
  });
});
