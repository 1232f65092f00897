import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { createStaff, submitForm } from '../../test/helpers/factories.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { writeGuide } from './guides.fixtures.ts';

// Two editors opened one guide; the second saved first. The first editor's save was refused with
// «скопируйте свой текст, обновите страницу»: on a phone, a long text copied by hand, or lost. Now
// the form comes back with her text in it, the newer version shown under it to read, and the form
// based on that version: saving again replaces it, knowingly; nothing is replaced before that.

describe.each(DIALECTS)('a save that meets a newer version (%s)', (dialect) => {
  const s = useWorld(dialect);
  const app = () => s.t.app;
  const get = (url: string, cookies = {}) => app().inject({ method: 'GET', url, cookies });

  it("keeps the editor's text, shows the newer version, and lets a second save replace it", async () => {
    const { editor, orgA } = s.w;
    const other = await createStaff(s.t.opened.db, orgA, 'editor', { clock: s.t.clock });
    const edit = await writeGuide(app(), editor.cookies, {
      slug: 'two-editors',
      title: 'Как писать в часть',
      markdown: 'Первый текст.',
    });
    // the other editor saves version 2 while she is still typing on version 1
    const theirs = await submitForm(
      app(),
      edit,
      { title: 'Как писать в воинскую часть', markdown: 'Текст другого редактора: адрес части.', base: '1' },
      other.cookies,
    );
    expect(theirs.res.statusCode).toBe(303);

    const mine = { title: 'Куда писать о сыне', markdown: 'Мой длинный текст о сроках ответа.', base: '1' };
    const refused = await submitForm(app(), edit, mine, editor.cookies);
    expect(refused.res.statusCode).toBe(409);
    const page = refused.res.body;
    expect(page).toContain('Пока вы редактировали, статью сохранил кто-то другой (версия 2)');
    // her text, in the form's fields
    expect(page).toContain('value="Куда писать о сыне"');
    expect(page).toMatch(/<textarea[^>]*name="markdown"[^>]*>Мой длинный текст о сроках ответа\.<\/textarea>/);
    // the newer version, to read, not in a field
    expect(page).toContain('Текст другого редактора: адрес части.');
    expect(page).not.toMatch(/<textarea[^>]*>Текст другого редактора/);
    expect(page).toContain('Как писать в воинскую часть');
    // the form now starts from version 2, and its button says what it will do
    expect(page).toContain('name="base" value="2"');
    expect(page).toContain('Сохранить мой текст вместо версии 2');
    // nothing replaced yet
    expect((await get('/guides/two-editors')).body).toContain('Текст другого редактора');

    const en = await submitForm(app(), `${edit}?lang=en`, mine, editor.cookies);
    expect(en.res.statusCode).toBe(409);
    expect(en.res.body).toContain('While you were editing, someone else saved this guide (version 2)');
    expect(en.res.body).toContain('Save my text over version 2');

    // she saves again from version 2: her text replaces it, as version 3
    const again = await submitForm(app(), edit, { ...mine, base: '2' }, editor.cookies);
    expect(again.res.statusCode).toBe(303);
    const published = await get('/guides/two-editors');
    expect(published.body).toContain('Мой длинный текст о сроках ответа.');
    expect(published.body).toContain('версия 3');
  });
});
