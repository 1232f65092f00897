// Words for a person, handed over as a catalogue key (src/web/i18n) and its values rather than as
// text: domain code cannot reach the catalogue, which lives in src/web, and does not know the
// reader's language; the edge that does (a page, the `kintrace` command) says them.

export type Params = Record<string, string | number>;

/** Values of words, some of which may be words themselves (a line's problem in a message naming the line). */
export type Values = Record<string, string | number | Words>;

/** A translate function as the edges hold one (i18next's `t` for one language). */
export type Translate = (key: string, params?: Params) => string;

export interface Words {
  key: string;
  params?: Values;
}

/** The technical message of an error that is said by key: the key and its values, for logs and stack traces. */
export const wordsMessage = (w: Words): string =>
  w.params && Object.keys(w.params).length > 0 ? `${w.key} ${JSON.stringify(w.params)}` : w.key;

/** A refusal the `kintrace` command says in the operator's language (cli.ts translates it). */
export class Said extends Error {
  constructor(
    readonly key: string,
    readonly params: Values = {},
  ) {
    super(wordsMessage({ key, params }));
    this.name = new.target.name;
  }
}

const isWords = (v: unknown): v is Words => typeof v === 'object' && v !== null && typeof (v as Words).key === 'string';

/** The words of an error that carries them (a Said, or an error of another kind that has `words`). */
export const wordsOf = (err: unknown): Words | undefined => {
  if (err instanceof Said) return { key: err.key, params: err.params };
  const w = (err as { words?: unknown } | null)?.words;
  return isWords(w) ? w : undefined;
};

/** Words in t's language, the words among their values said first. */
export const say = (t: Translate, w: Words): string =>
  t(w.key, Object.fromEntries(Object.entries(w.params ?? {}).map(([k, v]) => [k, isWords(v) ? say(t, v) : v])));
