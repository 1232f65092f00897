import { describe, expect, it } from 'vitest';
import { returnPath, withReturn } from './return-to.ts';

describe('the page to return to after a log-in', () => {
  it('is a plain path of this site', () => {
    expect(returnPath('/cases/3f1c-9a')).toBe('/cases/3f1c-9a');
    expect(returnPath('/staff/tips/abc')).toBe('/staff/tips/abc');
    expect(withReturn('/login', '/my/cases')).toBe('/login?next=%2Fmy%2Fcases');
  });

  it('is nothing off the site, with a query, encoded, or a way in itself', () => {
    for (const raw of [
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example/',
      'evil.example',
      '/%2F%2Fevil.example',
      '/cases/x?y=1',
      '/staff/search?q=Демидов',
      '/cases/x#top',
      '/',
      '/login',
      '/login/2fa',
      '/logout',
      '/register',
      '/setup/abc',
      '/invite/abc',
      `/${'a'.repeat(250)}`,
      undefined,
      ['/cases/x'],
    ]) {
      expect(returnPath(raw), String(raw)).toBeNull();
      expect(withReturn('/login', raw)).toBe('/login');
    }
  });
});
