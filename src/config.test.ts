import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('QUICK_EXIT_URL', () => {
  it('defaults to a neutral weather page and takes only http(s) addresses', () => {
    expect(loadConfig({}).quickExitUrl).toBe('https://yandex.ru/pogoda');
    expect(loadConfig({ QUICK_EXIT_URL: 'https://www.gismeteo.ru/' }).quickExitUrl).toBe('https://www.gismeteo.ru/');
    expect(() => loadConfig({ QUICK_EXIT_URL: 'javascript:alert(1)' })).toThrow(/QUICK_EXIT_URL/);
    expect(() => loadConfig({ QUICK_EXIT_URL: 'yandex.ru' })).toThrow(/QUICK_EXIT_URL/);
  });
});
