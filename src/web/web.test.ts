import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { createOrganisation, createSiteAdmin, createStaff } from '../../test/helpers/factories.ts';
import { languageSwitchPath } from './layout.tsx';

describe('web foundation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp('sqlite');
  });
  afterAll(() => t.close());

  it('answers /healthz', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('serves the home page in Russian by default with the security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="ru">');
    expect(res.body).toContain('Быстрый выход');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    // The one other origin: where the quick exit's form is redirected (form-action holds redirects).
    expect(csp).toContain("form-action 'self' https://yandex.ru;");
    expect(csp.replace("form-action 'self' https://yandex.ru;", '')).not.toMatch(/unsafe-inline|https?:/);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('switches to English with ?lang=en and remembers it in a cookie', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/?lang=en' });
    expect(res.body).toContain('<html lang="en">');
    const cookie = res.cookies.find((c) => c.name === 'lang');
    expect(cookie?.value).toBe('en');
    const again = await t.app.inject({ method: 'GET', url: '/', cookies: { lang: 'en' } });
    expect(again.body).toContain('Quick exit');
  });

  it('follows Accept-Language when nothing else is set', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/', headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(res.body).toContain('<html lang="en">');
  });

  it('answers unknown pages with a translated 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/no-such-page' });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Страница не найдена');
  });

  it('rejects a POST without a CSRF token with a translated 403', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/logout',
      payload: 'a=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect([403, 404]).toContain(res.statusCode);
  });

  it('answers a malformed JSON body with 400, not 500', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/healthz',
      payload: '{bad',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBeLessThan(500);
  });

  it('points the language link of a page answering a POST to a page that exists', async () => {
    expect(languageSwitchPath('/logout')).toBe('/');
    expect(languageSwitchPath('/cases/abc/events')).toBe('/cases/abc');
    expect(languageSwitchPath('/staff/cases/abc/notes')).toBe('/cases/abc');
    expect(languageSwitchPath('/editor/guides/abc/preview')).toBe('/editor/guides/abc');
    expect(languageSwitchPath('/account/2fa/confirm')).toBe('/account/2fa');
    expect(languageSwitchPath('/register')).toBe('/register');
    // A board's forms: a name refused, a post hidden or a name reset twice, a family let back twice,
    // a way back no longer open answer on their own address.
    for (const form of [
      'posts',
      'name',
      'posts/p1/hide',
      'posts/p1/restore',
      'posts/p1/reset-name',
      'readmit',
      'rejoin',
    ])
      expect(languageSwitchPath(`/cohorts/b1/${form}`), form).toBe('/cohorts/b1');
    expect(languageSwitchPath('/cohorts/b1')).toBe('/cohorts/b1');
    // Leaving has a page of its own (a removal's names its family: the page gives its address).
    expect(languageSwitchPath('/cohorts/b1/leave')).toBe('/cohorts/b1/leave');
    for (const path of [
      '/logout',
      '/cases/abc/events',
      '/staff/cases/abc/close',
      '/staff/events/abc/verify',
      '/account/2fa/passphrase',
      '/account/passphrase',
      '/admin/invites/revoke',
      '/editor/guides/new/preview',
    ]) {
      const res = await t.app.inject({ method: 'GET', url: `${languageSwitchPath(path)}?lang=en` });
      expect(res.statusCode, path).not.toBe(404);
    }
  });

  it('offers the case queue in the menu only to those who may work cases', async () => {
    const org = await createOrganisation(t.opened.db, { clock: t.clock });
    const menu = async (cookies: Record<string, string>, url: string) =>
      (await t.app.inject({ method: 'GET', url, cookies })).body;
    const admin = await createSiteAdmin(t.opened.db, { clock: t.clock });
    const adminPage = await menu(admin.cookies, '/admin/organisations');
    expect(adminPage).not.toContain('href="/staff"');
    expect(adminPage).toContain('href="/admin/organisations"');
    const editor = await createStaff(t.opened.db, org, 'editor', { clock: t.clock });
    expect(await menu(editor.cookies, '/account')).not.toContain('href="/staff"');
    const worker = await createStaff(t.opened.db, org, 'caseworker', { clock: t.clock });
    expect(await menu(worker.cookies, '/account')).toContain('href="/staff"');
  });
});
