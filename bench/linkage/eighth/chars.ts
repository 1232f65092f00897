// Character-level damage, each modelled on how the text was produced:
// typing on a ЙЦУКЕН keyboard, typing with the wrong layout switched on, OCR of a scan,
// mixing Latin look-alike letters, writing down a name heard in a video or on the phone,
// and copy-paste from web pages (non-breaking and zero-width spaces, decomposed й/ё).
import type { Rng } from './rng.ts';

const ROWS = ['йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбю'];
const NEIGHBOURS = new Map<string, string>();
for (let r = 0; r < ROWS.length; r++) {
  for (let c = 0; c < ROWS[r].length; c++) {
    let n = (ROWS[r][c - 1] ?? '') + (ROWS[r][c + 1] ?? '');
    if (r > 0) n += (ROWS[r - 1][c] ?? '') + (ROWS[r - 1][c + 1] ?? '');
    if (r < ROWS.length - 1) n += (ROWS[r + 1][c] ?? '') + (ROWS[r + 1][c - 1] ?? '');
    NEIGHBOURS.set(ROWS[r][c], n);
  }
}

function matchCase(model: string, s: string): string {
  return model === model.toLowerCase() ? s : s.toUpperCase();
}

/** One keyboard slip: neighbouring key, dropped, doubled or swapped letter. */
export function typo(s: string, rng: Rng): string {
  const letters = [...s].map((ch, i) => (/[а-яё]/i.test(ch) ? i : -1)).filter((i) => i > 0);
  if (letters.length === 0) return s;
  const i = rng.pick(letters);
  const ch = s[i];
  switch (rng.int(0, 3)) {
    case 0: {
      const n = NEIGHBOURS.get(ch.toLowerCase());
      return n ? s.slice(0, i) + matchCase(ch, rng.pick([...n])) + s.slice(i + 1) : s;
    }
    case 1:
      return s.slice(0, i) + s.slice(i + 1);
    case 2:
      return s.slice(0, i) + ch + s.slice(i);
    default:
      return i + 1 < s.length ? s.slice(0, i) + s[i + 1] + ch + s.slice(i + 2) : s;
  }
}

const LAYOUT_FROM = 'йцукенгшщзхъфывапролджэячсмитьбюёЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮЁ';
const LAYOUT_TO = 'qwertyuiop[]asdfghjkl;\'zxcvbnm,.`QWERTYUIOP{}ASDFGHJKL:"ZXCVBNM<>~';

/** Typed with the English layout on: Иванов → Bdfyjd (and ж → ; б → , can break naive CSV). */
export function wrongLayout(s: string): string {
  let out = '';
  for (const ch of s) {
    const i = LAYOUT_FROM.indexOf(ch);
    out += i >= 0 ? LAYOUT_TO[i] : ch;
  }
  return out;
}

const HOMO: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
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

/** Latin look-alikes: one letter (autocorrect, mixed layouts) or every possible letter. */
export function homoglyph(s: string, rng: Rng): string {
  const idx = [...s].map((ch, i) => (HOMO[ch] ? i : -1)).filter((i) => i >= 0);
  if (idx.length === 0) return s;
  if (rng.chance(0.3)) return [...s].map((ch) => HOMO[ch] ?? ch).join('');
  const i = rng.pick(idx);
  return s.slice(0, i) + HOMO[s[i]] + s.slice(i + 1);
}

// Confusions of OCR engines on Russian typewritten and printed lists.
const OCR: [string, string[]][] = [
  ['о', ['0']],
  ['О', ['0']],
  ['з', ['3']],
  ['З', ['3']],
  ['б', ['6']],
  ['ш', ['щ', 'ш']],
  ['щ', ['ш']],
  ['и', ['н', 'й']],
  ['й', ['и']],
  ['н', ['и', 'п']],
  ['п', ['н', 'л']],
  ['л', ['д', 'п']],
  ['д', ['л']],
  ['ц', ['щ', 'п']],
  ['ы', ['ьı', 'bl', 'ь1']],
  ['ю', ['іо']],
  ['т', ['г']],
  ['г', ['т', 'r']],
  ['е', ['с', 'ё']],
  ['с', ['е', 'c']],
  ['в', ['з', 'B']],
  ['м', ['ы']],
  ['Ш', ['Щ']],
  ['Н', ['Й', 'И']],
  ['И', ['Н', 'Й']],
];
const OCR_MAP = new Map(OCR);

/** 1–2 OCR confusions; sometimes a word is split by a stray space instead. */
export function ocr(s: string, rng: Rng): string {
  if (s.length > 3 && rng.chance(0.15)) {
    const i = rng.int(2, s.length - 2);
    return `${s.slice(0, i)} ${s.slice(i)}`;
  }
  let out = s;
  const times = rng.chance(0.3) ? 2 : 1;
  for (let t = 0; t < times; t++) {
    const idx = [...out].map((ch, i) => (OCR_MAP.has(ch) ? i : -1)).filter((i) => i >= 0);
    if (idx.length === 0) break;
    const i = rng.pick(idx);
    out = out.slice(0, i) + rng.pick(OCR_MAP.get(out[i])!) + out.slice(i + 1);
  }
  return out;
}

/** A name written down by ear (POW videos, phone calls): unstressed о → а, е → и, final
 * devoicing, doubled consonants written single, дз → з, ь dropped. One or two per name. */
export function phonetic(s: string, rng: Rng): string {
  const rules: ((x: string) => string)[] = [
    (x) => x.replace(/(?<=.)о(?=[^аеёиоуыэюя]*[аеёиоуыэюя])/, 'а'),
    (x) => x.replace(/(?<=.{2})е(?=[^аеёиоуыэюя]*[аеёиоуыэюя])/, 'и'),
    (x) => x.replace(/б$/, 'п').replace(/д$/, 'т').replace(/г$/, 'к').replace(/в$/, 'ф').replace(/з$/, 'с'),
    (x) => x.replace(/([бвгджзклмнпрстф])\1/, '$1'),
    (x) => x.replace(/[Дд]з/, (m) => (m[0] === 'Д' ? 'З' : 'з')),
    (x) => x.replace(/тс/, 'ц').replace(/ться$/, 'ца'),
    (x) => x.replace(/ё/, 'о'),
    (x) => x.replace(/(?<=.)ь(?=.)/, ''), // the soft sign is not heard: Ильин → Илин
  ];
  let out = s;
  const n = rng.chance(0.35) ? 2 : 1;
  for (let k = 0; k < n; k++) {
    const start = rng.int(0, rules.length - 1);
    for (let j = 0; j < rules.length; j++) {
      const next = rules[(start + j) % rules.length](out);
      if (next !== out) {
        out = next;
        break;
      }
    }
  }
  return out;
}

const SPACES = ['  ', ' ', '\u00a0', '\u200b', '\u00ad', '\t'];

/** Copy-paste leftovers: doubled/leading/trailing spaces, NBSP, zero-width space, soft hyphen,
 * a line break inside the cell (which then needs CSV quoting). */
export function whitespace(s: string, rng: Rng): string {
  switch (rng.int(0, 4)) {
    case 0:
      return ` ${s}`;
    case 1:
      return `${s} `;
    case 2: {
      const i = rng.int(1, Math.max(1, s.length - 1));
      return s.slice(0, i) + rng.pick(SPACES.slice(2)) + s.slice(i);
    }
    case 3:
      return s.includes(' ') ? s.replace(' ', rng.pick(['  ', '\u00a0', ' \n'])) : `${s}\u00a0`;
    default:
      return `${s}${rng.pick(['\n', '\r\n', '  '])}`;
  }
}

/** Text pasted from macOS or some PDFs: й and ё as a base letter plus a combining mark. */
export function decompose(s: string): string {
  return s.normalize('NFD');
}

export function dropYo(s: string): string {
  return s.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
}
