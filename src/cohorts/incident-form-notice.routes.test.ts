import { describe, expect, it } from 'vitest';
import { submitForm } from '../../test/helpers/factories.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { grantMatching } from '../policy/matching.policy.ts';
import { principalOf } from '../policy/principal.ts';
import { createIncident } from './incidents.service.ts';

// A QA walk of an incident on a phone, JavaScript off: a source sent without its kind came back
// with the error 1,000 px down, under the linked people and the facts; the page opened at the top,
// where «Источников пока нет» read as if it had gone through. A form that comes back with a
// mistake is now said at the top, with the way down to it — as the appeal's page does — on the
// incident (a fact, a source) and on the list (a new incident).

const NOTICE =
  /<p class="form-errors" role="alert">Не сохранено: исправьте ошибку в форме ниже\. <a href="#([a-z-]+)">/;

describe('an incident form that comes back with a mistake', () => {
  const s = useWorld('sqlite');
  const cookies = () => s.w.caseworker.cookies;
  const topOf = (body: string) => body.slice(0, body.indexOf('<h2'));

  it('is said at the top of the page, with a link to the form, in Russian and English', async () => {
    const grant = grantMatching(principalOf(s.w.caseworker.auth), 'incident_edit');
    const id = await createIncident({ db: s.t.opened.db, clock: s.t.clock }, grant, {
      title: 'Обстрел подвала',
      date: parsePartialDate('03.2025') ?? undefined,
    });
    const page = `/staff/incidents/${id}`;
    const source = await submitForm(
      s.t.app,
      page,
      { citation: 'Канал в Телеграме, 12.03.2025' },
      cookies(),
      `${page}/sources`,
    );
    expect(source.res.statusCode).toBe(400);
    expect(topOf(source.res.body).match(NOTICE)?.[1]).toBe('sources-h');
    expect(source.res.body).toContain('value="Канал в Телеграме, 12.03.2025"');

    const fact = await submitForm(s.t.app, page, { kind: 'missing', date: '16.13.2025' }, cookies(), `${page}/facts`);
    expect(fact.res.statusCode).toBe(400);
    expect(topOf(fact.res.body).match(NOTICE)?.[1]).toBe('facts-h');

    const list = '/staff/incidents';
    const made = await submitForm(s.t.app, list, { title: 'Штурм', date: '31.02.2025' }, cookies(), list);
    expect(made.res.statusCode).toBe(400);
    expect(topOf(made.res.body).match(NOTICE)?.[1]).toBe('new-h');

    const en = await submitForm(s.t.app, `${page}?lang=en`, { citation: 'x' }, cookies(), `${page}/sources?lang=en`);
    expect(topOf(en.res.body)).toContain('Not saved: correct the error in the form below. <a href="#sources-h">');

    // A page that did not come back from a form says nothing of the kind.
    const plain = await s.t.app.inject({ method: 'GET', url: page, cookies: cookies() });
    expect(plain.body).not.toMatch(NOTICE);
  });
});
