import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { useWorld } from '../cases/cases.fixtures.ts';

// A QA walk of the knowledge base as an editor: writing the English version of a Russian guide
// (the same address), the preview showed no link to the Russian one, which the published page
// then did — the preview is to show the guide as readers will see it. It now finds the other
// language's version by the address typed, as the published page does.

describe.each(DIALECTS)("a new guide's preview and its other language (%s)", (dialect) => {
  const s = useWorld(dialect);
  const app = () => s.t.app;
  const cookies = () => s.w.editor.cookies;

  it('links to the version in the other language, as the published page will', async () => {
    const ru = await submitForm(
      app(),
      '/editor/guides/new',
      { slug: 'twin-guide', lang: 'ru', title: 'Как подать запрос о розыске', markdown: 'Текст.' },
      cookies(),
    );
    expect(ru.res.statusCode).toBe(303);
    const en = { slug: 'twin-guide', lang: 'en', title: 'How to file a tracing request', markdown: 'Text.' };
    const link = '<a href="/guides/twin-guide?lang=ru" hreflang="ru" lang="ru">Как подать запрос о розыске</a>';

    // The editor works in English, as the guide's readers will read it.
    const preview = await submitForm(
      app(),
      '/editor/guides/new?lang=en',
      en,
      cookies(),
      '/editor/guides/new/preview?lang=en',
    );
    expect(preview.res.statusCode).toBe(200);
    expect(preview.res.body).toContain(link);

    // an address no guide has yet: no link, and the preview still shows
    const alone = await submitForm(
      app(),
      '/editor/guides/new?lang=en',
      { ...en, slug: 'no-such-guide' },
      cookies(),
      '/editor/guides/new/preview?lang=en',
    );
    expect(alone.res.statusCode).toBe(200);
    expect(alone.res.body).not.toContain('href="/guides/no-such-guide?lang=ru"');
    expect(alone.res.body).toContain('How to file a tracing request');

    const saved = await submitForm(app(), '/editor/guides/new', en, cookies());
    expect(saved.res.statusCode).toBe(303);
    const published = await app().inject({ method: 'GET', url: '/guides/twin-guide?lang=en' });
    expect(published.body).toContain(link);
  });
});
