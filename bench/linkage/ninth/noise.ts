/**
 * Character-level damage, by cause. Each cause leaves its own fingerprint, which is what a careful
 * reader uses to see through it: a typo hits a neighbouring key, a spelling error follows how the
 * name sounds, OCR swaps shapes, pasted text smuggles in Latin look-alike letters.
 */
import type { Rng } from './rng.ts';

const KEYBOARD_ROWS = ['йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбю'];
const NEIGHBOURS = new Map<string, string>();
KEYBOARD_ROWS.forEach((row, r) => {
  for (let i = 0; i < row.length; i++) {
    let near = (row[i - 1] ?? '') + (row[i + 1] ?? '');
    // Keys diagonally below and above (ЙЦУКЕН rows are shifted by about half a key).
    near += (KEYBOARD_ROWS[r + 1]?.[i] ?? '') + (KEYBOARD_ROWS[r - 1]?.[i + 1] ?? '');
    NEIGHBOURS.set(row[i], near);
  }
});

function withCase(template: string, ch: string): string {
  return template !== template.toLowerCase() ? ch.toUpperCase() : ch;
}

/** One keyboard slip: neighbouring key, dropped letter, doubled letter or swapped pair. */
export function typo(word: string, rng: Rng): string {
  if (word.length < 3) return word;
  const i = rng.range(1, word.length - 1);
  const ch = word[i];
  const kind = rng.choose({ neighbour: 4, drop: 3, double: 1.5, swap: 2 });
  if (kind === 'neighbour') {
    const near = NEIGHBOURS.get(ch.toLowerCase());
    if (!near) return word;
    return word.slice(0, i) + withCase(ch, rng.pick([...near])) + word.slice(i + 1);
  }
  if (kind === 'drop') return word.slice(0, i) + word.slice(i + 1);
  if (kind === 'double') return word.slice(0, i + 1) + ch.toLowerCase() + word.slice(i + 1);
  if (i >= word.length - 1) return word;
  return word.slice(0, i) + word[i + 1] + ch + word.slice(i + 2);
}

/** Spelling by ear: unstressed vowels, doubled consonants, soft signs, дж/ж, цы/ци, е/э. */
const SOUND_RULES: Array<[string, string]> = [
  ['о', 'а'],
  ['а', 'о'],
  ['е', 'и'],
  ['и', 'е'],
  ['я', 'е'],
  ['ьев', 'ев'],
  ['ьев', 'иев'],
  ['иев', 'ьев'],
  ['лл', 'л'],
  ['нн', 'н'],
  ['сс', 'с'],
  ['рр', 'р'],
  ['мм', 'м'],
  ['тт', 'т'],
  ['л', 'лл'],
  ['дж', 'ж'],
  ['ж', 'дж'],
  ['цы', 'ци'],
  ['ци', 'цы'],
  ['е', 'э'],
  ['э', 'е'],
  ['тс', 'ц'],
  ['ю', 'у'],
  ['ия', 'ья'],
  ['ья', 'ия'],
  ['ай', 'аи'],
  ['ъ', 'ь'],
  ['ы', 'и'],
];

export function phonetic(word: string, rng: Rng): string {
  const lower = word.toLowerCase();
  for (let attempt = 0; attempt < 6; attempt++) {
    const [from, to] = rng.pick(SOUND_RULES);
    const at = lower.indexOf(from, 1); // the first letter is almost never misheard
    if (at < 0) continue;
    return word.slice(0, at) + withCase(word[at], to[0]) + to.slice(1) + word.slice(at + from.length);
  }
  return word;
}

/** Shapes a scanner or a tired eye confuses in Cyrillic print and handwriting. */
const SHAPES: Array<[string, string]> = [
  ['ш', 'щ'],
  ['щ', 'ш'],
  ['и', 'н'],
  ['н', 'и'],
  ['п', 'н'],
  ['л', 'п'],
  ['й', 'и'],
  ['ё', 'е'],
  ['б', '6'],
  ['З', '3'],
  ['з', '3'],
  ['О', '0'],
  ['о', '0'],
  ['с', 'е'],
  ['е', 'с'],
  ['ь', 'ъ'],
  ['ы', 'ьі'],
  ['т', 'г'],
  ['ц', 'щ'],
  ['в', 'з'],
  ['Б', '6'],
  ['И', 'Й'],
  ['м', 'ш'],
  ['к', 'х'],
  ['д', 'л'],
];

export function ocr(word: string, rng: Rng): string {
  for (let attempt = 0; attempt < 6; attempt++) {
    const [from, to] = rng.pick(SHAPES);
    const at = word.indexOf(from);
    if (at < 0) continue;
    return word.slice(0, at) + to + word.slice(at + from.length);
  }
  return word;
}

/** OCR of digits in dates: 3/8, 1/7, 5/6, 0/8. */
const DIGIT_SHAPES: Record<string, string> = { '3': '8', '8': '3', '1': '7', '7': '1', '5': '6', '6': '5', '0': '8' };

export function ocrDigits(text: string, rng: Rng): string {
  const spots = [...text].map((c, i) => (DIGIT_SHAPES[c] ? i : -1)).filter((i) => i >= 0);
  if (spots.length === 0) return text;
  const i = rng.pick(spots);
  return text.slice(0, i) + DIGIT_SHAPES[text[i]] + text.slice(i + 1);
}

/** A digit typed wrong: neighbour on the number row, or two digits swapped. */
export function digitTypo(text: string, rng: Rng): string {
  const spots = [...text].map((c, i) => (c >= '0' && c <= '9' ? i : -1)).filter((i) => i >= 0);
  if (spots.length < 2) return text;
  const i = rng.pick(spots);
  if (rng.chance(0.4) && /\d/.test(text[i + 1] ?? ''))
    return text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2);
  const d = (Number(text[i]) + (rng.chance(0.5) ? 1 : 9)) % 10;
  return text.slice(0, i) + d + text.slice(i + 1);
}

const LOOKALIKES: Record<string, string> = {
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

/** Latin letters that look Cyrillic, from pasting between keyboards and apps: invisible to a reader. */
export function homoglyphs(word: string, rng: Rng): string {
  const spots = [...word].map((c, i) => (LOOKALIKES[c] ? i : -1)).filter((i) => i >= 0);
  if (spots.length === 0) return word;
  let out = word;
  for (let k = rng.range(1, Math.min(3, spots.length)); k > 0; k--) {
    const i = rng.pick(spots);
    out = out.slice(0, i) + LOOKALIKES[word[i]] + out.slice(i + 1);
  }
  return out;
}

/** Stray spaces from hand-made spreadsheets: leading, trailing, doubled, non-breaking. */
export function junkSpace(text: string, rng: Rng): string {
  const kind = rng.choose({ trailing: 4, leading: 2, double: 2, nbsp: 1 });
  if (kind === 'trailing') return `${text} `;
  if (kind === 'leading') return ` ${text}`;
  if (kind === 'nbsp') return text.includes(' ') ? text.replace(' ', '\u00a0') : `${text}\u00a0`;
  return text.includes(' ') ? text.replace(' ', '  ') : `${text} `;
}
