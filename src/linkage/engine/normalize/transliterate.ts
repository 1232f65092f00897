import { TABLES, type TranslitSystem } from './translit-tables.ts';

export type { TranslitSystem } from './translit-tables.ts';
export { TRANSLIT_SYSTEMS } from './translit-tables.ts';

const VOWELS = new Set('аеёиоуыэюяіїє'.split(''));
/** Positions where BGN/MVD write е as "ye": word start, after a vowel, ъ, ь or й. */
const IOTATING = new Set([...VOWELS, 'ъ', 'ь', 'й']);
const FRONT = new Set(['и', 'е', 'ы', 'й', 'і', 'є']);

const IS_LETTER = /[\p{L}'’]/u;
const isLetter = (ch: string): boolean => {
  const c = ch.charCodeAt(0);
  if (c >= 0x400 && c <= 0x4ff) return true; // Cyrillic, the common case
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return true;
  return c > 127 || c === 39 ? IS_LETTER.test(ch) : false;
};
const COMBINING = /[\u0300-\u036f]/;

/** Forward transliteration Cyrillic → Latin under one system; keeps the input's capitalisation. */
export function transliterate(cyrillic: string, system: TranslitSystem): string {
  const s = COMBINING.test(cyrillic) ? cyrillic.normalize('NFC') : cyrillic;
  let out = '';
  let start = -1;
  // Word by word (word-initial rules), without a regex replace: this runs for every generated
  // record and every Latin test case, so it is kept allocation-light.
  for (let i = 0; i <= s.length; i++) {
    const letter = i < s.length && isLetter(s[i]);
    if (letter && start < 0) start = i;
    if (!letter) {
      if (start >= 0) {
        out += word(s.slice(start, i), system);
        start = -1;
      }
      if (i < s.length) out += s[i];
    }
  }
  return out;
}

function word(w: string, system: TranslitSystem): string {
  const lower = w.toLowerCase();
  const allCaps = w.length > 1 && w === w.toUpperCase() && w !== lower;
  const table = TABLES[system];
  let out = '';
  const n = lower.length;
  for (let i = 0; i < n; i++) {
    const c = lower[i];
    const prev = i > 0 ? lower[i - 1] : '';
    const next = i + 1 < n ? lower[i + 1] : '';
    const orig = w.length === n ? w[i] : c;
    let t = table[c] ?? c;
    if (system === 'bgnpcgn' || system === 'mvd1997') {
      if (c === 'е' && (prev === '' || IOTATING.has(prev))) t = 'ye';
      if (c === 'ё' && (prev === '' || IOTATING.has(prev))) t = system === 'bgnpcgn' ? 'yë' : 'ye';
    }
    if (system === 'gost779b' && c === 'ц' && FRONT.has(next)) t = 'c';
    if (system === 'ukraine2010') {
      if (prev === '') {
        if (c === 'є') t = 'ye';
        else if (c === 'ї') t = 'yi';
        else if (c === 'й') t = 'y';
        else if (c === 'ю') t = 'yu';
        else if (c === 'я') t = 'ya';
      }
      if (c === 'г' && prev === 'з') t = 'gh';
    }
    if (system === 'informal') {
      // How people type without a standard: Dmitry, Vasily; Alexandr, Maxim.
      if ((c === 'и' || c === 'ы') && next === 'й' && i + 2 === n) {
        out += cap('y', orig, allCaps);
        i++;
        continue;
      }
      if (c === 'к' && next === 'с') {
        out += cap('x', orig, allCaps);
        i++;
        continue;
      }
    }
    out += cap(t, orig, allCaps);
  }
  return out;
}

function cap(t: string, source: string, allCaps: boolean): string {
  if (!t) return t;
  if (allCaps) return t.toUpperCase();
  if (source !== source.toLowerCase()) return t[0].toUpperCase() + t.slice(1);
  return t;
}
