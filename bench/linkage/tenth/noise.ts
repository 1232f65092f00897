// Errors of transmission: how a name or a date goes wrong between the man's papers and a list.
// Each channel has its own characteristic confusions. Functions return the input unchanged
// when they find nothing to corrupt, so callers can count real changes.
import type { Rng } from './random.ts';
import type { Cells, Count } from './render.ts';

export type Channel = 'keyboard' | 'handwriting' | 'hearing' | 'photo';

const KEY_ROWS = ['йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбю'];
const LATIN_ROWS = ['qwertyuiop[]', "asdfghjkl;'", 'zxcvbnm,.'];
const NEIGHBOURS = new Map<string, string>();
const LAYOUT = new Map<string, string>();
KEY_ROWS.forEach((row, r) => {
  for (let i = 0; i < row.length; i++) {
    NEIGHBOURS.set(row[i], (row[i - 1] ?? '') + (row[i + 1] ?? ''));
    LAYOUT.set(row[i], LATIN_ROWS[r][i]);
  }
});

/** Pairs confused in each channel, read both ways. */
const CONFUSIONS: Record<Exclude<Channel, 'keyboard'>, string[]> = {
  // Cursive Russian: т written like m, л/м, и/ш/й, ц/щ, а/о, е/и, у/ч, з/э, н/п.
  handwriting: [
    'тш',
    'тм',
    'лм',
    'иш',
    'ий',
    'цщ',
    'шщ',
    'ао',
    'еи',
    'уч',
    'зэ',
    'нп',
    'вб',
    'ьы',
    '17',
    '49',
    '60',
    '35',
  ],
  // Said aloud, heard by someone else: unstressed vowels, voicing, soft signs.
  hearing: ['оа', 'еи', 'ея', 'бп', 'дт', 'гк', 'вф', 'зс', 'жш', 'ьъ'],
  // Engraved letters on a grave or plaque, read from a photo.
  photo: ['шщ', 'ий', 'её', 'ни', 'ьъ', 'ьы', 'вб', 'зэ', '38', '68', '17', '09', '56'],
};

const HOMOGLYPHS: Record<string, string> = {
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

function swapCase(target: string, like: string): string {
  return like === like.toUpperCase() && like !== like.toLowerCase() ? target.toUpperCase() : target;
}

function replaceAt(word: string, i: number, by: string): string {
  return word.slice(0, i) + by + word.slice(i + 1);
}

/** A typing slip: neighbouring key, swapped pair, dropped or doubled letter. */
export function keyboardTypo(word: string, rng: Rng): string {
  if (word.length < 3) return word;
  const i = rng.int(1, word.length - 1);
  const kind = rng.next();
  if (kind < 0.4) {
    const near = NEIGHBOURS.get(word[i].toLowerCase());
    return near ? replaceAt(word, i, swapCase(rng.pick([...near]), word[i])) : word;
  }
  if (kind < 0.6 && i < word.length - 1) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  if (kind < 0.85) return word.slice(0, i) + word.slice(i + 1);
  return word.slice(0, i) + word[i] + word.slice(i);
}

function confuse(word: string, pairs: string[], rng: Rng): string {
  const options: [number, string][] = [];
  for (let i = 0; i < word.length; i++) {
    const lower = word[i].toLowerCase();
    for (const pair of pairs) {
      const at = pair.indexOf(lower);
      if (at >= 0) options.push([i, swapCase(pair[1 - at], word[i])]);
    }
  }
  if (options.length === 0) return word;
  const [i, by] = rng.pick(options);
  return replaceAt(word, i, by);
}

/** Heard, not read: also word-final devoicing, doubled consonants lost, "тс" heard as "ц". */
function hearingError(word: string, rng: Rng): string {
  const r = rng.next();
  if (r < 0.2 && /([бвгджзклмнпрст])\1/.test(word)) return word.replace(/([бвгджзклмнпрст])\1/, '$1');
  if (r < 0.3 && /[бвгдзж]$/.test(word))
    return word.slice(0, -1) + ({ б: 'п', в: 'ф', г: 'к', д: 'т', з: 'с', ж: 'ш' }[word.at(-1) ?? ''] ?? '');
  if (r < 0.35 && /тс|дс/.test(word)) return word.replace(/[тд]с/, 'ц');
  // Unstressed vowels: leave the first syllable alone, it is usually heard right.
  const head = word.slice(0, 2);
  return head + confuse(word.slice(2), CONFUSIONS.hearing, rng);
}

/** A letter lost on a weathered photo: dropped, or marked by the volunteer with "?". */
function photoError(word: string, rng: Rng): string {
  if (rng.chance(0.2) && word.length > 4) {
    const i = rng.int(1, word.length - 2);
    return replaceAt(word, i, rng.chance(0.5) ? '?' : '');
  }
  return confuse(word, CONFUSIONS.photo, rng);
}

export function channelError(channel: Channel, word: string, rng: Rng): string {
  if (!word) return word;
  if (channel === 'keyboard') return keyboardTypo(word, rng);
  if (channel === 'hearing') return hearingError(word, rng);
  if (channel === 'photo') return photoError(word, rng);
  return confuse(word, CONFUSIONS.handwriting, rng);
}

/** Digits of a date misread through the same channel (1↔7, 3↔8 ...). */
export function digitError(text: string, channel: Channel, rng: Rng): string {
  const pairs = (channel === 'keyboard' ? ['12', '23', '45', '56', '78', '89', '90'] : CONFUSIONS[channel]).filter(
    (p) => /\d\d/.test(p),
  );
  return pairs.length ? confuse(text, pairs, rng) : text;
}

/** One Cyrillic letter replaced by its Latin twin, from copy-pasting: invisible to the eye. */
export function homoglyph(word: string, rng: Rng): string {
  const spots = [...word].map((c, i) => (HOMOGLYPHS[c] ? i : -1)).filter((i) => i >= 0);
  if (spots.length === 0) return word;
  const i = rng.pick(spots);
  return replaceAt(word, i, HOMOGLYPHS[word[i]]);
}

/** Typed with the keyboard left in the Latin layout: "Иванов" → "Bdfyjd". */
export function wrongLayout(word: string): string {
  return [...word].map((c) => swapCase(LAYOUT.get(c.toLowerCase()) ?? c, c)).join('');
}

/** A value put in the wrong cell. */
export function misfile(c: Cells, rng: Rng, count: Count): void {
  const r = rng.next();
  if (r < 0.35 && c.given) {
    [c.surname, c.given, c.patronymic] = [[c.surname, c.given, c.patronymic].filter(Boolean).join(' '), '', ''];
    count('full_name_in_surname_cell');
  } else if (r < 0.6 && c.given) {
    [c.surname, c.given] = [c.given, c.surname];
    count('surname_and_given_swapped');
  } else if (r < 0.85 && c.patronymic) {
    [c.given, c.patronymic] = [`${c.given} ${c.patronymic}`, ''];
    count('patronymic_in_given_cell');
  } else if (c.region || c.unit) {
    [c.region, c.unit] = [c.unit, c.region];
    count('region_and_unit_swapped');
  }
}
