// Blocking-key transforms for person records ("surname|surname-metaphone" in a rule); transforms.ts
// puts them in its table.
import { personDate } from './person.ts';
import { isAgeYear } from './dates.ts';
import { unitOf } from './unit-comparison.ts';
import {
  canonicalGivenName,
  correctedGivenNameOf,
  daitchMokotoff,
  formationFamilyKey,
  initialOf,
  isInitial,
  metaphoneRu,
  nameKey,
  parseUnitLoose,
  patronymicGenderless,
  regionCode,
  surnameGenderless,
} from './normalize/index.ts';

/** A blocking key of a raw value; null when the value gives no key (the record is not blocked). */
export type KeyTransform = (raw: string) => string | null;

const nonEmpty = (s: string | null | undefined): string | null => (s ? s : null);

export { givenLikeFeature, looksLikeGivenName, readsOtherField } from './person-names.ts';
/** Either name field: a given name to its full form, anything else to its genderless surname. */
const nameAny = (raw: string): string | null => {
  const key = nameKey(raw, 'given');
  if (!key || isInitial(raw)) return null;
  const full = canonicalGivenName(key);
  return full !== key ? full : surnameGenderless(key);
};

// A year reckoned from an age ("35 лет") is no year to block on: give or take three, it would
// meet its twin's year one time in seven. Such a record blocks as one without a birth year does
// (the "?birth_date" fallback rules pair it with its namesakes).
const birthYear = (raw: string): number | null => {
  const p = personDate(raw);
  return p < 0 || isAgeYear(p) ? null : Math.floor(p / 10000);
};
/** The packed date when it is a full one (day, month and year), else null. */
const fullBirthDate = (raw: string): number | null => {
  const p = personDate(raw);
  return p < 0 || p % 100 === 0 || isAgeYear(p) ? null : p;
};
const keyOf = (x: number | null, f: (x: number) => number = (v) => v): string | null =>
  x === null ? null : String(f(x));

export const personTransforms: Record<string, KeyTransform> = {
  'surname-key': (raw) => nonEmpty(nameKey(raw, 'surname')),
  'surname-genderless': (raw) => nonEmpty(surnameGenderless(nameKey(raw, 'surname'))),
  'surname-metaphone': (raw) => nonEmpty(metaphoneRu(surnameGenderless(nameKey(raw, 'surname')))),
  'surname-prefix4': (raw) => nonEmpty(surnameGenderless(nameKey(raw, 'surname')).slice(0, 4)),
  // A typo leaves either the first or the last three letters alone.
  'surname-prefix3': (raw) => nonEmpty(surnameGenderless(nameKey(raw, 'surname')).slice(0, 3)),
  'surname-suffix3': (raw) => nonEmpty(surnameGenderless(nameKey(raw, 'surname')).slice(-3)),
  'surname-dm': (raw) => nonEmpty(daitchMokotoff(nameKey(raw, 'surname'))[0]),
  'name-any': nameAny,
  'name-any-prefix3': (raw) => nonEmpty(nameAny(raw)?.slice(0, 3)),
  'given-key': (raw) => nonEmpty(nameKey(raw, 'given')),
  'given-canonical': (raw) => (isInitial(raw) ? null : nonEmpty(correctedGivenNameOf(raw))),
  'given-initial': (raw) => nonEmpty(initialOf(nameKey(raw, 'given'))),
  'patronymic-key': (raw) => (isInitial(raw) ? null : nonEmpty(patronymicGenderless(nameKey(raw, 'patronymic')))),
  'patronymic-initial': (raw) => nonEmpty(initialOf(nameKey(raw, 'patronymic'))),
  'birth-year': (raw) => keyOf(birthYear(raw)),
  // Two-year windows, one of them shifted by a year: any two birth years at most one apart share
  // a window in one of the two (a year off by one from age arithmetic is the commonest date error).
  'birth-year2': (raw) => keyOf(birthYear(raw), (y) => Math.floor(y / 2)),
  'birth-year2s': (raw) => keyOf(birthYear(raw), (y) => Math.floor((y + 1) / 2)),
  'birth-date': (raw) => keyOf(fullBirthDate(raw)),
  // Day and month without the year: a year typed wrong or off by one still meets its twin.
  'birth-month-day': (raw) => keyOf(fullBirthDate(raw), (p) => p % 10000),
  'region-code': (raw) => regionCode(raw),
  'unit-number': (raw) => unitOf(raw).number,
  'unit-formation': (raw) => unitOf(raw).formation,
  'unit-formation-family': (raw) => formationFamilyKey(parseUnitLoose(raw).formation),
};
