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
 *   ц, тз → тс           ts (ICAO), tc (GOST R 52535), c/cz (ISO 9, GOST B), tz (informal); as
 *                        "tz" is also every system's тз (Tatar Ахметзянов = Akhmetzianov), тз
 *                        joins ц (Ахметзянов = Ахмецянов, a real variant).
 *   щ, сч → шч           sch/shch/shh/ŝ; сч sounds as щ (Счастливцев) and "sch" cannot tell them.
 *   doubled letters → one  Dmitrii/Dmitriy/Dmitry/Dmitri, Filippov/Filipov, Ооржак/Orzhak.
 *   ие, ио, ьо → е       y/j/i before e and o is iotation in most systems (Yevgeniy, Andreyev,
 *                        Semyon, Piotr) but a real и in Ukrainian romanisation (Huryev = Гуриев,
 *                        Rodyon = Родион); folding them makes Гурьев = Гуриев, Фёдор = Fiodor;
 *                        Ukrainian Cyrillic writes Russian ё as ьо (Ковальов = Ковалёв).
 *
 * On the Latin side (latin.ts): "y"/"j" read as и (the skeleton then handles iotation); "c" is
 * ц except in "ck"/"ct" (Victor); "zh" is ж; "j" is й, except between a consonant and i, where
 * it is the informal ж of Buryat names (Dorjiev); "dj" is дж before i or a consonant (Gadjiev)
 * but д + iotation before a vowel (Volodja; so "Djamal" is lost); ICAO's ъ = "ie" is recognised
 * by what follows it (ъ only precedes iotated vowels); a word with ISO 9 diacritics is read one
 * letter for one letter. Words typed with a wrong keyboard layout get Latin look-alikes (a, e,
 * o, p, c, x…) read as Cyrillic.
 *
 * Known losses, each measured by names.property.test.ts (KNOWN_LIMITS): ISO 9 without
 * diacritics reads zh/kh/sh/ch/ck/ct as digraphs; Ukrainian h after к, п, с, ш (кг = kh); GOST B
 * дй/тц/тщ; ие before и/е/я/ю reads as ICAO's ъ; ьо (not Russian) is ё. Informal j = ж elsewhere
 * ("Jukov", "Jargal": j is also ju = ю, ja = я) and informal c = к before a vowel ("Nicolai") do
 * not reach the Cyrillic key (for given names canonicalGivenName lists the common ones: Nicolai,
 * Constantin, Michail, Jargal, Djamal); the engine's fuzzy comparison has to catch the rest.
 *
 * Ukrainian given names (Олександр, Serhii) differ from Russian ones in letters, not just
 * script: they get their own key here and canonicalGivenName maps them to the Russian name.
 *
 * Non-Russian letters of the republics' alphabets (Buryat ү ө һ, Tuvan ң, Tatar ә җ, Kazakh қ ғ;
 * Belarusian ў) are folded to the Russian letters that passport offices use for them.
 */
import { fixHomoglyphs, hasLatin, latinToCyrillic } from './latin.ts';
import { memo } from './memo.ts';

export type NameKind = 'surname' | 'given' | 'patronymic';

const FOLD: Record<string, string> = {
  ё: 'е',
  э: 'е',
  є: 'е',
  ы: 'и',
  й: 'и',
  і: 'и',
  ї: 'и',
  ь: '',
  ъ: '',
  я: 'иа',
  ю: 'иу',
  // (ьо is read as ё before this table: Ukrainian spells Russian ё so, Ковальов = Ковалёв)
  х: 'г',
  ґ: 'г',
  һ: 'г',
  ц: 'тс',
  щ: 'шч',
  ү: 'у',
  ұ: 'у',
  ө: 'о',
  ә: 'а',
  җ: 'ж',
  ң: 'н',
  ғ: 'г',
  қ: 'к',
  ӊ: 'н',
  ӧ: 'о',
  ӱ: 'у',
  ў: 'у',
  ђ: 'дж',
  ј: 'и',
};

/** Values that mean "unknown" in the spreadsheets we import. */
const NULL_WORDS = new Set([
  'нет',
  'неизвестно',
  'неизв',
  'нд',
  'н/д',
  'unknown',
  'nan',
  'null',
  'none',
  'na',
  'n/a',
  '-',
]);

/** Reduces a Cyrillic (possibly Ukrainian) lower-case string to the skeleton described above. */
export function skeleton(cyr: string): string {
  let s = '';
  for (const ch of cyr.replace(/ьо/g, 'ё')) s += FOLD[ch] ?? ch;
  s = s
    .replace(/сч/g, 'шч')
    .replace(/кс/g, 'г')
    .replace(/тз/g, 'тс')
    .replace(/[^а-я]/g, '');
  return s.replace(/и+[ео]/g, 'е').replace(/(.)\1+/g, '$1');
}

/**
 * Digits a scanned list's OCR reads for the letters they look like, inside a Cyrillic word
 * ("Р0БЕКИН", "ЗЕЧИНО3", "Сь1чев"): no name holds a digit, so each is its letter.
 */
const DIGIT_LETTERS: Record<string, string> = { '0': 'о', '3': 'з', '4': 'ч', '6': 'б', '8': 'в' };
const ocrDigits = (w: string): string =>
  /\d/.test(w) && /[\u0400-\u04ff]/.test(w)
    ? w.replace(/[ьb]1/gi, 'ы').replace(/[03468]/g, (d) => DIGIT_LETTERS[d])
    : w;

/** Skeleton of one word in any script (no cache; used by regions and tests too). */
export function wordSkeleton(word: string): string {
  let w = fixHomoglyphs(ocrDigits(word)).toLowerCase();
  if (hasLatin(w)) w = latinToCyrillic(w);
  return skeleton(w);
}

// Cached (see memo.ts: names repeat heavily, so a full cache is dropped and refills at once).
const cachedKey = memo(computeKey, 200_000);

/**
 * Canonical key for a name in any script; '' for empty or unusable input. Cached. Every kind
 * gets the same skeleton, so one cache entry per spelling serves all fields.
 */
export function nameKey(raw: string, _kind: NameKind): string {
  return raw ? cachedKey(raw) : '';
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

// One letter (with or without a dot), or a Latin digraph initial that must carry a dot
// (Zh., Yu., Shch.) so that real short names like "Ян" or "Ali" are not taken for initials.
const INITIAL_TOKEN = String.raw`(?:\p{L}\.?|(?:shch|sch|zh|kh|ch|sh|ts|yu|ya|ye|yo|iu|ia|dzh)\.)`;
const INITIALS = new RegExp(String.raw`^${INITIAL_TOKEN}(?:[\s\-]*${INITIAL_TOKEN}){0,2}$`, 'iu');

/** True for initials-only input like "А.", "A", "А.В.", "Yu.", "A. V." */
export function isInitial(raw: string): boolean {
  const s = (raw ?? '').normalize('NFC').trim();
  if (!s || !INITIALS.test(s)) return false;
  // "Ян", "Ли" written without dots are names, not two initials.
  return s.includes('.') || [...s.replace(/[\s-]/g, '')].length === 1 || /\s/.test(s);
}

/** The skeleton spells я, ю, ц, щ with two letters (иа, иу, тс, шч); an initial is one letter. */
const TWO_LETTER_INITIALS: Record<string, string> = { иа: 'я', иу: 'ю', тс: 'ц', шч: 'щ' };

/** First letter of a key, for comparing a full name with an initial: "Ю." and "Юрьевич" give ю,
 * not the и that begins their skeleton, so Ю. does not agree with Иванович. */
export function initialOf(key: string): string {
  if (!key) return '';
  return TWO_LETTER_INITIALS[key.slice(0, 2)] ?? key[0];
}
