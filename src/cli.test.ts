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

  it('has every message it names (the start message’s, the commands’, their refusals’) in both languages', () => {
    const dir = path.dirname(new URL(import.meta.url).pathname);
    const files = [
      'cli.ts',
      'cli-help.ts',
      'config.ts',
      'main.ts',
      ...fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.cli.ts')),
      'demo/demo.service.ts',
      'backup/backup.service.ts',
      'backup/backup-crypto.ts',
      'backup/backup-source.ts',
      'db/migrate.ts',
      'linkage/linkage.run.ts',
      'linkage/linkage.evaluate.ts',
    ];
    const keys = new Set<string>();
    for (const file of files)
      for (const m of fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/'((?:[a-z]+\.)?cli\.[A-Za-z.]+)'/g))
        keys.add(m[1]);
    for (const kind of ['config', 'database', 'other']) keys.add(`cli.errors.${kind}`);
    expect(keys.size).toBeGreaterThan(150);
    for (const lang of LANGUAGES)
      expect(
        [...keys].filter((k) => !hasKey(lang, k)),
        lang,
      ).toEqual([]);
  });

  it('says what a command did, and what it refuses, in Russian or English', async () => {
    const ru = { DATA_DIR: tmp(), DATABASE_URL: '', KINTRACE_LANG: 'ru' };
    // A database problem (db/db-problems.ts, db/migrate.ts) is said in the same language.
    expect((await runCliCaptured(['stats'], ru)).err).toBe(
      'ошибка базы данных: в этой базе данных ещё нет таблиц Kintrace. Выполните `kintrace migrate` (сервер делает это и сам при запуске).\n',
    );
    expect((await runCliCaptured(['stats', '--lang', 'en'], ru)).err).toBe(
      'database error: this database has no Kintrace tables yet. Run `kintrace migrate` (the server also does it when it starts).\n',
    );
    await runCliCaptured(['migrate'], ru);
    const stats = await runCliCaptured(['stats'], ru);
    expect(stats.out).toMatch(/^людей: 0\nдел: 0\n/);
    expect(stats.out).toContain('обращений: черновик 0, отправлено 0');
    expect((await runCliCaptured(['stats', '--lang', 'en'], ru)).out).toMatch(/^persons 0\ncases {3}0\n/);
    // The JSON a script reads is the same in both.
    expect((await runCliCaptured(['stats', '--json'], ru)).out).toBe(
      (await runCliCaptured(['stats', '--json', '--lang', 'en'], ru)).out,
    );
    expect((await runCliCaptured(['retention', 'run', '--dry-run'], ru)).out).toMatch(
      /^срок хранения, пробный запуск \(ничего не изменено\): было бы удалено дел, закрытых не позднее \d{4}-\d{2}-\d{2}: 0; ключей доступа 0/,
    );
    // A refusal said by the command itself, and one said by a service (shared/said.ts).
    const format = await runCliCaptured(['export', 'registry', '--format', 'xml'], ru);
    expect(format.err).toBe('ошибка: --format: нужно csv или json, а указано «xml»\n');
    expect((await runCliCaptured(['export', 'registry', '--format', 'xml', '--lang', 'en'], ru)).err).toBe(
      'error: --format must be csv or json, not "xml"\n',
    );
    const demo = await runCliCaptured(['demo'], ru);
    expect(demo.code).toBe(1);
    expect(demo.err).toMatch(/^ошибка: Каталог DATA_DIR .* не пуст \(kintrace\.sqlite/);
    expect((await runCliCaptured(['demo', '--lang', 'en'], ru)).err).toMatch(
      /^error: DATA_DIR .* is not empty \(kintrace\.sqlite/,
    );
  });

  it('names a wrong setting and what a right one looks like, in Russian or English', async () => {
    const env = { DATA_DIR: tmp(), DATABASE_URL: '', KINTRACE_LANG: 'ru' };
    const port = await runCliCaptured(['migrate'], { ...env, PORT: 'восемь' });
    expect(port.code).toBe(1);
    expect(port.err).toBe('ошибка настройки: PORT: нужно целое число от 0 до 65535, а указано «восемь»\n');
    expect((await runCliCaptured(['migrate', '--lang', 'en'], { ...env, PORT: 'eight' })).err).toBe(
      'configuration error: PORT must be a whole number from 0 to 65535, got "eight"\n',
    );
    const url = await runCliCaptured(['stats'], { ...env, DATABASE_URL: 'mysql://u:secret@db/k' });
    expect(url.err).toMatch(/^ошибка настройки: DATABASE_URL: нужен адрес, начинающийся с postgres:\/\/, например /);
    expect(url.err).not.toContain('secret');
    expect((await runCliCaptured(['stats'], { ...env, KINTRACE_LANG: 'en', SECURE_COOKIES: 'да' })).err).toBe(
      'configuration error: SECURE_COOKIES must be true or false (or 1/0, yes/no), got "да"\n',
    );
  });

  it('writes --help and its refusals of a command line in Russian or English', async () => {
    const ru = { KINTRACE_LANG: 'ru' };
    const top = await runCliCaptured(['--help'], ru);
    expect(top.code).toBe(0);
    expect(top.out).toMatch(/^Использование: kintrace \[параметры\] \[команда\]\n/);
    expect(top.out).toContain('\nПараметры:\n');
    expect(top.out).toContain('\nКоманды:\n');
    expect(top.out).toMatch(/ {2}migrate +обновить схему базы данных/);
    expect(top.out).toMatch(/-h, --help +показать справку по команде/);
    expect(top.out).not.toMatch(/Usage|Options|Commands|display help/);
    const persons = (await runCliCaptured(['import', 'persons', '--help'], ru)).out;
    expect(persons).toMatch(/^Использование: kintrace import persons \[параметры\] <file>\n/);
    expect(persons).toMatch(/--source <name> +название списка/);
    expect(persons).toMatch(/\(по\s+умолчанию:\s+"other"\)/);
    const en = (await runCliCaptured(['import', 'persons', '--help', '--lang', 'en'], ru)).out;
    expect(en).toMatch(/^Usage: kintrace import persons \[options\] <file>\n/);
    expect(en).toMatch(/\(default:\s+"other"\)/);
    expect(en).toMatch(/--source <name> +the name of the list/);
    // What commander itself refuses, with its guess of what was meant.
    const typo = await runCliCaptured(['dedupe', 'x.csv', '--oot', 'y.csv'], ru);
    expect(typo.code).toBe(1);
    expect(typo.err).toBe('ошибка: неизвестный параметр «--oot»\n(Может быть, имелось в виду --out?)\n');
    expect((await runCliCaptured(['import', 'persons', 'x.csv'], ru)).err).toBe(
      'ошибка: не указан обязательный параметр «--source <name>»\n',
    );
    expect((await runCliCaptured(['import', 'persons', 'x.csv'], {})).err).toBe(
      "error: required option '--source <name>' not specified\n",
    );
  });
});
