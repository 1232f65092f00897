// Blocking-key transforms for person records ("surname|surname-metaphone" in a rule).
import { registerTransform } from './transforms.ts';
import { personDate, unitOf } from './person.ts';
import {
  canonicalGivenName,
  daitchMokotoff,
  initialOf,
  isInitial,
  metaphoneRu,
  nameKey,
  patronymicGenderless,
  regionCode,
  surnameGenderless,
} from './normalize/index.ts';

const nonEmpty = (s: string | null | undefined): string | null => (s ? s : null);
registerTransform('surname-key', (raw) => nonEmpty(nameKey(raw, 'surname')));
registerTransform('surname-genderless', (raw) => nonEmpty(surnameGenderless(nameKey(raw, 'surname'))));
registerTransform('surname-metaphone', (raw) => nonEmpty(metaphoneRu(surnameGenderless(nameKey(raw, 'surname')))));
registerTransform('surname-prefix4', (raw) => nonEmpty(surnameGenderless(nameKey(raw, 'surname')).slice(0, 4)));
registerTransform('surname-dm', (raw) => nonEmpty(daitchMokotoff(nameKey(raw, 'surname'))[0]));
// Either name field: a given name to its full form, anything else to its genderless surname.
registerTransform('name-any', (raw) => {
  const key = nameKey(raw, 'given');
  if (!key || isInitial(raw)) return null;
  const full = canonicalGivenName(key);
  return full !== key ? full : surnameGenderless(key);
});
registerTransform('given-key', (raw) => nonEmpty(nameKey(raw, 'given')));
registerTransform('given-canonical', (raw) =>
  isInitial(raw) ? null : nonEmpty(canonicalGivenName(nameKey(raw, 'given'))),
);
registerTransform('given-initial', (raw) => nonEmpty(initialOf(nameKey(raw, 'given'))));
registerTransform('patronymic-key', (raw) =>
  isInitial(raw) ? null : nonEmpty(patronymicGenderless(nameKey(raw, 'patronymic'))),
);
registerTransform('patronymic-initial', (raw) => nonEmpty(initialOf(nameKey(raw, 'patronymic'))));
registerTransform('birth-year', (raw) => {
  const p = personDate(raw);
  return p < 0 ? null : String(Math.floor(p / 10000));
});
registerTransform('birth-date', (raw) => {
  const p = personDate(raw);
  return p < 0 || p % 100 === 0 ? null : String(p);
});
registerTransform('region-code', (raw) => regionCode(raw));
registerTransform('unit-number', (raw) => unitOf(raw).number);
