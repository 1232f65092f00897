import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { writeGuide } from './guides.fixtures.ts';

// A QA walk of the knowledge base: «вести» (as in «пропал без вести») found a guide that only says
// «привести документы в порядок», because a query word matched anywhere inside a guide's words. A
// query word now matches the words of a guide that begin with it: «вести» finds «вести» and
// «вестись», «военкомат» finds «военкомата», and nothing finds a word from its middle.

describe.each(DIALECTS)("the guides' search matches words from their start (%s)", (dialect) => {
  const s = useWorld(dialect);
  const search = (q: string, lang = 'ru') =>
    submitForm(s.t.app, `/guides?lang=${lang}`, { q }, {}, `/guides/search?lang=${lang}`);

  it('finds a word and the words beginning with it, never a word holding it in its middle', async () => {
    const { editor } = s.w;
    await writeGuide(s.t.app, editor.cookies, {
      slug: 'papers-in-order',
      title: 'Бумаги',
      markdown: 'Как привести документы в порядок до поездки в военкомат.',
    });
    await writeGuide(s.t.app, editor.cookies, {
      slug: 'keep-a-diary',
      title: 'Дневник',
      markdown: 'Записи должны вестись каждый день: дата, кто звонил, что сказал.',
    });

    const { res } = await search('вести');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('href="/guides/keep-a-diary"');
    expect(res.body).not.toContain('href="/guides/papers-in-order"');

    // the start of a word finds its longer forms
    const office = await search('военкомат');
    expect(office.res.body).toContain('href="/guides/papers-in-order"');
    // and the middle of one («комат» in «военкомат») finds nothing
    const middle = await search('комат');
    expect(middle.res.body).not.toContain('href="/guides/papers-in-order"');
    expect(middle.res.body).toContain('Найдено 0 статей');

    // English: «race» is in «tracing», never at its start
    const en = await search('race', 'en');
    expect(en.res.body).not.toContain('href="/guides/tracing-request"');
    expect((await search('tracing', 'en')).res.body).toContain('href="/guides/tracing-request"');
  });
});
