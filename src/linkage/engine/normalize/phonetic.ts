import { memo } from './memo.ts';

// Phonetic keys for blocking, computed on name keys (skeletons, see names.ts), so every spelling
// that reaches the same key also reaches the same phonetic code; the codes add tolerance for
// what the skeleton keeps apart (voicing, unstressed vowels, typos in vowels).

const DEVOICE: Record<string, string> = { б: 'п', в: 'ф', г: 'к', д: 'т', ж: 'ш', з: 'с' };
const VOICELESS = new Set(['п', 'ф', 'к', 'т', 'ш', 'с', 'ч', 'щ']);
const VOWEL_CLASS: Record<string, string> = { о: 'а', а: 'а', е: 'и', и: 'и', у: 'у' };

/**
 * A Russian metaphone in the spirit of Petrov's algorithm: unstressed-vowel reduction (о → а,
 * е → и), iotation dropped (иа → а, иу → у, ио → о), consonants devoiced at the end of a word
 * and before a voiceless consonant, тс/дс → ц, feminine and common surname endings compressed
 * so that Иванов/Иванова share a code; repeats collapsed.
 */
export function metaphoneRu(key: string): string {
  return cachedMetaphone(key ?? '');
}

const cachedMetaphone = memo((key: string): string => {
  if (!key) return '';
  const s = key
    .replace(/(ова|ева|ина)$/, (m) => m.slice(0, 2))
    .replace(/(ск|тск)(аиа|и)$/, '$1')
    .replace(/и([аоу])/g, '$1')
    .replace(/[тд]с/g, 'ц');
  let out = '';
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const next = chars[i + 1] ?? '';
    let r = VOWEL_CLASS[c];
    if (r === undefined) {
      r = c;
      if (DEVOICE[c] && (next === '' || VOICELESS.has(next))) r = DEVOICE[c];
    }
    if (!out.endsWith(r)) out += r;
  }
  return out;
});

// Daitch–Mokotoff Soundex, with its rules written directly on Cyrillic skeletons (the letters a
// Latin DM implementation would see after transliteration). Codes: [at start, before a vowel,
// elsewhere]; null = not coded. Branching rules (DM's "ch" = 5 or 4, "rz" = 94 or 4) do not
// arise in Cyrillic, where the letter is known; the array return type is kept for the engine.
type Codes = [string | null, string | null, string | null];
const DM_RULES: Array<[string, Codes]> = [
  ['шч', ['2', '4', '4']],
  ['щ', ['2', '4', '4']],
  ['шт', ['2', '43', '43']],
  ['жд', ['2', '43', '43']],
  ['зд', ['2', '43', '43']],
  ['ст', ['2', '43', '43']],
  ['тс', ['4', '4', '4']],
  ['дж', ['4', '4', '4']],
  ['дз', ['4', '4', '4']],
  ['мн', [null, '66', '66']],
  ['нм', [null, '66', '66']],
  ['иа', ['1', null, null]],
  ['ие', ['1', null, null]],
  ['ио', ['1', null, null]],
  ['иу', ['1', null, null]],
  ['аи', ['0', '1', null]],
  ['еи', ['0', '1', null]],
  ['ои', ['0', '1', null]],
  ['уи', ['0', '1', null]],
  ['а', ['0', null, null]],
  ['е', ['0', null, null]],
  ['и', ['0', null, null]],
  ['о', ['0', null, null]],
  ['у', ['0', null, null]],
  ['б', ['7', '7', '7']],
  ['в', ['7', '7', '7']],
  ['п', ['7', '7', '7']],
  ['ф', ['7', '7', '7']],
  ['г', ['5', '5', '5']],
  ['к', ['5', '5', '5']],
  ['д', ['3', '3', '3']],
  ['т', ['3', '3', '3']],
  ['ж', ['4', '4', '4']],
  ['з', ['4', '4', '4']],
  ['с', ['4', '4', '4']],
  ['ч', ['4', '4', '4']],
  ['ш', ['4', '4', '4']],
  ['л', ['8', '8', '8']],
  ['м', ['6', '6', '6']],
  ['н', ['6', '6', '6']],
  ['р', ['9', '9', '9']],
];
const VOWELS = new Set(['а', 'е', 'и', 'о', 'у']);

/** Daitch–Mokotoff codes (six digits) of a name key. */
export function daitchMokotoff(key: string): string[] {
  return [...cachedDm(key ?? '')];
}

const cachedDm = memo((key: string): readonly string[] => {
  if (!key) return [];
  let code = '';
  let last: string | null = null;
  let i = 0;
  while (i < key.length && code.length < 6) {
    const rule = DM_RULES.find(([p]) => key.startsWith(p, i));
    if (!rule) {
      i += 1;
      last = null;
      continue;
    }
    const [pattern, codes] = rule;
    const nextChar = key[i + pattern.length] ?? '';
    const c = i === 0 ? codes[0] : VOWELS.has(nextChar) ? codes[1] : codes[2];
    // Adjacent identical codes are written once, unless a vowel separated them (DM rule).
    if (c !== null && c !== last) code += c;
    last = c;
    i += pattern.length;
  }
  return [code.slice(0, 6).padEnd(6, '0')];
});
