// A given name typed with one letter wrong, missing, added or two swapped ("Дмтрий", "Алексанрд",
// "Мижаил") read as the name it misspells, when only one known name is that close. Lists are
// typed by hand; a misspelt name was no known name at all, so against its own diminutive
// ("Дмтрий" and "Дима") it could only be "two different names", the veto that keeps brothers
// apart. For the linkage comparisons only: the platform's search keys keep canonicalGivenName.
import { canonicalGivenName, isKnownGivenName, knownGivenNameKeys } from './given-names.ts';
import { oneEditApart } from './edits.ts';
import { memo } from './memo.ts';

/** Keys shorter than this are not corrected: too many short names are one edit apart (Ян, Яна, Ия). */
const MIN_LENGTH = 5;
/**
 * A surname's ending: such a value in the given-name field is a surname written there (Павлов is
 * one letter from Павел), not a misspelt name.
 */
const SURNAME_ENDING = /(?:ов|ев|ин|ын|ова|ева|ина|ына|ски|скии|цки|цкии|ская|енко|ук|иук|иг|ыг)$/u;

let byDeletion: Map<string, string[]> | null = null;

/** Every known spelling (full or diminutive), by each of its one-letter deletions and itself. */
function deletionIndex(): Map<string, string[]> {
  const index = new Map<string, string[]>();
  const add = (k: string, spelling: string) => {
    const list = index.get(k);
    if (!list) index.set(k, [spelling]);
    else if (!list.includes(spelling)) list.push(spelling);
  };
  for (const spelling of knownGivenNameKeys()) {
    add(spelling, spelling);
    for (let i = 0; i < spelling.length; i++) add(spelling.slice(0, i) + spelling.slice(i + 1), spelling);
  }
  return index;
}

const corrected = memo((key: string): string => {
  if (key.length < MIN_LENGTH || isKnownGivenName(key) || SURNAME_ENDING.test(key)) return canonicalGivenName(key);
  // A man's name with "а" after it is a woman's name or the man's in the genitive (Александра,
  // Евгения, Валентина), which name-cases.ts reads when the record says which: not a typo.
  if (key.endsWith('а') && isKnownGivenName(key.slice(0, -1))) return canonicalGivenName(key);
  byDeletion ??= deletionIndex();
  const names = new Set<string>();
  // Candidates share a deletion with the key (symmetric deletion finds every one-edit neighbour).
  for (const probe of [key, ...Array.from(key, (_, i) => key.slice(0, i) + key.slice(i + 1))])
    for (const spelling of byDeletion.get(probe) ?? [])
      if (oneEditApart(key, spelling)) names.add(canonicalGivenName(spelling));
  return names.size === 1 ? [...names][0] : canonicalGivenName(key);
}, 200_000);

/** The full name a given-name key stands for, a one-letter typo of one known name read as it. */
export function correctedGivenName(key: string): string {
  return key ? corrected(key) : '';
}
