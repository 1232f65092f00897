import { describe, expect, it } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import { translator } from '../web/i18n/i18n.ts';
import type { PageContext } from '../web/page-context.ts';
import { PersonSummary } from './people.views.tsx';
import type { PersonView } from './people.service.ts';

// «Не знаю» is her answer on the form (and what leaving the list alone means); on the case page
// the same value reads as a fact about the person: «неизвестно».

const person = (service_category: string) =>
  ({ surname: 'Иванов', given_name: 'Пётр', patronymic: null, service_category }) as unknown as PersonView;
const summary = (lang: 'ru' | 'en', category: string) =>
  renderToString(PersonSummary({ ctx: { t: translator(lang), lang } as PageContext, person: person(category) }));

describe("a person's summary", () => {
  it('says an unknown service category is not known, not «Не знаю»', () => {
    expect(summary('ru', 'unknown')).toContain('<dd>неизвестно</dd>');
    expect(summary('ru', 'unknown')).not.toContain('Не знаю');
    expect(summary('en', 'unknown')).toContain('<dd>not known</dd>');
    expect(summary('ru', 'contract')).toContain('<dd>Контракт</dd>');
  });
});
