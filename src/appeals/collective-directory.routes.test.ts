import { describe, expect, it } from 'vitest';
import { formToken } from '../../test/helpers/factories.ts';
import { useWorld } from '../cases/cases.fixtures.ts';

// A new collective appeal is one form: the authority chosen from the directory, without
// JavaScript, filled nothing in, and the form came back with «Заполните это поле» at the
// addressee though the caseworker had chosen «Министерство обороны» (QA walk, JS off). The
// choice now gives the addressee and the address left empty; what was typed wins.

describe('a collective appeal to an authority of the directory', () => {
  const s = useWorld('sqlite');

  const post = async (fields: Array<[string, string]>) => {
    const { token, cookies } = await formToken(s.t.app, '/staff/collective/new', s.w.caseworker.cookies);
    const payload = new URLSearchParams([...fields, ['_csrf', token]]);
    return s.t.app.inject({
      method: 'POST',
      url: '/staff/collective',
      cookies,
      payload: payload.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  };
  const letter: Array<[string, string]> = [
    ['subject', 'Коллективное обращение семей'],
    ['body', 'Просим сообщить о судьбе наших родных.'],
  ];

  it('takes its name and address when the addressee is left empty; typed words win', async () => {
    const { caseId, otherCaseId } = s.w;
    const mod = await s.t.opened.db
      .selectFrom('authorities')
      .select(['id', 'name', 'postal_address'])
      .orderBy('name')
      .executeTakeFirstOrThrow();
    const families: Array<[string, string]> = [
      ['cases', caseId],
      ['cases', otherCaseId],
    ];

    const page = await s.t.app.inject({ method: 'GET', url: '/staff/collective/new', cookies: s.w.caseworker.cookies });
    expect(page.body).toContain('Если орган выбран из справочника, можно оставить пустым');

    const chosen = await post([['authority', mod.id], ['addressee', ''], ['address', ''], ...letter, ...families]);
    expect(chosen.statusCode).toBe(303);
    const view = await s.t.app.inject({
      method: 'GET',
      url: String(chosen.headers.location),
      cookies: s.w.caseworker.cookies,
    });
    expect(view.body).toContain(mod.name);
    if (mod.postal_address) expect(view.body).toContain(mod.postal_address.split('\n')[0]);

    const typed = await post([['authority', mod.id], ['addressee', 'Министру обороны лично'], ...letter, ...families]);
    expect(typed.statusCode).toBe(303);
    const typedView = await s.t.app.inject({
      method: 'GET',
      url: String(typed.headers.location),
      cookies: s.w.caseworker.cookies,
    });
    expect(typedView.body).toContain('Министру обороны лично');

    // neither chosen nor typed: said at the field
    const neither = await post([['authority', ''], ['addressee', ''], ...letter, ...families]);
    expect(neither.statusCode).toBe(400);
    expect(neither.body).toContain('Заполните это поле.');
  });
});
