import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { pickEncoding, STYLESHEET } from './assets.ts';

// Page weight over Tor (issue 9): one small stylesheet, compressed, under a content-hashed URL
// that browsers keep for a year; pages compressed too.

describe('assets and compression', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp('sqlite');
  });
  afterAll(() => t.close());

  it('keeps the stylesheet within 10 KB compressed', () => {
    expect(STYLESHEET.bodies.br.length).toBeLessThanOrEqual(10_000);
    expect(STYLESHEET.bodies.gzip.length).toBeLessThanOrEqual(10_000);
  });

  it('serves the stylesheet under its hash, immutable, with an ETag, brotli when accepted', async () => {
    expect(STYLESHEET.url).toMatch(/^\/assets\/site\.[0-9a-f]{16}\.css$/);
    const res = await t.app.inject({ method: 'GET', url: STYLESHEET.url, headers: { 'accept-encoding': 'gzip, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/css/);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(res.rawPayload).equals(STYLESHEET.bodies.identity)).toBe(true);

    const again = await t.app.inject({
      method: 'GET',
      url: STYLESHEET.url,
      headers: { 'accept-encoding': 'gzip, br', 'if-none-match': String(res.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);

    const gz = await t.app.inject({ method: 'GET', url: STYLESHEET.url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.etag).not.toBe(res.headers.etag);
    const plain = await t.app.inject({ method: 'GET', url: STYLESHEET.url, headers: { 'accept-encoding': '' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(STYLESHEET.bodies.identity.toString());
  });

  it('no longer serves the old unhashed stylesheets', async () => {
    for (const url of ['/assets/pico.css', '/assets/site.css'])
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(404);
  });

  it('compresses pages, which stay no-store', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/register',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toContain('<html lang="ru">');
    expect(res.rawPayload.length).toBeLessThan(zlib.brotliDecompressSync(res.rawPayload).length / 2);
  });

  it('picks the encoding the browser accepts, honouring q=0', () => {
    expect(pickEncoding('gzip, deflate, br')).toBe('br');
    expect(pickEncoding('br;q=0, gzip')).toBe('gzip');
    expect(pickEncoding('*')).toBe('gzip');
    expect(pickEncoding('identity')).toBe('identity');
    expect(pickEncoding(undefined)).toBe('identity');
  });
});
