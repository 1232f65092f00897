// What the `kintrace` command says of a refusal, for tests that call a command's function: an
// error with words (shared/said.ts) said in the given language, as runCli says it.
import { say, wordsOf } from '../shared/said.ts';
import type { Lang } from '../shared/lang.ts';
import { translator } from '../web/i18n/i18n.ts';

/** The error as the operator reads it in `lang`: its words said, or its own message. */
export const saidIn = (lang: Lang, err: unknown): string => {
  const words = wordsOf(err);
  return words ? say(translator(lang), words) : err instanceof Error ? err.message : String(err);
};

/** The promise, its refusal an Error whose message is what the operator reads in `lang`. */
export const sayingIn =
  (lang: Lang) =>
  async <R>(run: Promise<R>): Promise<R> => {
    try {
      return await run;
    } catch (err) {
      throw new Error(saidIn(lang, err));
    }
  };

export const inEnglish = sayingIn('en');
export const inRussian = sayingIn('ru');
