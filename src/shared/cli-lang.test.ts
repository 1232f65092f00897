import { describe, expect, it } from 'vitest';
import { cliLanguage, UnknownLanguage } from './cli-lang.ts';

// Which language the `kintrace` command speaks: --lang, then KINTRACE_LANG, then the locale
// (LC_ALL over LC_MESSAGES over LANG, as POSIX orders them), then Russian.

describe('the language of the command line', () => {
  it.each([
    ['nothing set', undefined, {}, 'ru'],
    ['a locale of neither language (a container)', undefined, { LANG: 'C.UTF-8' }, 'ru'],
    ['another language', undefined, { LANG: 'de_DE.UTF-8' }, 'ru'],
    ['an English locale', undefined, { LANG: 'en_US.UTF-8' }, 'en'],
    ['a Russian locale', undefined, { LANG: 'ru_RU.UTF-8' }, 'ru'],
    ['LC_MESSAGES over LANG', undefined, { LANG: 'ru_RU.UTF-8', LC_MESSAGES: 'en_GB.UTF-8' }, 'en'],
    ['LC_ALL over both', undefined, { LANG: 'en_US.UTF-8', LC_MESSAGES: 'en_US', LC_ALL: 'ru_RU.UTF-8' }, 'ru'],
    ['LC_ALL=C says no language, so not LANG either', undefined, { LANG: 'en_US.UTF-8', LC_ALL: 'C' }, 'ru'],
    ['an empty variable counts as unset', undefined, { LC_ALL: '', LANG: 'en_US.UTF-8' }, 'en'],
    ['KINTRACE_LANG over the locale', undefined, { LANG: 'en_US.UTF-8', KINTRACE_LANG: 'ru' }, 'ru'],
    ['KINTRACE_LANG in capitals', undefined, { KINTRACE_LANG: 'EN' }, 'en'],
    ['--lang over everything', 'en', { LC_ALL: 'ru_RU.UTF-8', KINTRACE_LANG: 'ru' }, 'en'],
  ] as const)('%s', (_what, option, env, lang) => {
    expect(cliLanguage(option, env)).toBe(lang);
  });

  it('refuses an unknown --lang or KINTRACE_LANG, saying so in both languages', () => {
    expect(() => cliLanguage('de', {})).toThrow(UnknownLanguage);
    expect(() => cliLanguage(undefined, { KINTRACE_LANG: 'russian' })).toThrow(
      /KINTRACE_LANG=russian: нет такого языка, укажите ru или en \/ no such language, give ru or en/,
    );
  });
});
