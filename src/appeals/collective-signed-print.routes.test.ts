import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { collectiveCopyOf, postCollective } from './appeals.fixtures.ts';

// A QA walk of a collective appeal as a family: she typed her name and address to sign, and the
// same page then asked for them again, empty, to print her copy — as if the signature had been
// lost. The print form starts from what she signed with (still hers to change; «remember» stays
// unticked: the signature is not the address kept for her next letters). Another family's page
// shows nothing of it.

const NAME = 'Сазонова Валентина Петровна';
const ADDRESS = 'г. Новочеркасск, ул. Платовская, д. 3';

describe.each(DIALECTS)("a family's copy of a collective appeal, signed (%s)", (dialect) => {
  const s = useWorld(dialect);
  const app = () => s.t.app;

  it('offers to print with the name and address she signed with', async () => {
    const made = await postCollective(app(), s.w.caseworker.cookies, 'Просим сообщить о судьбе наших близких.', [
      s.w.caseId,
      s.w.otherCaseId,
    ]);
    expect(made.statusCode).toBe(303);
    const mine = await collectiveCopyOf(s.t.opened.db, s.w.caseId);
    const signed = await submitForm(
      app(),
      `/appeals/${mine}`,
      { full_name: NAME, postal_address: ADDRESS, consent: 'yes' },
      s.w.family.cookies,
      `/appeals/${mine}/sign`,
    );
    expect(signed.res.statusCode).toBe(303);

    for (const lang of ['ru', 'en']) {
      const page = await app().inject({
        method: 'GET',
        url: `/appeals/${mine}?lang=${lang}`,
        cookies: s.w.family.cookies,
      });
      const print = page.body.slice(page.body.indexOf(`action="/appeals/${mine}/print"`));
      expect(print, lang).toMatch(new RegExp(`name="full_name" value="${NAME}"`));
      expect(print, lang).toContain(`${ADDRESS}</textarea>`);
      expect(print, lang).not.toMatch(/name="remember" value="yes" checked/);
    }

    const theirs = await collectiveCopyOf(s.t.opened.db, s.w.otherCaseId);
    const other = await app().inject({ method: 'GET', url: `/appeals/${theirs}`, cookies: s.w.otherFamily.cookies });
    expect(other.statusCode).toBe(200);
    expect(other.body).not.toContain('Сазонова');
    expect(other.body).not.toContain('Платовская');
  });
});
