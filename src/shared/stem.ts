// Stems for the plain searches: a word and its other forms («пропал», «пропавших»; «letters»,
// «letter») meet at one stem. Pure, no dependency; the input is one lower-cased word.
//
// Russian: the Snowball Russian stemming algorithm (M. F. Porter, snowballstem.org, «Russian
// stemming algorithm»), its four steps over the region RV as written there. Each `among` of the
// Snowball source takes the longest ending that lies in RV; an ending of a group that must follow
// «а» or «я» is removed only when that letter is in RV too, and when it is not, no shorter ending
// of the same list is tried (as Snowball does).
//
// English: step 1 only (1a, 1b with its repairs, 1c) of M. F. Porter, «An algorithm for suffix
// stripping», Program 14(3), 1980: plurals, -ed and -ing, a final -y. The later steps fold
// «general» into «gener»; for a search over a few guides the light step is enough and misleads less.

const RU_VOWELS = 'аеиоуыэюя';

/** The longest of `endings` that ends `w` and starts at or after `from`, or undefined. */
const longest = (w: string, from: number, endings: readonly string[]): string | undefined => {
  let best: string | undefined;
  for (const e of endings)
    if (w.endsWith(e) && w.length - e.length >= from && (!best || e.length > best.length)) best = e;
  return best;
};

/**
 * Removes the longest ending of the two groups: one of `afterAYa` only when «а» or «я» (in RV)
 * comes before it. Returns the shorter word, or undefined when nothing was removed.
 */
const strip = (w: string, rv: number, afterAYa: readonly string[], plain: readonly string[]): string | undefined => {
  const e = longest(w, rv, [...afterAYa, ...plain]);
  if (!e) return undefined;
  const at = w.length - e.length;
  if (plain.includes(e)) return w.slice(0, at);
  return at - 1 >= rv && (w[at - 1] === 'а' || w[at - 1] === 'я') ? w.slice(0, at) : undefined;
};

const words = (list: string) => list.split(' ');
// The endings, as the algorithm lists them; the lists ending in _1 must follow «а» or «я».
const GERUND_1 = words('в вши вшись');
const GERUND_2 = words('ив ивши ившись ыв ывши ывшись');
const ADJECTIVE = words('ее ие ые ое ими ыми ей ий ый ой ем им ым ом его ого ему ому их ых ую юю ая яя ою ею');
const PARTICIPLE_1 = words('ем нн вш ющ щ');
const PARTICIPLE_2 = words('ивш ывш ующ');
const REFLEXIVE = words('ся сь');
const VERB_1 = words('ла на ете йте ли й л ем н ло но ет ют ны ть ешь нно');
const VERB_2 = words(
  'ила ыла ена ейте уйте ите или ыли ей уй ил ыл им ым ен ило ыло ено ят ует уют ит ыт ены ить ыть ишь ую ю',
);
const NOUN = words(
  'а ев ов ие ье е иями ями ами еи ии и ией ей ой ий й иям ям ием ем ам ом о у ах иях ях ы ь ию ью ю ия ья я',
);

/** Snowball's RV (after the first vowel) and R2 (R1 of R1), as string offsets. */
const regions = (w: string): { rv: number; r2: number } => {
  const isV = (c: string) => RU_VOWELS.includes(c);
  let i = 0;
  while (i < w.length && !isV(w[i])) i++;
  const rv = Math.min(i + 1, w.length);
  // R1: after the first non-vowel that follows a vowel; R2: the same again, inside R1
  let j = rv;
  while (j < w.length && isV(w[j])) j++;
  j = Math.min(j + 1, w.length);
  while (j < w.length && !isV(w[j])) j++;
  while (j < w.length && isV(w[j])) j++;
  return { rv, r2: Math.min(j + 1, w.length) };
};

export const stemRussian = (word: string): string => {
  let w = word.replace(/ё/g, 'е');
  const { rv, r2 } = regions(w);
  // Step 1
  const gerund = strip(w, rv, GERUND_1, GERUND_2);
  if (gerund !== undefined) w = gerund;
  else {
    const r = longest(w, rv, REFLEXIVE);
    if (r) w = w.slice(0, -r.length);
    const adj = longest(w, rv, ADJECTIVE);
    if (adj) {
      w = w.slice(0, -adj.length);
      w = strip(w, rv, PARTICIPLE_1, PARTICIPLE_2) ?? w;
    } else w = strip(w, rv, VERB_1, VERB_2) ?? strip(w, rv, [], NOUN) ?? w;
  }
  // Step 2
  if (w.endsWith('и') && w.length - 1 >= rv) w = w.slice(0, -1);
  // Step 3: a derivational ending, wholly in R2
  const d = longest(w, Math.max(r2, rv), ['ост', 'ость']);
  if (d) w = w.slice(0, -d.length);
  // Step 4
  const sup = longest(w, rv, ['ейш', 'ейше']);
  if (sup) w = w.slice(0, -sup.length);
  if (w.endsWith('нн') && w.length - 2 >= rv) w = w.slice(0, -1);
  else if (!sup && w.endsWith('ь') && w.length - 1 >= rv) w = w.slice(0, -1);
  return w;
};

// English, Porter's step 1. `y` is a vowel after a consonant.
const isCons = (w: string, i: number): boolean => {
  const c = w[i];
  if ('aeiou'.includes(c)) return false;
  if (c === 'y') return i === 0 || !isCons(w, i - 1);
  return true;
};
/** Porter's m: the number of vowel-consonant sequences in `s`. */
const measure = (s: string): number => {
  let m = 0;
  let i = 0;
  while (i < s.length && isCons(s, i)) i++;
  while (i < s.length) {
    while (i < s.length && !isCons(s, i)) i++;
    if (i >= s.length) break;
    while (i < s.length && isCons(s, i)) i++;
    m++;
  }
  return m;
};
const hasVowel = (s: string) => [...s].some((_, i) => !isCons(s, i));
/** Ends consonant-vowel-consonant, the last not w, x or y («hop», not «snow»). */
const cvc = (s: string) => {
  const n = s.length;
  return n >= 3 && isCons(s, n - 3) && !isCons(s, n - 2) && isCons(s, n - 1) && !'wxy'.includes(s[n - 1]);
};

export const stemEnglish = (word: string): string => {
  let w = word;
  if (w.length <= 2) return w;
  // 1a
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  // 1b
  let repair = false;
  if (w.endsWith('eed')) {
    if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1);
  } else if (w.endsWith('ed') && hasVowel(w.slice(0, -2))) {
    w = w.slice(0, -2);
    repair = true;
  } else if (w.endsWith('ing') && hasVowel(w.slice(0, -3))) {
    w = w.slice(0, -3);
    repair = true;
  }
  if (repair) {
    const n = w.length;
    if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) w += 'e';
    else if (n >= 2 && w[n - 1] === w[n - 2] && isCons(w, n - 1) && !'lsz'.includes(w[n - 1])) w = w.slice(0, -1);
    else if (measure(w) === 1 && cvc(w)) w += 'e';
  }
  // 1c
  if (w.endsWith('y') && hasVowel(w.slice(0, -1))) w = `${w.slice(0, -1)}i`;
  return w;
};

/** The stem of one lower-cased word: Russian for Cyrillic, English for Latin, else the word. */
export const stem = (word: string): string => {
  if (/^[а-яё]+$/.test(word)) return stemRussian(word);
  if (/^[a-z]+$/.test(word)) return stemEnglish(word);
  return word;
};
