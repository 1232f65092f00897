// Latin → Cyrillic reading of one lower-case word. The output is only an intermediate form:
// it is ambiguous by nature (e.g. "h" is х in ISO 9 and г in Ukrainian romanisation), and the
// skeleton in names.ts folds the ambiguous Cyrillic letters together afterwards, so this reader
// only has to pick *one* of the possible letters consistently. See names.ts for the design.

/** Diacritic letters of ISO 9 / BGN and a few informal ones, read straight into Cyrillic. */
const DIACRITICS: Record<string, string> = {
  ž: 'ж', č: 'ч', š: 'ш', ŝ: 'щ', ë: 'ё', è: 'э', é: 'е', ê: 'е', û: 'ю', â: 'я', ä: 'я',
  ü: 'ю', ö: 'ё', ǵ: 'г', ẑ: 'ж', ĉ: 'ч', ŭ: 'у', ì: 'і', ï: 'ї', ý: 'ы', '\u2019': '', "'": '',
  '`': '', '\u02b9': '', '\u02ba': '', '"': '', '\u02bc': '', '\u00b4': '',
};

/** Multi-letter groups, longest first. "·" is BGN's separator for ambiguous pairs (t·s = тс). */
const GROUPS: Array<[string, string]> = [
  ['shch', 'щ'], ['dzh', 'дж'], ['sch', 'щ'], ['shh', 'щ'],
  ['zh', 'ж'], ['kh', 'х'], ['ch', 'ч'], ['sh', 'ш'], ['ts', 'ц'], ['tz', 'ц'], ['cz', 'ц'],
  ['gh', 'г'], ['ph', 'ф'], ['ck', 'к'], ['ct', 'кт'], ['dj', 'дж'], ['·', ''],
];

const SINGLE: Record<string, string> = {
  a: 'а', b: 'б', d: 'д', e: 'е', f: 'ф', g: 'г', h: 'х', i: 'и', k: 'к', l: 'л', m: 'м',
  n: 'н', o: 'о', p: 'п', q: 'к', r: 'р', s: 'с', t: 'т', u: 'у', v: 'в', w: 'в', x: 'х', z: 'з',
};

const VOWELS = new Set('aeiouyаеёиоуыэюяіїєë'.split(''));
const E_LIKE = new Set(['e', 'ё', 'е', 'э', 'ë']);

export function hasLatin(s: string): boolean {
  return /[a-zžčšŝëèéêûâäüöŭìý]/.test(s);
}

/** Reads one lower-case word that may mix Latin and Cyrillic letters. */
export function latinToCyrillic(word: string): string {
  let w = '';
  for (const ch of word) w += DIACRITICS[ch] ?? ch;
  let out = '';
  let i = 0;
  while (i < w.length) {
    const ch = w[i];
    const prev = i > 0 ? w[i - 1] : '';
    if (ch === 'y' || ch === 'j') {
      // y/j before e is the BGN/MVD "ye" for е; before o it is ё after a consonant (Semyon,
      // Pyotr) but й+о after a vowel (Mayorov); elsewhere й/ы, which the skeleton folds into и.
      const next = w[i + 1] ?? '';
      if (E_LIKE.has(next)) { i += 1; continue; }
      if (next === 'o' && (prev === '' || !VOWELS.has(prev))) { out += 'е'; i += 2; continue; }
      out += 'и'; i += 1; continue;
    }
    let matched = false;
    for (const [g, c] of GROUPS) {
      if (w.startsWith(g, i)) { out += c; i += g.length; matched = true; break; }
    }
    if (matched) continue;
    if (ch === 'c') {
      // ISO 9 and GOST B write ц as c; informal English keeps c for к only before t/k (Victor).
      out += 'ц'; i += 1; continue;
    }
    out += SINGLE[ch] ?? ch;
    i += 1;
  }
  return out;
}

/** Latin letters that look like Cyrillic ones, for words typed with a mixed keyboard layout. */
const HOMOGLYPHS: Record<string, string> = {
  A: 'А', a: 'а', B: 'В', C: 'С', c: 'с', E: 'Е', e: 'е', H: 'Н', K: 'К', k: 'к', M: 'М',
  O: 'О', o: 'о', P: 'Р', p: 'р', T: 'Т', X: 'Х', x: 'х', Y: 'У', y: 'у', I: 'І', i: 'і',
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
