// A given name typed with one letter wrong, missing, added or two swapped ("Дмтрий", "Алексанрд",
// "Мижаил") read as the name it misspells, when only one known name is that close. Lists are
// typed by hand; a misspelt name was no known name at all, so against its own diminutive
// ("Дмтрий" and "Дима") it could only be "two different names", the veto that keeps brothers
// apart. For the linkage comparisons only: the platform's search keys keep canonicalGivenName.
import {
  canonicalGivenName,
  givenNameReadings,
  isKnownGivenName,
  knownGivenNameKeys,
  knownGivenNameSpellings,
} from './given-names.ts';
import { nominativeOfOblique } from './name-cases.ts';
import { nameKey } from './names.ts';
import { oneEditApart } from './edits.ts';
import { memo } from './memo.ts';

/** Keys shorter than this are not corrected: too many short names are one edit apart (Ян, Яна, Ия). */
const MIN_LENGTH = 5;
/**
 * A surname's ending: such a value in the given-name field is a surname written there (Павлов is
 * one letter from Павел), not a misspelt name.
 */
const SURNAME_ENDING = /(?:ов|ев|ин|ын|ова|ева|ина|ына|ски|скии|цки|цкии|ская|енко|ук|иук|иг|ыг)$/u;

/** A word and each of its one-letter deletions: two words one edit apart share one of these. */
const withDeletions = (word: string): string[] => [
  word,
  ...Array.from(word, (_, i) => word.slice(0, i) + word.slice(i + 1)),
];

/** Spellings by each of their one-letter deletions and themselves (symmetric deletion). */
function deletionIndex(spellings: readonly string[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const spelling of spellings)
    for (const k of withDeletions(spelling)) {
      const list = index.get(k);
      if (!list) index.set(k, [spelling]);
      else if (!list.includes(spelling)) list.push(spelling);
    }
  return index;
}

/** The full names of the indexed spellings one edit from `word`, each by `fullName`. */
const namesOneEditFrom = (index: Map<string, string[]>, word: string, fullName: (spelling: string) => string) => {
  const names = new Set<string>();
  for (const probe of withDeletions(word))
    for (const spelling of index.get(probe) ?? []) if (oneEditApart(word, spelling)) names.add(fullName(spelling));
  return names;
};

/** Every known spelling (full or diminutive), as keys. */
let byDeletion: Map<string, string[]> | null = null;

const corrected = memo((key: string): string => {
  if (key.length < MIN_LENGTH || isKnownGivenName(key) || SURNAME_ENDING.test(key)) return canonicalGivenName(key);
  // A man's name with "а" after it is a woman's name or the man's in the genitive (Александра,
  // Евгения, Валентина), which name-cases.ts reads when the record says which: not a typo.
  if (key.endsWith('а') && isKnownGivenName(key.slice(0, -1))) return canonicalGivenName(key);
  byDeletion ??= deletionIndex(knownGivenNameKeys());
  const names = namesOneEditFrom(byDeletion, key, canonicalGivenName);
  return names.size === 1 ? [...names][0] : canonicalGivenName(key);
}, 200_000);

/** The full name a given-name key stands for, a one-letter typo of one known name read as it. */
export function correctedGivenName(key: string): string {
  return key ? corrected(key) : '';
}

/** Cyrillic letters as typed, lower case, ё as е: what a typist's one slip is one edit of. */
export const lettersOf = (raw: string): string =>
  raw
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^а-яіїєґ]/g, '');

/** A surname's ending as typed (correctedGivenName's SURNAME_ENDING is on keys). */
const SURNAME_LETTERS = /(?:ов|ев|ин|ын|ова|ева|ина|ына|ский|цкий|ская|цкая|енко|ук|юк)$/u;

/** Every known spelling as written (lettersOf). */
let byLetterDeletion: Map<string, string[]> | null = null;

/** The one full name a Cyrillic spelling is one letter from, as typed; '' when none or several. */
const byLetters = memo((letters: string): string => {
  byLetterDeletion ??= deletionIndex(knownGivenNameSpellings().map(lettersOf).filter(Boolean));
  const names = namesOneEditFrom(byLetterDeletion, letters, (spelling) =>
    canonicalGivenName(nameKey(spelling, 'given')),
  );
  return names.size === 1 ? [...names][0] : '';
}, 200_000);

/**
 * correctedGivenName of a value as written, or of the name it declines. The key folds letters (кс → г, и before a vowel → е),
 * so one slip on the keyboard can be two letters apart in keys: "Ниолай" is «нелаи», two from
 * «николаи», and "Мкиола" «мкела». Where the key reads no name, the letters as typed are tried.
 */
export function correctedGivenNameOf(raw: string): string {
  const key = nameKey(raw, 'given');
  const read = correctedGivenName(key);
  if (!key || isKnownGivenName(read)) return read;
  // A man's name in an oblique case, in a field of its own ("Сергея", "Дмитрием"): lists copied
  // out of letters keep the case the sentence gave it. Not a name that is a woman's as well
  // (Александра, Евгения: nominativeOfOblique), which stays one edit from the man's.
  const nominative = nominativeOfOblique(raw);
  if (nominative) return correctedGivenName(nameKey(nominative, 'given'));
  const letters = lettersOf(raw);
  if (letters.length < MIN_LENGTH || SURNAME_LETTERS.test(letters)) return read;
  if (inAnotherCase(letters)) return read;
  return byLetters(letters) || read;
}

/** Endings of a man's name in the oblique cases, and of a woman's: Дмитрия, Антону, Игорю, Евгения. */
const CASE_ENDINGS = ['ом', 'ем', 'ой', 'ей', 'а', 'я', 'у', 'ю', 'е'];

/**
 * A known name with a case ending (or a woman's name beside a man's): one letter from the name,
 * and no typo. name-cases.ts reads the case when the record says which; this reads nothing.
 */
const inAnotherCase = (letters: string): boolean =>
  CASE_ENDINGS.some((ending) => {
    if (!letters.endsWith(ending)) return false;
    const stem = letters.slice(0, -ending.length);
    return [stem, `${stem}й`, `${stem}ь`].some((name) => isKnownGivenName(nameKey(name, 'given')));
  });

let formsByName: Map<string, string[]> | null = null;

/** Every known spelling of a full name, its diminutives and other forms among them (Сергей: Серёжа, Серый …). */
function formsOf(fullKey: string): readonly string[] {
  if (!formsByName) {
    formsByName = new Map();
    for (const spelling of knownGivenNameKeys()) {
      const full = canonicalGivenName(spelling);
      const list = formsByName.get(full);
      if (list) list.push(spelling);
      else formsByName.set(full, [spelling]);
    }
  }
  return formsByName.get(fullKey) ?? [];
}

/**
 * Whether `unknown`, a key no list knows, is one letter from a form of the name `known` stands
 * for: a diminutive typed in haste ("Слваа", "Сеёржа", "Ммша", "Вовк") against the full name
 * (Вячеслав, Сергей, Михаил, Владимир). Such a key is too short to correct on its own
 * (correctedGivenName: many short forms are one letter apart); beside a name it can only be one
 * of that name's forms. Two known names are never read so: brothers are named so.
 */
export function misspeltFormOf(unknown: string, known: string): boolean {
  if (unknown.length < 3 || isKnownGivenName(unknown) || !isKnownGivenName(known)) return false;
  for (const full of givenNameReadings(known))
    for (const form of formsOf(full)) if (oneEditApart(unknown, form)) return true;
  return false;
}
