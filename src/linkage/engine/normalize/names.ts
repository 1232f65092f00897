/*
 * Name keys: one canonical string for a name however it was written.
 *
 * Why a "skeleton" and not plain Cyrillic: Latin → Cyrillic is ambiguous, and the systems we
 * must read disagree with each other, so no reverse transliteration can be right for all of
 * them. Instead both the Cyrillic form and every Latin form are reduced to the same skeleton,
 * which merges exactly the letters some supported system fails to distinguish:
 *
 *   ё, э, є → е         ICAO/MVD write ё as e; every system writes э as e.
 *   ы, й, і, ї → и      Ukrainian writes и as y (= ы elsewhere); ICAO writes й as i.
 *   я → иа, ю → иу       ya/ia/ja/â and yu/iu/ju/û all read the same; Diana (иа) = Дияна.
 *   ь, ъ → (dropped)     most systems drop them; apostrophes are dropped on the Latin side.
 *   х, г, кс → г         h is х in ISO 9 / informal (Mihail) but г in Ukrainian (Serhii) and in
 *                        Mahomed; x is х in GOST 7.79 B (Mixail) but кс informally (Alexandr).
 *   ц → тс               ts (ICAO), tc (GOST R 52535), c/cz (ISO 9, GOST B), tz (informal).
 *   doubled letters → one  Dmitrii/Dmitriy/Dmitry/Dmitri, Filippov/Filipov, Ooржак/Orzhak.
 *
 * On the Latin side (latin.ts): "y"/"j" before e vanishes (Yevgeniy = Евгений); "yo" is ё after
 * a consonant or at the start (Pyotr, Semyon) and й+о after a vowel (Mayorov); "c" is ц except
 * in "ck"/"ct" (Victor); "zh" is ж, "j" is й (informal j for ж, as in "Jukov", is NOT read:
 * it collides with ju = ю). Mixed-script words typed with a wrong keyboard layout get their
 * Latin look-alikes (a, e, o, p, c, x…) read as Cyrillic.
 *
 * Known losses (all measured by names.property.test.ts): ICAO's ъ = "ie" (no ъ in our name
 * lists); ISO 9's c before t (цт) reads as кт; "Jukov"/"Jargal" (informal j = ж) and
 * "Nicolai" (informal c = к before a vowel) do not reach the Cyrillic key.
 * Ukrainian given names (Олександр, Serhii) differ from Russian ones in letters, not just
 * script: they get their own key here and canonicalGivenName maps them to the Russian name.
 *
 * Non-Russian letters of the republics' alphabets (Buryat ү ө һ, Tuvan ң, Tatar ә җ) are folded
 * to the Russian letters that passport offices use for them.
 */
import { fixHomoglyphs, hasLatin, latinToCyrillic } from './latin.ts';

export type NameKind = 'surname' | 'given' | 'patronymic';

const FOLD: Record<string, string> = {
  ё: 'е', э: 'е', є: 'е', ы: 'и', й: 'и', і: 'и', ї: 'и', ь: '', ъ: '', я: 'иа', ю: 'иу',
  х: 'г', ґ: 'г', һ: 'г', ц: 'тс', ү: 'у', ұ: 'у', ө: 'о', ә: 'а', җ: 'ж', ң: 'н', ғ: 'г',
  қ: 'к', ӊ: 'н', ӧ: 'о', ӱ: 'у',
};

/** Values that mean "unknown" in the spreadsheets we import. */
const NULL_WORDS = new Set([
  'нет', 'неизвестно', 'неизв', 'нд', 'н/д', 'unknown', 'nan', 'null', 'none', 'na', 'n/a', '-',
]);

/** Reduces a Cyrillic (possibly Ukrainian) lower-case string to the skeleton described above. */
export function skeleton(cyr: string): string {
  let s = '';
  for (const ch of cyr) s += FOLD[ch] ?? ch;
  s = s.replace(/кс/g, 'г').replace(/[^а-я]/g, '');
  return s.replace(/(.)\1+/g, '$1');
}

/** Skeleton of one word in any script (no cache; used by regions and tests too). */
export function wordSkeleton(word: string): string {
  let w = fixHomoglyphs(word).toLowerCase();
  if (hasLatin(w)) w = latinToCyrillic(w);
  return skeleton(w);
}

const CACHE_LIMIT = 200_000;
let cache = new Map<string, string>();

/** Canonical key for a name in any script; '' for empty or unusable input. Cached. */
export function nameKey(raw: string, kind: NameKind): string {
  if (!raw) return '';
  const cacheKey = kind[0] + raw;
  const hit = cache.get(cacheKey);
  if (hit !== undefined) return hit;
  const key = computeKey(raw);
  // A full cache is dropped rather than evicted entry by entry: names repeat heavily (Zipf),
  // so it refills with the common ones at once, and memory stays bounded on a million rows.
  if (cache.size >= CACHE_LIMIT) cache = new Map();
  cache.set(cacheKey, key);
  return key;
}

function computeKey(raw: string): string {
  const trimmed = raw.normalize('NFC').trim();
  if (NULL_WORDS.has(trimmed.toLowerCase())) return '';
  // Hyphens, spaces and dots separate words (Петров-Водкин, "Магомед Расул"); each word is
  // read on its own so that word-initial rules ("Yo…", "Ye…") apply, then the words are joined.
  const words = trimmed.split(/[\s\-‐–—.,;:()/\\_]+/u).filter(Boolean);
  let key = '';
  for (const w of words) key += wordSkeleton(w);
  return key.replace(/(.)\1+/g, '$1');
}

/** True for initials-only input like "А.", "A", "А.В.", "Yu.", "A. V." */
export function isInitial(raw: string): boolean {
  const s = raw.normalize('NFC').trim();
  if (!s) return false;
  // One letter (with or without a dot), or a Latin digraph initial that must carry a dot
  // (Zh., Yu., Shch.) so that real short names like "Ян" or "Ali" are not taken for initials.
  const token = String.raw`(?:\p{L}\.?|(?:shch|sch|zh|kh|ch|sh|ts|yu|ya|ye|yo|iu|ia|dzh)\.)`;
  const re = new RegExp(String.raw`^${token}(?:[\s\-]*${token}){0,2}$`, 'iu');
  if (!re.test(s)) return false;
  // "Ян", "Ли" written without dots are names, not two initials.
  return s.includes('.') || [...s.replace(/[\s\-]/g, '')].length === 1 || /\s/.test(s);
}

/** First letter of a key, for comparing a full name with an initial. */
export function initialOf(key: string): string {
  return key ? key[0] : '';
}
