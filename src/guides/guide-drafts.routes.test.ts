import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { writeGuide } from './guides.fixtures.ts';

// Every save of a guide published it: an editor who meant to go on tomorrow put a half-written
// text before every reader. «Сохранить черновик» saves a new version that readers do not see (not
// on the guide's page, not in the search); the editor's form opens on the draft, its preview shows
// it, and «Сохранить и опубликовать» publishes it later. Both databases.

describe.each(DIALECTS)("a guide's draft (%s)", (dialect) => {
  const s = useWorld(dialect);
  const app = () => s.t.app;
  const get = (url: string, cookies = {}) => app().inject({ method: 'GET', url, cookies });
  const search = (q: string) => submitForm(app(), '/guides', { q }, {}, '/guides/search');

  it('is saved without publishing, opened by the editor, and published later', async () => {
    const { editor } = s.w;
    const edit = await writeGuide(app(), editor.cookies, {
      slug: 'drafty',
      title: 'Как писать в часть',
      markdown: 'Опубликованный текст.',
    });
    const form = await get(edit, editor.cookies);
    expect(form.body).toContain(
      '<button type="submit" class="secondary" name="draft" value="1">Сохранить черновик</button>',
    );
    expect((await get(`${edit}?lang=en`, editor.cookies)).body).toContain('>Save draft</button>');

    const draft = { title: 'Как писать в воинскую часть', markdown: 'Текст черновика про розыскбюро.', draft: '1' };
    const saved = await submitForm(app(), edit, { ...draft, base: '1' }, editor.cookies);
    expect(saved.res.statusCode).toBe(303);
    expect(saved.res.headers.location).toBe(`${edit}?done=draft`);

    // readers see the published version, and the search does not know the draft's words
    const public_ = await get('/guides/drafty');
    expect(public_.body).toContain('Опубликованный текст.');
    expect(public_.body).not.toContain('Текст черновика');
    expect((await search('розыскбюро')).res.body).toContain('Найдено 0 статей');

    // the editor opens the draft, told that readers see version 1
    const opened = await get(`${edit}?done=draft`, editor.cookies);
    expect(opened.body).toContain('Черновик сохранён. Читатели видят опубликованную версию 1.');
    expect(opened.body).toMatch(/<textarea[^>]*name="markdown"[^>]*>Текст черновика про розыскбюро\.<\/textarea>/);
    expect(opened.body).toContain('name="base" value="2"');
    expect((await get(edit, editor.cookies)).body).toContain('Это черновик (версия 2). Читатели видят версию 1.');
    expect((await get(`${edit}?lang=en`, editor.cookies)).body).toContain(
      'This is a draft (version 2). Readers see version 1.',
    );
    expect((await get('/editor/guides', editor.cookies)).body).toContain('черновик 2');
    const history = (await get(`${edit}/history`, editor.cookies)).body;
    expect(history).toMatch(/Версия 2: Как писать в воинскую часть<\/a> · [\d.]+ · черновик, не опубликована/);
    expect(history).toMatch(/Версия 1: Как писать в часть<\/a> · [\d.]+ · опубликована/);

    // a stale save meets the draft as it would a newer version
    const stale = await submitForm(app(), edit, { title: 'x', markdown: 'Старое.', base: '1' }, editor.cookies);
    expect(stale.res.statusCode).toBe(409);
    expect(stale.res.body).toContain('Текст черновика про розыскбюро.');
    expect(stale.res.body).toContain('name="base" value="2"');

    // published later: readers see it, the search finds it, and no draft is left
    const published = await submitForm(app(), edit, { ...draft, draft: '', base: '2' }, editor.cookies);
    expect(published.res.statusCode).toBe(303);
    expect(published.res.headers.location).toBe(`${edit}?done=saved`);
    expect((await get('/guides/drafty')).body).toContain('Текст черновика про розыскбюро.');
    expect((await search('розыскбюро')).res.body).toContain('href="/guides/drafty"');
    const after = await get(edit, editor.cookies);
    expect(after.body).not.toContain('Это черновик');
    expect(after.body).toContain('name="base" value="3"');
  });
  it('of a new guide is not published at all until the editor publishes it', async () => {
    const { editor } = s.w;
    expect((await get('/editor/guides/new', editor.cookies)).body).toContain('>Сохранить черновик</button>');
    const made = await submitForm(
      app(),
      '/editor/guides/new',
      {
        slug: 'new-draft',
        lang: 'ru',
        title: 'Новая статья',
        markdown: 'Недописанный текст про апостиль.',
        draft: '1',
      },
      editor.cookies,
    );
    expect(made.res.statusCode).toBe(303);
    const location = String(made.res.headers.location);
    expect(location).toMatch(/\/editor\/guides\/[0-9a-f-]{36}\?done=draft$/);
    const edit = location.replace('?done=draft', '');

    // no reader sees it: not its page, not the list, not the search
    expect((await get('/guides/new-draft')).statusCode).toBe(404);
    expect((await get('/guides')).body).not.toContain('/guides/new-draft');
    expect((await search('апостиль')).res.body).toContain('Найдено 0 статей');

    // the editor finds it in her list, opens it, previews it
    expect((await get(location, editor.cookies)).body).toContain(
      'Черновик сохранён. Статья ещё не опубликована: читатели её не видят.',
    );
    const opened = await get(edit, editor.cookies);
    expect(opened.body).toContain('Это черновик (версия 1). Статья ещё не опубликована: читатели её не видят.');
    expect(opened.body).toMatch(/<textarea[^>]*name="markdown"[^>]*>Недописанный текст про апостиль\.<\/textarea>/);
    expect(opened.body).toContain('name="base" value="1"');
    const list = (await get('/editor/guides', editor.cookies)).body;
    expect(list).toContain(`href="${edit}"`);
    expect(list).toContain('не опубликована</a> · черновик 1');
    const typed = { title: 'Новая статья', markdown: 'Дописанный текст про апостиль.', base: '1' };
    const preview = await submitForm(app(), edit, typed, editor.cookies, `${edit}/preview`);
    expect(preview.res.statusCode).toBe(200);
    expect(preview.res.body).toContain('Дописанный текст про апостиль.');
    // a saved draft's preview does not call it unsaved
    expect(preview.res.body).toContain('Предпросмотр ничего не сохраняет и не публикует.');
    expect(preview.res.body).not.toContain('ещё не сохранена');
    expect((await get(`${edit}/history`, editor.cookies)).body).toContain('черновик, не опубликована');

    // published: readers see it
    const published = await submitForm(app(), edit, typed, editor.cookies);
    expect(published.res.headers.location).toBe(`${edit}?done=saved`);
    expect((await get('/guides/new-draft')).body).toContain('Дописанный текст про апостиль.');
    expect((await search('апостиль')).res.body).toContain('href="/guides/new-draft"');
  });
});
