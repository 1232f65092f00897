import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type TFunction } from 'i18next';

// Russian first, English second. Each domain keeps its strings in its own file
// (i18n/ru/<domain>.json, i18n/en/<domain>.json) under a top-level key named after the domain,
// so parallel work on different domains never edits the same file. All files are merged into
// one namespace at start.

import { DEFAULT_LANG, LANGUAGES, type Lang } from '../../shared/lang.ts';

const dir = path.dirname(fileURLToPath(import.meta.url));

const loadLanguage = (lang: Lang): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  const langDir = path.join(dir, lang);
  for (const file of fs
    .readdirSync(langDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    Object.assign(out, JSON.parse(fs.readFileSync(path.join(langDir, file), 'utf8')));
  }
  return out;
};

const instance = i18next.createInstance();
await instance.init({
  lng: DEFAULT_LANG,
  fallbackLng: DEFAULT_LANG,
  supportedLngs: [...LANGUAGES],
  resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: loadLanguage(l) }])),
  interpolation: { escapeValue: false }, // preact escapes on render
  returnNull: false,
  initAsync: false,
});

export type T = TFunction;

const translators = new Map<Lang, T>();

/**
 * The language's translate function. A plain `t(key)` (no count, no values) always gives the same
 * string, and a page asks for hundreds of them: those are looked up once per process and kept
 * (the resources are fixed at start). Calls with options go to i18next every time.
 */
export const translator = (lang: Lang): T => {
  const known = translators.get(lang);
  if (known) return known;
  const fixed = instance.getFixedT(lang) as unknown as (...args: unknown[]) => unknown;
  const plain = new Map<string, unknown>();
  const t = (key: unknown, ...rest: unknown[]) => {
    if (rest.length > 0 || typeof key !== 'string') return fixed(key, ...rest);
    let text = plain.get(key);
    if (text === undefined) {
      text = fixed(key);
      plain.set(key, text);
    }
    return text;
  };
  translators.set(lang, t as unknown as T);
  return t as unknown as T;
};

export const hasKey = (lang: Lang, key: string): boolean => instance.exists(key, { lng: lang, fallbackLng: false });

export const isLang = (v: unknown): v is Lang => typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);

/** ?lang= wins, then the cookie, then Accept-Language, then Russian. */
export const pickLanguage = (query: unknown, cookie: unknown, acceptLanguage: string | undefined): Lang => {
  if (isLang(query)) return query;
  if (isLang(cookie)) return cookie;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const code = part.trim().slice(0, 2).toLowerCase();
    if (isLang(code)) return code;
  }
  return DEFAULT_LANG;
};
