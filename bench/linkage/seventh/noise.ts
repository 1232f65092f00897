// Character- and date-level noise: phone-keyboard typos (ЙЦУКЕН neighbours), OCR confusions in
// scanned letters, Latin look-alike letters pasted into Cyrillic, and the many ways of writing a
// date (formats, day and month swapped, a wrong digit, a death date in the birth column).
import type { Rng } from './rng.ts';

const ROWS_RU = ['йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбю'];
const ROWS_EN = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

function neighbourMap(rows: string[]): Map<string, string> {
  const m = new Map<string, string>();
  rows.forEach((row, r) => {
    for (let i = 0; i < row.length; i++) {
      let n = (row[i - 1] ?? '') + (row[i + 1] ?? '');
      // keys above and below (rows are offset by about half a key)
      n +=
        (rows[r - 1]?.[i] ?? '') +
        (rows[r - 1]?.[i + 1] ?? '') +
        (rows[r + 1]?.[i] ?? '') +
        (rows[r + 1]?.[i - 1] ?? '');
      m.set(row[i], n);
    }
  });
  m.set('ё', 'е');
  return m;
}
const NEAR_RU = neighbourMap(ROWS_RU);
const NEAR_EN = neighbourMap(ROWS_EN);

function setCase(like: string, c: string): string {
  return like !== like.toLowerCase() ? c.toUpperCase() : c;
}

/** One keyboard slip: a neighbouring key (most often), a lost letter, a doubled letter, or two swapped. */
export function keyboardTypo(s: string, rng: Rng): string {
  if (s.length < 3) return s;
  const i = rng.chance(0.05) ? 0 : rng.int(1, s.length - 1);
  const c = s[i];
  const x = rng.next();
  if (x < 0.6) {
    const lc = c.toLowerCase();
    const near = (NEAR_RU.get(lc) ?? NEAR_EN.get(lc) ?? '').replace(/[^a-zа-яё]/g, '');
    if (!near) return s;
    return s.slice(0, i) + setCase(c, near[rng.int(0, near.length - 1)]) + s.slice(i + 1);
  }
  if (x < 0.75) return s.slice(0, i) + s.slice(i + 1);
  if (x < 0.85) return s.slice(0, i) + c + s.slice(i);
  if (i >= s.length - 1) return s;
  return s.slice(0, i) + s[i + 1] + c + s.slice(i + 2);
}

// Confusions of Cyrillic OCR on faxed and scanned letters, and digit confusions.
const OCR: Array<[string, string]> = [
  ['и', 'н'],
  ['н', 'и'],
  ['ш', 'щ'],
  ['щ', 'ш'],
  ['и', 'й'],
  ['й', 'и'],
  ['е', 'с'],
  ['с', 'е'],
  ['л', 'п'],
  ['п', 'л'],
  ['ц', 'щ'],
  ['в', 'б'],
  ['б', '6'],
  ['З', '3'],
  ['О', '0'],
  ['ы', 'ь1'],
  ['ю', 'io'],
  ['т', 'г'],
  ['ь', 'ъ'],
  ['к', 'х'],
  ['м', 'п'],
  ['д', 'л'],
  ['rn', 'm'],
  ['m', 'rn'],
  ['l', 'I'],
  ['cl', 'd'],
];

export function ocrError(s: string, rng: Rng): string {
  const start = rng.int(0, OCR.length - 1);
  for (let k = 0; k < OCR.length; k++) {
    const [a, b] = OCR[(start + k) % OCR.length];
    const i = s.indexOf(a, 1);
    if (i > 0) return s.slice(0, i) + b + s.slice(i + a.length);
  }
  return s;
}

const HOMO: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  х: 'x',
  у: 'y',
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

/** Replace one or two Cyrillic letters by identical-looking Latin ones (copy-paste from PDFs and old Excel). */
export function homoglyph(s: string, rng: Rng): string {
  const idx: number[] = [];
  for (let i = 0; i < s.length; i++) if (HOMO[s[i]]) idx.push(i);
  if (!idx.length) return s;
  const chars = [...s];
  const n = rng.chance(0.7) ? 1 : Math.min(idx.length, 3);
  for (let k = 0; k < n; k++) {
    const i = rng.pick(idx);
    chars[i] = HOMO[s[i]];
  }
  return chars.join('');
}

export function digitTypo(s: string, rng: Rng): string {
  const pos: number[] = [];
  for (let i = 0; i < s.length; i++) if (s[i] >= '0' && s[i] <= '9') pos.push(i);
  if (!pos.length) return s;
  const i = rng.pick(pos);
  const d = Number(s[i]);
  const nd = rng.chance(0.5) ? (d + (rng.chance(0.5) ? 1 : 9)) % 10 : rng.int(0, 9);
  return s.slice(0, i) + String(nd) + s.slice(i + 1);
}

const MONTHS = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

export const FORMATS = [
  'DD.MM.YYYY',
  'YYYY-MM-DD',
  'D/M/YY',
  'M/D/YYYY',
  'D.M.YYYY',
  'DD.MM.YY',
  'D месяца YYYY',
  'D месяца YYYY г.',
  'DDMMYYYY',
  'YYYY г.р.',
  'DD,MM,YYYY',
  'DD MM YYYY',
];

export function formatDate(y: number, m: number, d: number, fmt: string): string {
  const yy = pad(y % 100);
  switch (fmt) {
    case 'DD.MM.YYYY':
      return `${pad(d)}.${pad(m)}.${y}`;
    case 'YYYY-MM-DD':
      return `${y}-${pad(m)}-${pad(d)}`;
    case 'D/M/YY':
      return `${d}/${m}/${yy}`;
    case 'M/D/YYYY':
      return `${m}/${d}/${y}`;
    case 'D.M.YYYY':
      return `${d}.${m}.${y}`;
    case 'DD.MM.YY':
      return `${pad(d)}.${pad(m)}.${yy}`;
    case 'D месяца YYYY':
      return `${d} ${MONTHS[m - 1]} ${y}`;
    case 'D месяца YYYY г.':
      return `${d} ${MONTHS[m - 1]} ${y} г.`;
    case 'DDMMYYYY':
      return `${pad(d)}${pad(m)}${y}`;
    case 'DD,MM,YYYY':
      return `${pad(d)},${pad(m)},${y}`;
    case 'DD MM YYYY':
      return `${pad(d)} ${pad(m)} ${y}`;
    default:
      return `${y} г.р.`;
  }
}

/** A year-only birth field as lists write it: "1990", "1990 г.р.", "1990 г.", "90 г.р.". */
export function formatYear(y: number, rng: Rng): string {
  const x = rng.next();
  if (x < 0.6) return String(y);
  if (x < 0.85) return `${y} г.р.`;
  if (x < 0.95) return `${y} г.`;
  return `${pad(y % 100)} г.р.`;
}
