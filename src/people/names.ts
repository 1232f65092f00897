// Search keys for names and units. Deliberately simple for now (lowercase, ё→е, one space):
// the record-linkage engine (issue 4) brings transliteration and phonetic keys later and can
// recompute these columns from the entered forms, which are never overwritten.

import { fixHomoglyphs } from '../linkage/engine/normalize/index.ts';

export const searchKey = (s: string): string =>
  s
    .normalize('NFC')
    // A Latin «o» or «a» typed into a Cyrillic word (a mixed keyboard layout) is the Cyrillic
    // letter: «Иванoв» is stored and searched as «иванов» (a QA walk found it found nothing).
    .replace(/\S+/g, fixHomoglyphs)
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();

export const optionalKey = (s: string | null | undefined): string | null => (s ? searchKey(s) : null);

/** The name and unit as entered, in the form typed words are searched in (searchKey). */
export const enteredKeys = (p: {
  surname: string;
  given_name: string;
  patronymic: string | null;
  unit_number: string | null;
  unit_name: string | null;
}) => ({
  surname_key: searchKey(p.surname),
  given_name_key: searchKey(p.given_name),
  patronymic_key: optionalKey(p.patronymic),
  unit_key: optionalKey([p.unit_number, p.unit_name].filter(Boolean).join(' ')),
});
export type EnteredKeys = ReturnType<typeof enteredKeys>;
