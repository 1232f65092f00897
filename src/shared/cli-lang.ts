import { DEFAULT_LANG, LANGUAGES, type Lang } from './lang.ts';

// The language of the `kintrace` command's messages to the operator, decided as command-line
// tools decide theirs:
//   1. `--lang ru|en` on the command line;
//   2. KINTRACE_LANG, this program's own setting (for a service file or a shell profile);
//   3. the locale, with POSIX precedence: the first of LC_ALL, LC_MESSAGES, LANG that is set
//      decides (LC_ALL=C therefore overrides LANG=en_US, as it does for gettext);
//   4. else Russian, the project's first language — also for a locale that names neither
//      language (C.UTF-8 in most containers, de_DE…).
// An explicit setting with an unknown value is an error, not a silent fallback; a locale naming
// another language is not an error (it was set for every program, not for this one).

export const LANG_ENV = 'KINTRACE_LANG';

/** An unknown explicit language: said in both languages, since neither is known to be read. */
export class UnknownLanguage extends Error {
  constructor(
    readonly setting: string,
    readonly value: string,
  ) {
    super(`${setting}=${value}: нет такого языка, укажите ru или en / no such language, give ru or en`);
    this.name = 'UnknownLanguage';
  }
}

const isLang = (v: string): v is Lang => (LANGUAGES as readonly string[]).includes(v);

type Env = Readonly<Record<string, string | undefined>>;

const set = (v: string | undefined): string | undefined => (v !== undefined && v.trim() !== '' ? v.trim() : undefined);

/** The language of the operator's messages, from the `--lang` option (if given) and the environment. */
export const cliLanguage = (option: string | undefined, env: Env): Lang => {
  const explicit = set(option);
  if (explicit !== undefined) {
    if (!isLang(explicit.toLowerCase())) throw new UnknownLanguage('--lang', explicit);
    return explicit.toLowerCase() as Lang;
  }
  const own = set(env[LANG_ENV]);
  if (own !== undefined) {
    if (!isLang(own.toLowerCase())) throw new UnknownLanguage(LANG_ENV, own);
    return own.toLowerCase() as Lang;
  }
  const locale = set(env.LC_ALL) ?? set(env.LC_MESSAGES) ?? set(env.LANG);
  // ru_RU.UTF-8, ru_UA, en_GB.UTF-8, en: the language part before "_", "." or "@".
  const code = locale?.split(/[_.@]/)[0].toLowerCase();
  return code !== undefined && isLang(code) ? code : DEFAULT_LANG;
};

/** The language of a running command: its `--lang` (a program-wide option) or the environment. */
export const commandLanguage = (cmd: { optsWithGlobals(): Record<string, unknown> }, env: Env = process.env): Lang =>
  cliLanguage(cmd.optsWithGlobals().lang as string | undefined, env);

/**
 * The language of a command line before it is parsed, for what is written while it is: `--help`
 * and the descriptions of commands and options. The same rules as cliLanguage, from `--lang X` or
 * `--lang=X` anywhere before `--`; an unknown one is Russian here (the command then refuses it).
 */
export const argvLanguage = (args: readonly string[], env: Env): Lang => {
  let option: string | undefined;
  for (let k = 0; k < args.length; k++) {
    if (args[k] === '--') break;
    if (args[k] === '--lang') option = args[k + 1];
    else if (args[k].startsWith('--lang=')) option = args[k].slice('--lang='.length);
  }
  try {
    return cliLanguage(option, env);
  } catch {
    return DEFAULT_LANG;
  }
};
