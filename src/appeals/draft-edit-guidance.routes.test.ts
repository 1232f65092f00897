import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { draftAppeal } from './appeals.fixtures.ts';

// A new letter's form shows its template's guidance above it (what to write, where to, by when the
// answer is due); the edit page of the same draft showed none, so a family coming back to finish
// the letter had lost it. The edit page shows the letter's own template's guidance, in the page's
// language, and so does the edit form sent back with a mistake.

const INQUIRY = 'Первое письмо: в воинскую часть';
const INQUIRY_EN = 'The first letter: to the unit, the military commissariat';
const PROSECUTOR = 'Военная прокуратура надзирает за соблюдением закона в армии';

describe.each(DIALECTS)("a draft's edit page (%s)", (dialect) => {
  const s = useWorld(dialect);
  const edit = (id: string, lang = 'ru') =>
    s.t.app.inject({ method: 'GET', url: `/appeals/${id}/edit?lang=${lang}`, cookies: s.w.family.cookies });

  it("shows the guidance of the letter's template, in the page's language", async () => {
    const inquiry = await draftAppeal(s.t.app, s.w.caseId, s.w.family.cookies, 'inquiry');
    const page = await edit(inquiry);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(INQUIRY);
    expect(page.body).not.toContain(PROSECUTOR);
    expect((await edit(inquiry, 'en')).body).toContain(INQUIRY_EN);

    const prosecutor = await draftAppeal(s.t.app, s.w.caseId, s.w.family.cookies, 'prosecutor');
    const other = await edit(prosecutor);
    expect(other.body).toContain(PROSECUTOR);
    expect(other.body).not.toContain(INQUIRY);
  });

  it('keeps the guidance when the edit form comes back with a mistake', async () => {
    const id = await draftAppeal(s.t.app, s.w.caseId, s.w.family.cookies, 'inquiry');
    const { res } = await submitForm(
      s.t.app,
      `/appeals/${id}/edit`,
      { template: 'inquiry', addressee: 'Министерство обороны', subject: '', body: 'Мой исправленный текст' },
      s.w.family.cookies,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Мой исправленный текст');
    expect(res.body).toContain(INQUIRY);
  });
});
