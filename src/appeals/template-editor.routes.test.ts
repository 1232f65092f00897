import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { currentTemplate } from './directory.service.ts';

// Two editors open the same letter template; the first saves, then the second saves what she
// started from. Her save became the new version on top of his, and his change vanished from every
// new letter without a word to either. Now, as for the guides, a save made on an older version
// than the current one is refused (409), with what she typed kept in the form.

describe.each(DIALECTS)('a letter template saved by two editors at once (%s)', (dialect) => {
  const s = useWorld(dialect);
  const app = () => s.t.app;

  it('refuses the second save, keeps her text, and leaves his version current', async () => {
    const url = '/editor/templates/inquiry';
    const page = await app().inject({ method: 'GET', url, cookies: s.w.editor.cookies });
    const start = await currentTemplate(s.t.opened.db, 'inquiry');
    const base = /name="base" value="(\d+)"/.exec(page.body)?.[1];
    expect(base).toBe(String(start!.version));
    const fields = {
      title_ru: start!.titleRu,
      title_en: start!.titleEn,
      guidance_ru: start!.guidanceRu,
      guidance_en: start!.guidanceEn,
    };
    const his = await submitForm(
      app(),
      url,
      { ...fields, body: 'Правка первого редактора: {{person.full_name}}', base: base! },
      s.w.editor.cookies,
    );
    expect(his.res.statusCode).toBe(303);
    const hers = await submitForm(
      app(),
      url,
      { ...fields, body: 'Правка второго редактора: {{person.full_name}}', base: base! },
      s.w.editor.cookies,
    );
    expect(hers.res.statusCode).toBe(409);
    expect(hers.res.body).toContain('Пока вы редактировали, шаблон сохранил кто-то другой');
    expect(hers.res.body).toContain('Правка второго редактора');
    const now = await currentTemplate(s.t.opened.db, 'inquiry');
    expect(now!.body).toBe('Правка первого редактора: {{person.full_name}}');
    expect(now!.version).toBe(start!.version + 1);
    // The page of the new version starts from it: a save from there goes through.
    const fresh = await app().inject({ method: 'GET', url, cookies: s.w.editor.cookies });
    expect(/name="base" value="(\d+)"/.exec(fresh.body)?.[1]).toBe(String(now!.version));
  });
});
