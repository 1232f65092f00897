import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { useWorld } from '../cases/cases.fixtures.ts';

// An editor had no way to see a guide as readers would before saving it, and saving publishes.
// «Предпросмотр» posts the form (formaction: no JavaScript) and shows the guide rendered and
// sanitised as a save would, with the form again as typed, and saves nothing. Both databases.

describe.each(DIALECTS)("a guide's preview (%s)", (dialect) => {
  const s = useWorld(dialect);
  const app = () => s.t.app;
  const db = () => s.t.opened.db;
  const get = (url: string, cookies = {}) => app().inject({ method: 'GET', url, cookies });
  const versions = async () =>
    (await db().selectFrom('guide_versions').select('id').execute()).length +
    (await db().selectFrom('guides').select('id').execute()).length;

  it('shows an edited guide as readers would see it, with the unsaved text, and saves nothing', async () => {
    const { editor, caseworker } = s.w;
    const made = await submitForm(
      app(),
      '/editor/guides/new',
      { slug: 'preview-me', lang: 'ru', title: 'Как писать в часть', markdown: '## Сроки\n\nСтарый текст.' },
      editor.cookies,
    );
    expect(made.res.statusCode).toBe(303);
    const edit = String(made.res.headers.location).replace('?done=saved', '');
    const form = await get(edit, editor.cookies);
    expect(form.body).toContain(`formaction="${edit}/preview"`);
    const before = await versions();

    const typed = {
      title: 'Как писать в воинскую часть',
      markdown: '## Сроки\n\nНовый текст с **важным** словом.\n\n## Куда писать\n\n<script>alert(1)</script>Адрес.',
      base: '1',
    };
    const { res } = await submitForm(app(), edit, typed, editor.cookies, `${edit}/preview`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Предпросмотр: так статью увидят читатели.');
    expect(res.body).toContain('<h1>Как писать в воинскую часть</h1>');
    expect(res.body).toContain('<strong>важным</strong>');
    // the reader's table of contents, and sanitised as a save is
    expect(res.body).toContain('Содержание');
    expect(res.body).not.toContain('<script>alert(1)</script>');
    // the form again as typed, the version it was opened at kept (a stale save is still caught)
    expect(res.body).toContain('value="Как писать в воинскую часть"');
    expect(res.body).toContain('Новый текст с **важным** словом.');
    expect(res.body).toContain('name="base" value="1"');
    expect(res.body).toContain(`action="${edit}"`);
    // nothing saved: no version, and readers still read the old text
    expect(await versions()).toBe(before);
    const public_ = await get('/guides/preview-me');
    expect(public_.body).toContain('Старый текст.');
    expect(public_.body).not.toContain('Новый текст');

    // English page, the same preview
    const en = await submitForm(app(), `${edit}?lang=en`, typed, editor.cookies, `${edit}/preview?lang=en`);
    expect(en.res.body).toContain('Preview: this is how readers will see the guide.');

    // Nothing to show: the form back with its error, as a save would say it.
    const empty = await submitForm(app(), edit, { ...typed, markdown: '' }, editor.cookies, `${edit}/preview`);
    expect(empty.res.statusCode).toBe(400);
    expect(empty.res.body).toContain('value="Как писать в воинскую часть"');

    // Only editors.
    const cw = await submitForm(app(), '/staff', typed, caseworker.cookies, `${edit}/preview`);
    expect(cw.res.statusCode).toBe(404);
  });

  it('shows a new guide before it exists, and creates nothing', async () => {
    const { editor } = s.w;
    const before = await versions();
    const typed = {
      slug: 'brand-new',
      lang: 'en',
      title: 'Where to ask',
      markdown: 'Ask the *unit* first.',
      base: '0',
    };
    const { res } = await submitForm(app(), '/editor/guides/new', typed, editor.cookies, '/editor/guides/new/preview');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Where to ask</h1>');
    expect(res.body).toContain('<em>unit</em>');
    expect(res.body).toContain('<article lang="en" class="guide">');
    expect(res.body).toContain('value="brand-new"');
    expect(res.body).toContain('action="/editor/guides/new"');
    expect(await versions()).toBe(before);
    expect((await get('/guides/brand-new')).statusCode).toBe(404);
  });
});
