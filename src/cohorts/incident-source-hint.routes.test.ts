import { describe, expect, it } from 'vitest';
import { useWorld } from '../cases/cases.fixtures.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { grantMatching } from '../policy/matching.policy.ts';
import { principalOf } from '../policy/principal.ts';
import { createIncident } from './incidents.service.ts';

// A QA walk of an incident as staff: a source's «Что это (название, дата, адрес)» is shown on the
// case page of every linked family, yet its field said nothing of it, under a «Сослуживец или
// свидетель» kind — where a caseworker writes whose testimony it is and where he lives. The title
// says who sees it; the source now says so too, and asks for no witness's name or address.

describe("an incident source's citation", () => {
  const s = useWorld('sqlite');

  it('says under its field that the linked families see it, in Russian and English', async () => {
    const grant = grantMatching(principalOf(s.w.caseworker.auth), 'incident_edit');
    const id = await createIncident({ db: s.t.opened.db, clock: s.t.clock }, grant, {
      title: 'Обстрел подвала',
      date: parsePartialDate('03.2025') ?? undefined,
    });
    for (const [lang, words] of [
      ['ru', 'Видят семьи связанных людей: без имён свидетелей, их телефонов и домашних адресов.'],
      ['en', "The families of the linked people see it: no witness's name, phone or home address."],
    ]) {
      const page = await s.t.app.inject({
        method: 'GET',
        url: `/staff/incidents/${id}?lang=${lang}`,
        cookies: s.w.caseworker.cookies,
      });
      expect(page.statusCode).toBe(200);
      expect(page.body, lang).toMatch(/name="citation"[^>]*aria-describedby="citation-hint"/);
      expect(page.body, lang).toContain(`<small id="citation-hint">${words}`);
    }
  });
});
