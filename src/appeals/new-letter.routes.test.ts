import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { useWorld } from '../cases/cases.fixtures.ts';

// Step one of a new letter: which letter, to whom (a GET form, /cases/{id}/appeals/new).

describe.each(DIALECTS)('choosing a new letter (%s)', (dialect) => {
  const s = useWorld(dialect);
  const open = (query: string) =>
    s.t.app.inject({ method: 'GET', url: `/cases/${s.w.caseId}/appeals/new?${query}`, cookies: s.w.family.cookies });

  // «Дальше» with no letter chosen reloaded the page and said nothing. Now the field says what
  // is missing, in the page's language, and the addressee she chose is still chosen.
  it('says at the field that no letter was chosen, and keeps the addressee chosen', async () => {
    const authority = await s.t.opened.db
      .selectFrom('authorities')
      .select('id')
      .where('kind', '=', 'ministry_of_defence')
      .executeTakeFirstOrThrow();
    const first = await open('');
    expect(first.statusCode).toBe(200);
    expect(first.body).not.toContain('field-error');
    expect(first.body).toContain('<input type="hidden" name="next" value="1"/>');
    for (const [lang, message] of [
      ['ru', 'Выберите, какое письмо написать.'],
      ['en', 'Choose which letter to write.'],
    ]) {
      const res = await open(`next=1&authority=${authority.id}&lang=${lang}`);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('role="alert"');
      expect(res.body).toMatch(
        new RegExp(
          `<fieldset aria-describedby="template-error">[\\s\\S]*<small id="template-error" class="field-error">${message}</small>`,
        ),
      );
      expect(res.body).toContain(`<option value="${authority.id}" selected>`);
      expect(res.body).not.toMatch(/name="template"[^>]*checked/);
    }
    // A letter that is not offered is the same error.
    expect((await open('next=1&template=collective')).statusCode).toBe(400);
  });

  // «Запрос документов о гибели» was offered first (the templates came in the order of their keys),
  // above the whereabouts inquiry the page itself calls «Первое письмо». Now in the order a family
  // needs them: the inquiry first, the letter about a death last.
  it('offers the whereabouts inquiry first and the letter about a death last', async () => {
    const page = await open('');
    const offered = [...page.body.matchAll(/<input type="radio" name="template" value="([a-z_]+)"/g)].map((m) => m[1]);
    expect(offered).toEqual(['inquiry', 'no_answer', 'prosecutor', 'ombudsman', 'death_documents']);
    expect(page.body.indexOf('Запрос о местонахождении')).toBeLessThan(page.body.indexOf('Запрос документов о гибели'));
  });
});
