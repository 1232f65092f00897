import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../test/helpers/cli.ts';
import { hasKey } from './web/i18n/i18n.ts';
import { LANGUAGES } from './shared/lang.ts';

// The command's own words to the operator (shared/cli-lang.ts decides the language): what
// `migrate` did, and the kind of error before its message.

describe('kintrace, in the operator’s language', () => {
  const dirs: string[] = [];
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'kintrace-cli-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('says what migrate did, and names a configuration error, in Russian or English', async () => {
    const ru = { DATA_DIR: tmp(), DATABASE_URL: '', KINTRACE_LANG: 'ru' };
    expect((await runCliCaptured(['migrate'], ru)).out).toMatch(/^применены миграции: 0000-meta, 0001-/);
    expect((await runCliCaptured(['migrate'], ru)).out).toBe('схема базы данных уже актуальна\n');
    expect((await runCliCaptured(['migrate', '--lang', 'en'], ru)).out).toBe('schema is up to date\n');
    const bad = await runCliCaptured(['migrate'], { ...ru, LOG_FORMAT: 'xml' });
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^ошибка настройки: LOG_FORMAT/);
    expect((await runCliCaptured(['migrate', '--lang', 'en'], { ...ru, LOG_FORMAT: 'xml' })).err).toMatch(
      /^configuration error: LOG_FORMAT/,
    );
  });

  it('has every message it names (the start message’s too) in both languages', () => {
    const dir = path.dirname(new URL(import.meta.url).pathname);
    const keys = new Set<string>();
    for (const file of ['cli.ts', 'main.ts'])
      for (const m of fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/'(cli\.[A-Za-z.]+)'/g)) keys.add(m[1]);
    for (const kind of ['config', 'database', 'other']) keys.add(`cli.errors.${kind}`);
    expect(keys.size).toBeGreaterThan(5);
    for (const lang of LANGUAGES)
      expect(
        [...keys].filter((k) => !hasKey(lang, k)),
        lang,
      ).toEqual([]);
  });
});
