import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { createFamily, createOrganisation, formToken } from '../../test/helpers/factories.ts';
import { MINUTE } from '../shared/clock.ts';

// A mother writing a long story on a phone can outlast the idle timeout. The form must then
// hand back what she typed (and save nothing), not drop her on the login page empty-handed.

describe('a form posted after the session ended', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp('sqlite');
  });
  afterAll(() => t.close());

  /** A family opens the new-case form, stays idle past the timeout, then sends `fields`. */
  const sendAfterTimeout = async (fields: Record<string, string>) => {
    const family = await createFamily(t.opened.db, { clock: t.clock });
    const { token, cookies } = await formToken(t.app, '/cases/new', family.cookies);
    t.clock.advance(t.config.sessionIdleMinutes * MINUTE + MINUTE);
    const res = await t.app.inject({
      method: 'POST',
      url: '/cases/new',
      cookies,
      payload: new URLSearchParams({ _csrf: token, ...fields }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    return { res, token };
  };

  it('saves nothing, hands back the typed text and offers to log in again', async () => {
    const org = await createOrganisation(t.opened.db, { clock: t.clock });
    const story = 'Сын позвонил в последний раз 3 марта, сказал, что их переводят под Купянск.';
    const { res, token } = await sendAfterTimeout({ organisation: org.id, surname: 'Орлов', narrative: story });
    expect(res.statusCode).toBe(401);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('Время сеанса истекло');
    expect(res.body).toContain(story);
    expect(res.body).toContain('action="/login"');
    expect(res.body).not.toContain(token);
    const cases = await t.opened.db.selectFrom('cases').select('id').execute();
    expect(cases).toEqual([]);
  });

  it('still sends an empty-handed visitor straight to the login page', async () => {
    const { token, cookies } = await formToken(t.app, '/login');
    const res = await t.app.inject({
      method: 'POST',
      url: '/cases/new',
      cookies,
      payload: new URLSearchParams({ _csrf: token }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/login');
  });

  it('shows labels, the organisation by name and each choice as the form read it, never raw values', async () => {
    const org = await createOrganisation(t.opened.db, { clock: t.clock, name: 'Правозащитная группа «Рассвет»' });
    const { res } = await sendAfterTimeout({
      organisation: org.id,
      surname: 'Орлов',
      region: 'RU-ROS',
      service_category: 'mobilised',
      relation: 'mother',
      last_contact_means: 'through_comrade',
      narrative: 'Сын позвонил в последний раз 3 марта.',
      wants_to_learn: 'Где он сейчас.',
    });
    expect(res.statusCode).toBe(401);
    const body = res.body.replace(/&quot;/g, '"');
    for (const shown of [
      '<dt>Организация, которая вам поможет</dt><dd>Правозащитная группа «Рассвет»</dd>',
      '<dt>Фамилия</dt><dd>Орлов</dd>',
      '<dt>Регион, откуда человек родом</dt><dd>Ростовская область</dd>',
      '<dt>Кем вам приходится этот человек</dt><dd>Мать</dd>',
      'Через сослуживца',
      'Мобилизация',
      'Сын позвонил в последний раз 3 марта.',
      'Что вы хотите узнать',
    ])
      expect(body).toContain(shown);
    for (const raw of [org.id, 'mother', 'through_comrade', 'mobilised', 'RU-ROS']) expect(body).not.toContain(raw);
  });
});
