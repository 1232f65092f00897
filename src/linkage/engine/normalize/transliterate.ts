import { TABLES, type TranslitSystem } from './translit-tables.ts';

export type { TranslitSystem } from './translit-tables.ts';
export { TRANSLIT_SYSTEMS } from './translit-tables.ts';

const VOWELS = new Set('аеёиоуыэюяіїє'.split(''));
/** Positions where BGN/MVD write е as "ye": word start, after a vowel, ъ, ь or й. */
const IOTATING = new Set([...VOWELS, 'ъ', 'ь', 'й']);
const FRONT = new Set(['и', 'е', 'ы', 'й', 'і', 'є']);

/** Forward transliteration Cyrillic → Latin under one system; keeps the input's capitalisation. */
export function transliterate(cyrillic: string, system: TranslitSystem): string {
  return cyrillic.normalize('NFC').replace(/[\p{L}'’]+/gu, (w) => word(w, system));
}

function word(w: string, system: TranslitSystem): string {
  const lower = w.toLowerCase();
  const allCaps = [...w].length > 1 && w === w.toUpperCase() && w !== lower;
  const table = TABLES[system];
  let out = '';
  const chars = [...lower];
  const orig = [...w];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const prev = i > 0 ? chars[i - 1] : '';
    const next = chars[i + 1] ?? '';
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
      if ((c === 'и' || c === 'ы') && next === 'й' && i + 2 === chars.length) { out += cap('y', orig[i], allCaps); i++; continue; }
      if (c === 'к' && next === 'с') { out += cap('x', orig[i], allCaps); i++; continue; }
    }
    out += cap(t, orig[i], allCaps);
  }
  return out;
}

function cap(t: string, source: string, allCaps: boolean): string {
  if (!t) return t;
  if (allCaps) return t.toUpperCase();
  if (source !== source.toLowerCase()) return t[0].toUpperCase() + t.slice(1);
  return t;
}
