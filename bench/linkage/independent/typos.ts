import type { Rng } from './prng.ts';

// Mistakes made by people typing names: a neighbouring key (ЙЦУКЕН or QWERTY), a letter
// dropped, doubled or swapped with the next, and the spelling slips of Russian itself
// (double consonants, unstressed о/а and е/и, -ьев/-иев, ё written as е, й as и).

const ROWS: readonly (readonly string[])[] = [
  ['йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбю'],
  ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'],
];

const NEIGHBOURS = new Map<string, string>();
for (const rows of ROWS) {
  rows.forEach((row, r) => {
    [...row].forEach((key, c) => {
      // Each row sits about half a key to the right of the one above it.
      const near = [
        row[c - 1],
        row[c + 1],
        rows[r - 1]?.[c],
        rows[r - 1]?.[c + 1],
        rows[r + 1]?.[c - 1],
        rows[r + 1]?.[c],
      ];
      NEIGHBOURS.set(key, near.filter((k): k is string => k !== undefined).join(''));
    });
  });
}

const isLetter = (c: string): boolean => c.toLowerCase() !== c.toUpperCase();
const sameCase = (like: string, c: string): string => (like === like.toUpperCase() ? c.toUpperCase() : c);

/** A letter position, rarely the first: people mistype the first letter least. */
function position(rng: Rng, s: string): number {
  const letters: number[] = [];
  for (let i = 0; i < s.length; i++) if (isLetter(s[i])) letters.push(i);
  if (letters.length === 0) return -1;
  if (letters.length > 1 && rng.chance(0.85)) return letters[1 + rng.int(letters.length - 1)];
  return letters[0];
}

export function keyboardSlip(rng: Rng, s: string): string {
  const i = position(rng, s);
  if (i < 0) return s;
  const near = NEIGHBOURS.get(s[i].toLowerCase());
  if (!near) return s;
  return s.slice(0, i) + sameCase(s[i], rng.pick([...near])) + s.slice(i + 1);
}

export function dropLetter(rng: Rng, s: string): string {
  if (s.length < 4) return s;
  const i = position(rng, s);
  return i < 0 ? s : s.slice(0, i) + s.slice(i + 1);
}

export function doubleLetter(rng: Rng, s: string): string {
  const i = position(rng, s);
  return i < 0 ? s : s.slice(0, i + 1) + s[i].toLowerCase() + s.slice(i + 1);
}

export function swapNeighbours(rng: Rng, s: string): string {
  if (s.length < 3) return s;
  const i = 1 + rng.int(s.length - 2);
  if (!isLetter(s[i]) || !isLetter(s[i + 1] ?? '') || s[i] === s[i + 1]) return s;
  return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
}

// Spelling slips that sound right: each is a [pattern, replacement] tried in random order.
const SPELLING_SLIPS: readonly (readonly [RegExp, string])[] = [
  [/([лнсп])\1/, '$1'], // Филиппов → Филипов, Абдуллаев → Абдулаев
  [/([аеиоуы])([лнс])([аеиоуы])/, '$1$2$2$3'], // Абдулаев → Абдуллаев
  [/ьев/, 'иев'], // Юрьевич → Юриевич, Геннадьевич → Геннадиевич
  [/иев(?!ич)/, 'ьев'],
  [/(?<=.)о(?=[^аеиоуыэюя]+[аеиоуыэюя])/, 'а'], // unstressed о → а
  [/(?<=.)е(?=[^аеиоуыэюя]+[аеиоуыэюя])/, 'и'], // unstressed е → и
  [/ц[ы]/, 'ци'], // Цыренов → Циренов
  [/ще/, 'щё'],
];

export function spellingSlip(rng: Rng, s: string): string {
  const start = rng.int(SPELLING_SLIPS.length);
  for (let k = 0; k < SPELLING_SLIPS.length; k++) {
    const [pattern, replacement] = SPELLING_SLIPS[(start + k) % SPELLING_SLIPS.length];
    const lower = s.toLowerCase();
    if (pattern.test(lower)) {
      const changed = lower.replace(pattern, replacement);
      // Keep the original capitalisation pattern.
      if (s === s.toUpperCase()) return changed.toUpperCase();
      return s[0] === s[0].toUpperCase() ? changed[0].toUpperCase() + changed.slice(1) : changed;
    }
  }
  return s;
}

export type TypoKind = 'keyboard' | 'drop' | 'double' | 'swap' | 'spelling';

/** One typo of the given kind; a keyboard slip when that kind cannot change this word. */
export function applyTypo(rng: Rng, kind: TypoKind, s: string): string {
  const changed = typoOfKind(rng, kind, s);
  return changed === s ? keyboardSlip(rng, s) : changed;
}

function typoOfKind(rng: Rng, kind: TypoKind, s: string): string {
  switch (kind) {
    case 'keyboard':
      return keyboardSlip(rng, s);
    case 'drop':
      return dropLetter(rng, s);
    case 'double':
      return doubleLetter(rng, s);
    case 'swap':
      return swapNeighbours(rng, s);
    case 'spelling':
      return spellingSlip(rng, s);
  }
}

export const yoToE = (s: string): string =>
  s.includes('ё') || s.includes('Ё') ? s.replace(/ё/g, 'е').replace(/Ё/g, 'Е') : s;
export const shortIToI = (s: string): string => s.replace(/й/g, 'и').replace(/Й/g, 'И');
