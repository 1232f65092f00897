import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { writeGuide } from './guides.fixtures.ts';

// A mother types a word in the form she thinks of it, and the guides say it in another: «пропал»
// found nothing though the guides speak of «пропавших», «письмо» missed «письма», «в военкомате»
// missed «военкомат», «сына» missed «сыну». Each word of the query and of the guides is now
// stemmed (src/shared/stem.ts), Russian and English, and a word is found in its other forms.

describe.each(DIALECTS)("the guides' search finds a word in its other forms (%s)", (dialect) => {
  const s = useWorld(dialect);
  const search = (q: string, lang = 'ru') =>
    submitForm(s.t.app, `/guides?lang=${lang}`, { q }, {}, `/guides/search?lang=${lang}`);
  const finds = async (q: string, slug: string, lang = 'ru') =>
    expect((await search(q, lang)).res.body, q).toContain(`href="/guides/${slug}`);

  it('finds Russian words in the forms the guides use, ё read as е', async () => {
    const { editor } = s.w;
    await writeGuide(s.t.app, editor.cookies, {
      slug: 'forms-missing',
      title: 'Родным',
      markdown: 'Что делать родным пропавших без вести военнослужащих: кому писать и что хранить.',
    });
    await writeGuide(s.t.app, editor.cookies, {
      slug: 'forms-office',
      title: 'Куда идти',
      markdown: 'Сначала идите в военкомат по месту призыва. Копии каждого письма храните дома.',
    });
    await writeGuide(s.t.app, editor.cookies, {
      slug: 'forms-son',
      title: 'Передать вещи',
      markdown: 'Посылку сыну передают через часть, а ответа на письмо ждут месяц; ждёте дольше — пишите снова.',
    });

    for (const [q, slug] of [
      ['пропал', 'forms-missing'],
      ['пропала без вести', 'forms-missing'],
      ['военкомата', 'forms-office'],
      ['в военкомате', 'forms-office'],
      ['письмо', 'forms-office'],
      ['письмами', 'forms-office'],
      ['сына', 'forms-son'],
      ['ответа', 'forms-son'],
      ['ждете ответ', 'forms-son'],
      ['посылки сыну', 'forms-son'],
    ])
      await finds(q, slug);

    // all the words found: no "some of the words" line
    const whole = await search('письмо в военкомат');
    expect(whole.res.body).toContain('href="/guides/forms-office"');
    expect(whole.res.body).not.toContain('Нет статей, где есть все эти слова');
    // a form does not find another word that merely begins alike
    expect((await search('пропаганда')).res.body).not.toContain('href="/guides/forms-missing"');
  });

  it('ranks a guide with the word in its title above one with it in the text only', async () => {
    const { editor } = s.w;
    await writeGuide(s.t.app, editor.cookies, {
      slug: 'forms-rank-body',
      title: 'Памятка',
      markdown: 'Жалоба в прокуратуру. Жалобу можно подать снова. Жалобы регистрируют за три дня.',
    });
    await writeGuide(s.t.app, editor.cookies, {
      slug: 'forms-rank-title',
      title: 'Жалобы',
      markdown: 'Как её составить.',
    });
    const body = (await search('жалоба')).res.body;
    const title = body.indexOf('href="/guides/forms-rank-title"');
    expect(title).toBeGreaterThan(-1);
    expect(title).toBeLessThan(body.indexOf('href="/guides/forms-rank-body"'));
  });

  it('finds English words in their other forms', async () => {
    const made = await submitForm(
      s.t.app,
      '/editor/guides/new',
      {
        slug: 'forms-english',
        lang: 'en',
        title: 'Keeping a record',
        markdown: 'Each family keeps a copy of every letter it sent and every reply it received.',
      },
      s.w.editor.cookies,
    );
    expect(made.res.statusCode).toBe(303);
    for (const q of ['families', 'letters', 'replied', 'receiving', 'keeps records'])
      await finds(q, 'forms-english', 'en');
  });
});
