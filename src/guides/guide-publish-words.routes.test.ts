import { describe, expect, it } from 'vitest';
import { submitForm } from '../../test/helpers/factories.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { writeGuide } from './guides.fixtures.ts';

// A QA walk of the knowledge base as an editor would: the button under a guide said «Сохранить
// новую версию» («Save a new version»), even on a guide not yet written, and nothing said that it
// puts the text before every reader at once; an editor who meant to keep a draft published it.
// The button says it publishes, on a new guide, an edited one and its preview.

describe('the button that publishes a guide', () => {
  const s = useWorld('sqlite');
  const get = (url: string) => s.t.app.inject({ method: 'GET', url, cookies: s.w.editor.cookies });

  it('says it publishes, in Russian and English', async () => {
    const edit = await writeGuide(s.t.app, s.w.editor.cookies, {
      slug: 'publish-words',
      title: 'Как подать запрос',
      markdown: 'Текст.',
    });
    const preview = await submitForm(
      s.t.app,
      edit,
      { title: 'Как подать запрос', markdown: 'Новый текст.', base: '1' },
      s.w.editor.cookies,
      `${edit}/preview`,
    );
    expect(preview.res.statusCode).toBe(200);
    for (const body of [(await get('/editor/guides/new')).body, (await get(edit)).body, preview.res.body]) {
      expect(body).toContain('<button type="submit">Сохранить и опубликовать</button>');
      expect(body).not.toContain('Сохранить новую версию');
    }
    for (const url of ['/editor/guides/new?lang=en', `${edit}?lang=en`])
      expect((await get(url)).body).toContain('<button type="submit">Save and publish</button>');
  });
});
