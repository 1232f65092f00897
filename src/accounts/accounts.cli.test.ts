import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../test/helpers/cli.ts';

// `kintrace admin create` as an operator types it: in Russian unless they ask for English (with
// --lang, KINTRACE_LANG or their locale), its errors too; the passphrase printed either way.

/** No language set anywhere, whatever the machine running the tests has. */
const NO_LANGUAGE = { KINTRACE_LANG: '', LC_ALL: '', LC_MESSAGES: '', LANG: '' };

describe('kintrace admin create', () => {
  const dirs: string[] = [];
  const env = (more: Record<string, string> = {}) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kintrace-admin-cli-'));
    dirs.push(dir);
    return {
      DATA_DIR: dir,
      DATABASE_URL: '',
      PUBLIC_URL: 'https://kintrace.example',
      ARGON2_MEMORY_KIB: '1024',
      ARGON2_ITERATIONS: '1',
      ...NO_LANGUAGE,
      ...more,
    };
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('speaks Russian when nothing says otherwise, errors included', async () => {
    const e = env();
    const made = await runCliCaptured(
      ['admin', 'create', '--pseudonym', 'Админ', '--organisation', 'Группа «Север»'],
      e,
    );
    expect(made.code).toBeUndefined();
    const lines = made.out.split('\n');
    expect(lines[0]).toBe('Созданы администратор сайта «Админ» и организация «Группа „Север“», в которую он входит.');
    expect(lines[1]).toMatch(/^Парольная фраза \(показана только сейчас, запишите её\): \S/);
    expect(lines[2]).toBe(
      'Войдите на https://kintrace.example/login: сначала сайт попросит настроить двухфакторную защиту.',
    );
    const taken = await runCliCaptured(['admin', 'create', '--pseudonym', 'админ'], e);
    expect(taken.code).toBe(1);
    expect(taken.err).toMatch(/^ошибка: Этот псевдоним уже занят\./);
    const short = await runCliCaptured(['admin', 'create', '--pseudonym', 'a'], e);
    expect(short.err).toMatch(/^ошибка: --pseudonym: Псевдоним слишком короткий/);
  });

  it('speaks English when --lang, KINTRACE_LANG or the locale asks for it', async () => {
    for (const [args, more] of [
      [['--lang', 'en'], { LANG: 'ru_RU.UTF-8' }],
      [[], { KINTRACE_LANG: 'en', LANG: 'ru_RU.UTF-8' }],
      [[], { LANG: 'en_GB.UTF-8' }],
    ] as const) {
      const e = env(more);
      const r = await runCliCaptured(['admin', 'create', '--pseudonym', 'Admin', ...args], e);
      expect(r.out, JSON.stringify(more)).toMatch(
        /^Site administrator “Admin” created\.\nPassphrase \(shown only now; write it down\): \S.*\nLog in at https:\/\/kintrace\.example\/login; you will be asked to set up two-factor protection first\.\n$/,
      );
      const taken = await runCliCaptured(['admin', 'create', '--pseudonym', 'admin', ...args], e);
      expect(taken.err, JSON.stringify(more)).toMatch(/^error: This pseudonym is taken/);
    }
  });

  it('refuses a language it does not have, in both languages, and creates nobody', async () => {
    const e = env({ KINTRACE_LANG: 'de' });
    const r = await runCliCaptured(['admin', 'create', '--pseudonym', 'Админ'], e);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('KINTRACE_LANG=de: нет такого языка, укажите ru или en / no such language, give ru or en');
    expect(fs.readdirSync(e.DATA_DIR)).toEqual([]);
  });
});
