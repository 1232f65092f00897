import { describe, expect, it } from 'vitest';
import { submitForm } from '../../test/helpers/factories.ts';
import { useWorld } from '../cases/cases.fixtures.ts';

// A QA walk of the knowledge base as a mother on a phone: «пропал без вести», «найти сына» and
// «отказаться от контракта» each found «Найдено 0 статей» and nothing else, because a guide had to
// hold every word as typed (the guides say «пропавших», not «пропал»). When no guide holds every
// word, the guides holding some of them are listed, most words first, and the page says so.

describe('a search no guide matches in every word', () => {
  const s = useWorld('sqlite');
  const search = (q: string, lang = 'ru') =>
    submitForm(s.t.app, `/guides?lang=${lang}`, { q }, {}, `/guides/search?lang=${lang}`);

  it('lists the guides holding some of the words, and says that not all were found', async () => {
    const { res } = await search('розыск неттакогослова');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Нет статей, где есть все эти слова. Статьи, где есть некоторые из них:');
    expect(res.body).toContain('href="/guides/tracing-request"');

    const en = await search('tracing nosuchword', 'en');
    expect(en.res.body).toContain('No guide has all of these words. Guides with some of them:');
    expect(en.res.body).toContain('href="/guides/tracing-request"');

    // every word found: only those guides, and no such line
    const all = await search('Красный Крест');
    expect(all.res.body).not.toContain('Нет статей, где есть все эти слова');
    expect(all.res.body).not.toContain('/guides/refusing-service"');
    // no word found at all: nothing, and no such line either
    const none = await search('неттакогослова');
    expect(none.res.body).toContain('Найдено 0 статей');
    expect(none.res.body).not.toContain('Нет статей, где есть все эти слова');
  });
});
