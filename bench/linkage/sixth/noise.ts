/** Noise of hands and machines. Every function records what it did in `Stats`. */
import { COMMON_WORDS, COMMON_GIVEN, DIMINUTIVES, FAKER_SURNAMES, FEMININE } from './reference.ts';
import type { Rng } from './rng.ts';

export type Stats = Record<string, number>;
export const bump = (s: Stats, k: string, by = 1): void => {
  s[k] = (s[k] ?? 0) + by;
};

const LOWER = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';
const VOWELS = 'аеёиоуыэюя';

export function lowerAll(s: string): string {
  return s.toLocaleLowerCase('ru');
}
export function upperAll(s: string): string {
  return s.toLocaleUpperCase('ru');
}

/** Drop one letter (phones: a missed key; favours double letters and vowels). */
export function dropLetter(rng: Rng, s: string): string {
  if (s.length < 4) return s;
  for (let i = 1; i < s.length; i++) if (s[i] === s[i - 1] && rng.chance(0.6)) return s.slice(0, i) + s.slice(i + 1);
  const i = rng.int(1, s.length - 1);
  return s.slice(0, i) + s.slice(i + 1);
}

/** Double one letter (a key held or tapped twice). */
export function doubleLetter(rng: Rng, s: string): string {
  if (s.length < 3) return s;
  const i = rng.int(1, s.length - 1);
  return s.slice(0, i + 1) + s[i] + s.slice(i + 1);
}

/** Swap two adjacent letters. */
export function transpose(rng: Rng, s: string): string {
  if (s.length < 4) return s;
  const i = rng.int(1, s.length - 2);
  if (s[i] === s[i + 1]) return s;
  return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
}

export function yoToE(s: string): string {
  return s.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
}

/** Latin letters that look Cyrillic (mixed keyboard layouts, copy from a PDF). */
const HOMO: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  х: 'x',
  у: 'y',
  к: 'k',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
};
export function latinLookalike(rng: Rng, s: string): string {
  const idx: number[] = [];
  for (let i = 0; i < s.length; i++) if (HOMO[s[i]]) idx.push(i);
  if (idx.length === 0) return s;
  const chars = [...s];
  const k = Math.min(idx.length, rng.chance(0.7) ? 1 : rng.int(2, 4));
  for (let j = 0; j < k; j++) {
    const i = rng.pick(idx);
    chars[i] = HOMO[chars[i]] ?? chars[i];
  }
  return chars.join('');
}

/** OCR confusions of printed/typed Cyrillic and digits. */
const OCR: Record<string, string[]> = {
  ш: ['щ'],
  щ: ['ш'],
  и: ['н', 'й'],
  н: ['и'],
  з: ['3'],
  З: ['3'],
  о: ['0'],
  О: ['0'],
  б: ['6'],
  ч: ['4'],
  ы: ['ьı', 'ь1', 'bl'],
  ю: ['іо'],
  т: ['m', 'г'],
  м: ['rn', 'ш'],
  п: ['л', 'n'],
  л: ['п'],
  ц: ['щ'],
  е: ['с'],
  в: ['з', 'B'],
  к: ['к', 'х'],
  й: ['и'],
  д: ['л'],
  '0': ['О', 'o'],
  '3': ['З', '8'],
  '6': ['б'],
  '1': ['l', 'I', '7'],
  '8': ['В', '3'],
  '5': ['6', 'S'],
  '4': ['ч'],
};
export function ocrConfuse(rng: Rng, s: string): string {
  const idx: number[] = [];
  for (let i = 0; i < s.length; i++) if (OCR[s[i]]) idx.push(i);
  if (idx.length === 0) return s;
  const chars = [...s];
  const k = rng.chance(0.75) ? 1 : 2;
  for (let j = 0; j < k; j++) {
    const i = rng.pick(idx);
    const opts = OCR[chars[i]];
    if (opts) chars[i] = rng.pick(opts);
  }
  return chars.join('');
}
/** A word broken by a line end or a smudge: "Кузне- цов", "Кузне цов". */
export function ocrBreak(rng: Rng, s: string): string {
  if (s.length < 6) return s;
  const i = rng.int(2, s.length - 3);
  return s.slice(0, i) + rng.pick(['- ', ' ', '-', '¬']) + s.slice(i);
}

/** Extra spaces typed on a phone: leading/trailing/double/inside the word. */
export function extraSpace(rng: Rng, s: string): string {
  const u = rng.next();
  if (u < 0.35) return `${s} `;
  if (u < 0.5) return ` ${s}`;
  if (u < 0.7 && s.includes(' ')) return s.replace(' ', '  ');
  const i = rng.int(1, Math.max(1, s.length - 1));
  return `${s.slice(0, i)} ${s.slice(i)}`;
}
export function missingSpace(s: string): string {
  return s.replace(/([./])\s+/, '$1').replace(/\s+/, '');
}

function lev(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    [prev, cur] = [cur, prev];
  }
  return prev[n];
}

const cap = (s: string): string => (s ? s[0].toLocaleUpperCase('ru') + s.slice(1) : s);
const NAMES_DICT: string[] = COMMON_GIVEN.map((g) => g[0].toLocaleLowerCase('ru'));
const DICT: string[] = [...COMMON_WORDS, ...NAMES_DICT, ...FAKER_SURNAMES.map((s) => s.toLocaleLowerCase('ru'))];
const autoCache = new Map<string, string[]>();
/** Autocorrect: the word becomes a near dictionary word, another name, or the feminine form
 * the phone learnt from the mother's own name. */
export function autocorrect(rng: Rng, s: string, isSurname: boolean): string {
  if (isSurname && rng.chance(0.25)) {
    const f = FEMININE.get(yoToE(s));
    if (f) return f;
  }
  const key = s.toLocaleLowerCase('ru');
  const dict = isSurname ? DICT : NAMES_DICT;
  let c = autoCache.get(`${isSurname}|${key}`);
  if (!c) {
    c = [];
    for (const w of dict) {
      if (w === key || w[0] !== key[0]) continue;
      const d = lev(w, key);
      if (d > 0 && d <= Math.max(2, Math.floor(key.length / 3))) c.push(w);
    }
    if (c.length === 0) c = dict.filter((w) => w[0] === key[0] && w !== key).slice(0, 5);
    autoCache.set(`${isSurname}|${key}`, c);
  }
  if (c.length === 0) return s;
  const w = rng.pick(c);
  // Autocorrect capitalises a word at the start of a field only half the time.
  return rng.chance(0.5) ? cap(w) : w;
}

export function diminutive(rng: Rng, given: string): string | null {
  const d = DIMINUTIVES.get(given) ?? DIMINUTIVES.get(yoToE(given));
  return d ? rng.pick(d) : null;
}

/** Wrong key on a phone digit row / a misread digit. */
export function digitWrong(rng: Rng, s: string): string {
  const idx: number[] = [];
  for (let i = 0; i < s.length; i++) if (s[i] >= '0' && s[i] <= '9') idx.push(i);
  if (idx.length === 0) return s;
  const i = rng.pick(idx);
  let d = rng.int(0, 9);
  if (String(d) === s[i]) d = (d + 1) % 10;
  return s.slice(0, i) + d + s.slice(i + 1);
}
export function digitsSwapped(rng: Rng, s: string): string {
  const idx: number[] = [];
  for (let i = 0; i + 1 < s.length; i++) if (/\d/.test(s[i]) && /\d/.test(s[i + 1]) && s[i] !== s[i + 1]) idx.push(i);
  if (idx.length === 0) return s;
  const i = rng.pick(idx);
  return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
}

/** Letters typed into a date: О for 0, З for 3, l for 1, a trailing "г.". */
export function dateLetters(rng: Rng, s: string): string {
  const u = rng.next();
  if (u < 0.3) return `${s}г.`;
  if (u < 0.45) return `${s} г.р.`;
  const map: Record<string, string[]> = { '0': ['О', 'о', 'O'], '3': ['З'], '1': ['l', 'I'], '6': ['б'] };
  const idx: number[] = [];
  for (let i = 0; i < s.length; i++) if (map[s[i]]) idx.push(i);
  if (idx.length === 0) return `${s}г`;
  const i = rng.pick(idx);
  return s.slice(0, i) + rng.pick(map[s[i]]) + s.slice(i + 1);
}

export const isLowerCyr = (ch: string): boolean => LOWER.includes(ch);
export const isVowel = (ch: string): boolean => VOWELS.includes(ch);
