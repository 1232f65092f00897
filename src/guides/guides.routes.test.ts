import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { useWorld } from '../cases/cases.fixtures.ts';

describe.each(DIALECTS)('guides and the editors (%s)', (dialect) => {
  const s = useWorld(dialect);
  const app = () => s.t.app;
  const get = (url: string, cookies = {}) => app().inject({ method: 'GET', url, cookies });

  it('serves the seeded guides to anyone, in Russian and English, with a table of contents and the disclaimer', async () => {
    const list = await get('/guides');
    expect(list.statusCode).toBe(200);
    for (const slug of [
      'tracing-request',
      'writing-to-authorities',
      'no-answer',
      'refusing-service',
      'death-without-body',
    ])
      expect(list.body).toContain(`/guides/${slug}`);
    const ru = await get('/guides/writing-to-authorities');
    expect(ru.body).toContain('Содержание');
    expect(ru.body).toContain('href="#сроки"');
    expect(ru.body).toContain('не юридическая консультация');
    expect(ru.body).toContain('Федеральному закону № 59-ФЗ');
    // A family reads them: no file of the source code, no editor's "[проверить]" (QA walk).
    for (const slug of [
      'tracing-request',
      'writing-to-authorities',
      'no-answer',
      'refusing-service',
      'death-without-body',
    ])
      for (const lang of ['ru', 'en']) {
        const page = await get(`/guides/${slug}?lang=${lang}`);
        expect(page.body, `${slug} ${lang}`).not.toMatch(/data\/|\.md\b|\[проверить|\[verify|в справке |facts file/);
      }
    const en = await get('/guides/writing-to-authorities?lang=en');
    expect(en.body).toContain('How to write to the unit');
    expect(en.body).toContain('not legal advice');
    expect((await get('/guides/nothing-here')).statusCode).toBe(404);
  });

  it('searches the text on the server, by POST, in the reader’s language first', async () => {
    const { res } = await submitForm(app(), '/guides', { q: 'Красный Крест' }, {}, '/guides/search');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('/guides/death-without-body');
    expect(res.body).toContain('/guides/writing-to-authorities');
    expect(res.body).not.toContain('/guides/refusing-service"');
    const none = await submitForm(app(), '/guides', { q: 'zzzqqq' }, {}, '/guides/search');
    expect(none.res.body).toContain('Найдено 0 статей');
    const empty = await submitForm(app(), '/guides', { q: '' }, {}, '/guides/search');
    expect(empty.res.statusCode).toBe(400);
  });

  it('lets an editor write a guide, sanitised on save, versioned, with its history; a stale save is refused', async () => {
    const { editor } = s.w;
    const created = await submitForm(
      app(),
      '/editor/guides/new',
      {
        slug: 'test-guide',
        lang: 'ru',
        title: 'Проверка',
        markdown:
          '## Раздел\n\nТекст <script>alert(1)</script> [ссылка](javascript:alert(2)) ![x](https://evil.example/p.png)\n\n## Второй\n\nещё',
      },
      editor.cookies,
    );
    expect(created.res.statusCode).toBe(303);
    const page = await get('/guides/test-guide');
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).toContain('&lt;script&gt;');
    expect(page.body).not.toContain('javascript:');
    expect(page.body).not.toContain('evil.example');
    const editUrl = String(created.res.headers.location).replace('?done=saved', '');
    const v2 = await submitForm(
      app(),
      editUrl,
      { title: 'Проверка 2', markdown: 'Новый текст', base: '1' },
      editor.cookies,
    );
    expect(v2.res.statusCode).toBe(303);
    const stale = await submitForm(
      app(),
      editUrl,
      { title: 'Старое', markdown: 'Старый текст', base: '1' },
      editor.cookies,
    );
    expect(stale.res.statusCode).toBe(409);
    expect(stale.res.body).toContain('статью сохранил кто-то другой');
    expect((await get('/guides/test-guide')).body).toContain('Новый текст');
    const history = await get(`${editUrl}/history`, editor.cookies);
    expect(history.body).toContain('Версия 2');
    expect((await get(`${editUrl}/versions/1`, editor.cookies)).body).toContain('Раздел');
    const dup = await submitForm(
      app(),
      '/editor/guides/new',
      { slug: 'test-guide', lang: 'ru', title: 'x', markdown: 'y' },
      editor.cookies,
    );
    expect(dup.res.statusCode).toBe(400);
  });

  it('refuses a template with an unknown placeholder when it is saved, naming it; a good one becomes the new version', async () => {
    const { editor, family } = s.w;
    const page = await get('/editor/templates/ombudsman', editor.cookies);
    const base = {
      title_ru: 'Уполномоченному',
      title_en: 'To the ombudsman',
      guidance_ru: 'Пояснение',
      guidance_en: 'Guidance',
    };
    const bad = await submitForm(
      app(),
      '/editor/templates/ombudsman',
      { ...base, body: 'О {{person.fullname}}' },
      editor.cookies,
    );
    expect(bad.res.statusCode).toBe(400);
    expect(bad.res.body).toContain('Нет такого имени для подстановки: {{person.fullname}}');
    // The seeded template's version as the page shows it (a migration may have added one: 0037).
    const opened = Number(/name="base" value="(\d+)"/.exec(page.body)?.[1]);
    expect(page.body).toContain(`версия ${opened}`);
    const good = await submitForm(
      app(),
      '/editor/templates/ombudsman',
      // the version the page was opened at, as the form's hidden field sends it
      { ...base, body: 'Прошу найти {{person.full_name}}, в/ч {{person.unit}}.', base: String(opened) },
      editor.cookies,
    );
    expect(good.res.statusCode).toBe(303);
    const draft = await get(`/cases/${s.w.caseId}/appeals/new?template=ombudsman`, family.cookies);
    expect(draft.body).toContain('Прошу найти Иванов Пётр Сергеевич, в/ч 12345, 155-я бригада.');
    expect((await get('/editor/templates/ombudsman', editor.cookies)).body).toContain(`версия ${opened + 1}`);
  });

  it('lets an editor add a regional authority that families then pick from', async () => {
    const { editor, family } = s.w;
    const bad = await submitForm(
      app(),
      '/editor/authorities',
      { kind: 'military_commissariat', name: 'X', online_url: 'ftp://x' },
      editor.cookies,
    );
    expect(bad.res.statusCode).toBe(400);
    const ok = await submitForm(
      app(),
      '/editor/authorities',
      {
        kind: 'military_commissariat',
        name: 'Военный комиссариат Ростовской области',
        region: 'RU-ROS',
        postal_address: '344000, г. Ростов-на-Дону',
      },
      editor.cookies,
    );
    expect(ok.res.statusCode).toBe(303);
    const picker = await get(`/cases/${s.w.caseId}/appeals/new`, family.cookies);
    expect(picker.body).toContain('Военный комиссариат Ростовской области');
    const id = /\/editor\/authorities\/([0-9a-f-]{36})/.exec(String(ok.res.headers.location))![1];
    const draft = await get(`/cases/${s.w.caseId}/appeals/new?template=inquiry&authority=${id}`, family.cookies);
    expect(draft.body).toContain('344000, г. Ростов-на-Дону');
  });
});
