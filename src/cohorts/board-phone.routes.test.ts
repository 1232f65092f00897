import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { grantFor, useWorld } from '../cases/cases.fixtures.ts';
import { principalOf } from '../policy/principal.ts';
import { authoriseOptIn, cohortsOfCase, setOptIn } from './cohorts.service.ts';

// The board warns: no real names, phones or addresses, anyone may be reading. A mother who types
// her number anyway (QA walk: «звоните мне +7 916 123-45-67» went straight onto the board) is
// refused with the reason, in her language, and what she typed is kept to correct. Both databases.

describe.each(DIALECTS)('a phone number on a board (%s)', (dialect) => {
  const s = useWorld(dialect);
  let url: string;

  beforeAll(async () => {
    const deps = { db: s.t.opened.db, clock: s.t.clock };
    await setOptIn(deps, await authoriseOptIn(s.t.opened.db, principalOf(s.w.family.auth), s.w.caseId), {
      optIn: true,
    });
    const board = (await cohortsOfCase(deps, await grantFor(s.t, s.w.caseworker, s.w.caseId, 'read'))).cohorts[0]
      .boardId!;
    url = `/cohorts/${board}`;
  });

  const page = (lang = '') => s.t.app.inject({ method: 'GET', url: `${url}${lang}`, cookies: s.w.family.cookies });

  it('refuses a post with a phone number, says why in Russian and English, and keeps the text', async () => {
    const body = 'Кто знает про подвал? Звоните мне +7 916 123-45-67';
    for (const [lang, said] of [
      ['', 'Похоже, здесь номер телефона. Уберите его'],
      ['?lang=en', 'This looks like a phone number. Please remove it'],
    ] as const) {
      const { res } = await submitForm(s.t.app, url, { body }, s.w.family.cookies, `${url}/posts${lang}`);
      expect(res.statusCode, lang).toBe(400);
      expect(res.body, lang).toContain(said);
      expect(res.body, lang).toContain('Кто знает про подвал? Звоните мне +7 916 123-45-67</textarea>');
    }
    expect((await page()).body).not.toContain('123-45-67');
    const ok = await submitForm(
      s.t.app,
      url,
      { body: 'Кто знает про подвал? в/ч 12345, с 01.02.2025' },
      s.w.family.cookies,
      `${url}/posts`,
    );
    expect(ok.res.statusCode).toBe(303);
  });

  it('refuses a board name with a phone number, the name kept', async () => {
    const { res } = await submitForm(
      s.t.app,
      url,
      { display_name: 'Мама 89161234567' },
      s.w.family.cookies,
      `${url}/name`,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Похоже, здесь номер телефона.');
    expect(res.body).toContain('value="Мама 89161234567"');
  });
});
