// Latin → Cyrillic reading of one lower-case word. The output is only an intermediate form:
// it is ambiguous by nature (e.g. "h" is х in ISO 9 and г in Ukrainian romanisation), and the
// skeleton in names.ts folds the ambiguous Cyrillic letters together afterwards, so this reader
// only has to pick *one* of the possible letters consistently. See names.ts for the design.

/** Diacritic letters of ISO 9 / BGN and a few informal ones, read straight into Cyrillic. */
const DIACRITICS: Record<string, string> = {
  ž: 'ж',
  č: 'ч',
  š: 'ш',
  ŝ: 'щ',
  ë: 'ё',
  è: 'э',
  é: 'е',
  ê: 'е',
  û: 'ю',
  â: 'я',
  ä: 'я',
  ü: 'ю',
  ö: 'ё',
  ǵ: 'г',
  ẑ: 'ж',
  ĉ: 'ч',
  ŭ: 'у',
  ì: 'і',
  ï: 'ї',
  ý: 'ы',
  '\u2019': '',
  "'": '',
  '`': '',
  '\u02b9': '',
  '\u02ba': '',
  '"': '',
  '\u02bc': '',
  '\u00b4': '',
  // Uzbek oʻ and gʻ, Turkish İ lower-cased (i and a combining dot).
  '\u02bb': '',
  '\u0307': '',
  // Polish: Łukin is Лукин.
  ł: 'л',
  ń: 'н',
  ś: 'с',
  ź: 'з',
  ż: 'ж',
  ć: 'ч',
  ą: 'а',
  ę: 'е',
  ó: 'о',
};

/** Multi-letter groups, longest first. "·" is BGN's separator for ambiguous pairs (t·s = тс). */
const GROUPS: Array<[string, string]> = [
  // German: Tschaikowski is Чайковский (read as т + щ before).
  ['tsch', 'ч'],
  ['tshch', 'тщ'],
  ['shch', 'щ'],
  ['dzh', 'дж'],
  ['sch', 'щ'],
  ['shh', 'щ'],
  ['tzh', 'тж'],
  ['tsh', 'тш'],
  ['tch', 'тч'],
  ['tc', 'ц'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['ts', 'ц'],
  ['tz', 'ц'],
  ['cz', 'ц'],
  ['gh', 'г'],
  ['ph', 'ф'],
  ['ck', 'к'],
  ['ct', 'кт'],
  ['·', ''],
];

const SINGLE: Record<string, string> = {
  a: 'а',
  b: 'б',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
  i: 'и',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  q: 'к',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  v: 'в',
  w: 'в',
  x: 'х',
  z: 'з',
};

export function hasLatin(s: string): boolean {
  return /[a-zžčšŝëèéêûâäüöŭìýəşçğıłńśźżćąęó]/.test(s);
}

/** ISO 9 is one letter for one letter: in a word that uses its diacritics, "h" is х and "c" is
 * ц even next to letters that would otherwise form a digraph (Shodnja = Сходня, not Шодня). */
const ISO9_MARKS = /[žčšŝûâèʹʺ]/; // not ë: BGN uses it too, with digraphs
const ISO9_SINGLE: Record<string, string> = { ...SINGLE, c: 'ц', j: 'й', y: 'ы' };

/**
 * Azerbaijani and Turkish Latin, one letter for one as ISO 9: a word with ə, ş, ç, ğ or ı is read
 * by their alphabet, where c is дж, q is г and x is х (Məmmədov Мамедов, Cəfərov Джафаров,
 * Qasımov Гасымов, Ağayev Агаев). Read as English, those letters were dropped: Məmmədov «мдов»,
 * Ağayev «аев». Dagestan's and Azerbaijan's men are in the lists written so.
 */
const TURKIC_MARKS = /[əşçğı]/;
const TURKIC: Record<string, string> = {
  ...SINGLE,
  ə: 'а',
  ş: 'ш',
  ç: 'ч',
  ğ: 'г',
  ı: 'ы',
  c: 'дж',
  q: 'г',
  x: 'х',
  j: 'ж',
  y: 'й',
  ö: 'ё',
  // Hüseynli is Гусейнли: after a consonant Russian writes the Azerbaijani ü mostly as у (a word
  // with ü alone, Hüseynov, is read as German is, Müller Мюллер).
  ü: 'у',
};

/** Reads one lower-case word that may mix Latin and Cyrillic letters. */
export function latinToCyrillic(word: string): string {
  if (TURKIC_MARKS.test(word)) {
    let out = '';
    for (const ch of word) out += TURKIC[ch] ?? DIACRITICS[ch] ?? ch;
    return out;
  }
  if (ISO9_MARKS.test(word)) {
    let out = '';
    for (const ch of word) out += DIACRITICS[ch] ?? ISO9_SINGLE[ch] ?? ch;
    return out;
  }
  let w = '';
  for (const ch of word) w += DIACRITICS[ch] ?? ch;
  let out = '';
  let i = 0;
  while (i < w.length) {
    const ch = w[i];
    // ICAO writes ъ as "ie", and ъ is only ever followed by an iotated vowel (Podieiachev).
    if (ch === 'i' && w[i + 1] === 'e' && /[ie]/.test(w[i + 2] ?? '')) {
      i += 2;
      continue;
    }
    // y/j are й, ы or the iotation of я/ю/е/ё; all of them are и in the skeleton.
    // Exception: j between a consonant and i is the informal ж of Buryat names (Dorjiev, Dorji);
    // iotation never stands before i, and GOST/ISO write й only after vowels.
    if (ch === 'j' && w[i + 1] === 'i' && i > 0 && /[bcdfghklmnprstvz]/.test(w[i - 1])) {
      out += 'ж';
      i += 1;
      continue;
    }
    if (ch === 'y' || ch === 'j') {
      out += 'и';
      i += 1;
      continue;
    }
    // Informal "dj" is дж before i or a consonant (Gadjiev, Madjid) but д + iotation before
    // a, u, e, o (Volodja, Djakov): German-style ja = я is as common as French-style dja = джа.
    if (ch === 'd' && w[i + 1] === 'j' && !/[aueo]/.test(w[i + 2] ?? '')) {
      out += 'дж';
      i += 2;
      continue;
    }
    let matched = false;
    for (const [g, c] of GROUPS) {
      if (w.startsWith(g, i)) {
        out += c;
        i += g.length;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    if (ch === 'c') {
      // ISO 9 and GOST B write ц as c; informal English c = к is read only in ck/ct (Victor).
      out += 'ц';
      i += 1;
      continue;
    }
    out += SINGLE[ch] ?? ch;
    i += 1;
  }
  return out;
}

/** Latin letters that look like Cyrillic ones, for words typed with a mixed keyboard layout. */
const HOMOGLYPHS: Record<string, string> = {
  A: 'А',
  a: 'а',
  B: 'В',
  C: 'С',
  c: 'с',
  E: 'Е',
  e: 'е',
  H: 'Н',
  K: 'К',
  k: 'к',
  M: 'М',
  O: 'О',
  o: 'о',
  P: 'Р',
  p: 'р',
  T: 'Т',
  X: 'Х',
  x: 'х',
  Y: 'У',
  y: 'у',
  I: 'І',
  i: 'і',
};

/** In a word that is mostly Cyrillic, Latin look-alikes are keyboard slips, not transliteration. */
export function fixHomoglyphs(word: string): string {
  let cyr = 0;
  let lat = 0;
  for (const ch of word) {
    if (/[\u0400-\u04ff]/.test(ch)) cyr += 1;
    else if (/[A-Za-z]/.test(ch)) lat += 1;
  }
  if (cyr === 0 || lat === 0 || lat > cyr) return word;
  let out = '';
  for (const ch of word) out += HOMOGLYPHS[ch] ?? ch;
  return out;
}
