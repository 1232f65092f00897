import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.ts';
import { buildWorld, type World } from '../../src/cases/cases.fixtures.ts';
import { languageSwitchPath } from '../../src/web/layout.tsx';

// The language link on every page is built from the route that matched and its parameters,
// never from the raw request path (issue 14: `GET //evil.example/x` rendered a link to another
// host on the real site's page). A 404 links to "/" in the other language.

const switchHref = (html: string): string => {
  const m = /<a href="([^"]*)" hreflang="(?:en|ru)"/.exec(html);
  if (!m) throw new Error('no language link');
  return m[1].replace(/&amp;/g, '&');
};

describe('the language switch', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await testApp('sqlite');
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  it('never links to another host, whatever the path asked for', async () => {
    for (const url of [
      '//evil.example/x',
      '///evil.example/x',
      '/\\evil.example/x',
      '/%2F%2Fevil.example/x',
      '/%5C%5Cevil.example',
      '//evil.example/cases/new',
      '/cases/%2F%2Fevil.example',
      '/tip/files/..%2F..%2F%2Fevil.example',
      '/staff/tips/%2F%2Fevil.example',
      '/x?lang=en&next=//evil.example',
    ]) {
      const res = await t.app.inject({ method: 'GET', url, cookies: w.caseworker.cookies });
      expect(res.statusCode, url).toBeLessThan(500);
      if (!String(res.headers['content-type']).startsWith('text/html')) continue;
      const href = switchHref(res.body);
      expect(href, url).toMatch(/^\/(?![/\\])/);
      // Whatever the request carried stays on this host (at most percent-encoded in a path).
      expect(new URL(href, 'http://kintrace.test').host, url).toBe('kintrace.test');
      for (const [, link] of res.body.matchAll(/href="([^"]*)"/g))
        if (/evil/i.test(link))
          expect(new URL(link.replace(/&amp;/g, '&'), 'http://kintrace.test').host, url).toBe('kintrace.test');
    }
  });

  it('a 404 links to the home page in the other language', async () => {
    const res = await t.app.inject({ method: 'GET', url: '//evil.example/x' });
    expect(res.statusCode).toBe(404);
    expect(switchHref(res.body)).toBe('/?lang=en');
  });

  it("links to the page's own route with its parameters", async () => {
    const page = await t.app.inject({
      method: 'GET',
      url: `/cases/${w.caseId}?done=message`,
      cookies: w.family.cookies,
    });
    expect(switchHref(page.body)).toBe(`/cases/${w.caseId}?lang=en`);
    expect(switchHref((await t.app.inject({ method: 'GET', url: '/tips/new' })).body)).toBe('/tips/new?lang=en');
    const en = await t.app.inject({ method: 'GET', url: '/tips/new?lang=en' });
    expect(switchHref(en.body)).toBe('/tips/new?lang=ru');
    // Every page without parameters links to itself (or to the page its form belongs to).
    for (const r of t.app.routeTable.filter(
      (x) => x.method === 'GET' && !x.url.includes(':') && !x.url.includes('*'),
    )) {
      const res = await t.app.inject({ method: 'GET', url: r.url, cookies: w.admin.cookies });
      if (res.statusCode !== 200 || !String(res.headers['content-type']).startsWith('text/html')) continue;
      // A page that also answers its own form's POST may send the switch to the form's page.
      expect(switchHref(res.body), r.url).toBe(`${languageSwitchPath(r.url)}?lang=en`);
    }
  });
});
