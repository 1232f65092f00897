// Spelling noise: typing slips, ё/е, informal Latin habits. Each function returns the changed
// string (or the same one when it does not apply, so callers can tell whether it happened).
import type { Rng } from './rng.ts';

const RU_ROWS = ['йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбю'];
const EN_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

function neighbours(rows: string[]): Map<string, string> {
  const m = new Map<string, string>();
  rows.forEach((row, r) => {
    for (let i = 0; i < row.length; i++) {
      let n = (row[i - 1] ?? '') + (row[i + 1] ?? '');
      n += (rows[r - 1]?.[i] ?? '') + (rows[r + 1]?.[i] ?? '');
      m.set(row[i], n);
    }
  });
  return m;
}
const RU_NEAR = neighbours(RU_ROWS);
const EN_NEAR = neighbours(EN_ROWS);
/** Unstressed vowels that people confuse when writing by ear. */
const VOWEL_SWAPS: Record<string, string> = { о: 'а', а: 'о', е: 'и', и: 'е', я: 'е' };

/** One typing slip: neighbour key, dropped / doubled letter, swapped pair, or vowel by ear. */
export function typo(rng: Rng, s: string): string {
  const chars = [...s];
  if (chars.length < 3) return s;
  const i = rng.int(1, chars.length - 1); // the first letter is rarely mistyped
  const c = chars[i];
  const lower = c.toLowerCase();
  const kind = rng.int(0, 4);
  if (kind === 0) {
    const near = RU_NEAR.get(lower) ?? EN_NEAR.get(lower) ?? '';
    if (!near) return s;
    const r = rng.pick([...near]);
    chars[i] = c === lower ? r : r.toUpperCase();
  } else if (kind === 1) {
    chars.splice(i, 1);
  } else if (kind === 2) {
    chars.splice(i, 0, c);
  } else if (kind === 3 && i < chars.length - 1) {
    [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
  } else {
    const v = VOWEL_SWAPS[lower];
    if (!v) return s;
    chars[i] = c === lower ? v : v.toUpperCase();
  }
  return chars.join('');
}

const YO_WORDS: Array<[RegExp, string]> = [
  [/Семен/g, 'Семён'],
  [/Петр(?!о)/g, 'Пётр'],
  [/Федор/g, 'Фёдор'],
  [/Артем/g, 'Артём'],
  [/ьев$/g, 'ьёв'],
  [/([лжшч])ев$/g, '$1ёв'],
  [/Алеш/g, 'Алёш'],
  [/Сереж/g, 'Серёж'],
];

/** Writes ё where the name has it, or drops it where it was written. */
export function toggleYo(s: string): string {
  if (/[ёЁ]/.test(s)) return s.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
  for (const [re, rep] of YO_WORDS) if (re.test(s)) return s.replace(re, rep);
  return s;
}

/** Habits of people writing Russian names in Latin without a standard. */
const INFORMAL_LATIN: Array<[RegExp, string]> = [
  [/iy$/, 'y'],
  [/iy$/, 'i'],
  [/ii$/, 'y'],
  [/y$/, 'i'],
  [/ks/, 'x'],
  [/x/, 'ks'],
  [/kh/, 'h'],
  [/ts/, 'tz'],
  [/ts(?=[aeiouy])/, 'c'],
  [/yu/, 'ju'],
  [/yu/, 'iu'],
  [/ya/, 'ia'],
  [/ya/, 'ja'],
  [/shch/, 'sch'],
  [/^E/, 'Ye'],
  [/ye/, 'e'],
  [/yo/, 'io'],
  [/ie/, 'iye'],
  [/ey$/, 'ei'],
  [/ei$/, 'ey'],
  [/ff/, 'f'],
  // zh → j is in the list of informal spellings; the key cannot read it (j is also й),
  // so these records test the engine's fuzzy levels ("Jukov" is one edit from the key of Жуков).
  [/zh/, 'j'],
];

/** Applies one or two informal habits to a Latin spelling. */
export function informalLatin(rng: Rng, s: string): string {
  let out = s;
  const times = rng.int(1, 2);
  for (let t = 0; t < times; t++) {
    const applicable = INFORMAL_LATIN.filter(([re]) => re.test(out));
    if (!applicable.length) break;
    const [re, rep] = rng.pick(applicable);
    out = out.replace(re, rep);
  }
  return out;
}

/** Feminine form of a masculine surname (the mistake of writing a son's name in the mother's form). */
export function feminine(surname: string): string {
  if (/(ов|ев|ёв|ин|ын)$/.test(surname)) return `${surname}а`;
  if (/(ский|цкий)$/.test(surname)) return surname.replace(/ий$/, 'ая');
  if (/ой$/.test(surname)) return surname.replace(/ой$/, 'ая');
  if (/ый$/.test(surname)) return surname.replace(/ый$/, 'ая');
  return surname;
}

/** English and Western spellings of given names used by English-language sources. */
export const WESTERN_GIVEN: Record<string, readonly string[]> = {
  Александр: ['Alexander'],
  Николай: ['Nicolai', 'Nicholas'],
  Константин: ['Constantin', 'Constantine'],
  Михаил: ['Michail', 'Michael'],
  Евгений: ['Eugene'],
  Георгий: ['George'],
  Пётр: ['Peter'],
  Петр: ['Peter'],
  Павел: ['Paul'],
  Андрей: ['Andrew'],
  Аркадий: ['Arcady'],
  Даниил: ['Daniel'],
  Иосиф: ['Joseph'],
};
