// Name lists from data/names for the property tests (test helper, not part of the API).
import { readFileSync } from 'node:fs';
import type { NameKind } from './names.ts';

const read = (f: string) => readFileSync(new URL(`../../../../data/names/${f}`, import.meta.url), 'utf8');
const lines = (f: string) =>
  read(f)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

export const SURNAMES = lines('surnames.csv')
  .slice(1)
  .flatMap((l) => l.split(',').slice(0, 2));
/** [male, female] pairs of surnames.csv. */
export const SURNAME_PAIRS = lines('surnames.csv')
  .slice(1)
  .map((l) => l.split(',').slice(0, 2) as [string, string]);
export const GIVEN = lines('male_first_names.txt');
export const PATRONYMICS = [...lines('patronymics_male.txt'), ...lines('patronymics_female.txt')];
/** [male, female] patronymics: the male list with the female form made by the usual rules (the
 * two faker lists are not parallel). */
const FEMALE_OF_ICH: Record<string, string> = { Ильич: 'Ильинична', Фомич: 'Фоминична', Фокич: 'Фокична' };
export const PATRONYMIC_PAIRS: Array<[string, string]> = lines('patronymics_male.txt').map((m) => [
  m,
  FEMALE_OF_ICH[m] ?? m.replace(/ович$/, 'овна').replace(/евич$/, 'евна'),
]);
/** Names from the republics the issue names (Buryatia, Tyva, Dagestan, North Ossetia). */
export const MINORITY_SURNAMES = [
  'Цыренов',
  'Доржиев',
  'Монгуш',
  'Ооржак',
  'Магомедов',
  'Гаджиев',
  'Абдулхаликов',
  'Дзагоев',
  'Гуриев',
  'Цыденжапов',
  'Батоев',
  'Куулар',
  'Сат',
  'Дзуцев',
  'Хетагуров',
  'Алиев',
];
export const MINORITY_GIVEN = [
  'Баир',
  'Жаргал',
  'Аяс',
  'Шамиль',
  'Магомед',
  'Алан',
  'Сослан',
  'Батор',
  'Чингис',
  'Ахмед',
  'Руслан',
  'Заур',
  'Аймир',
];

export const ALL: Array<[string, NameKind]> = [
  ...SURNAMES.map((n) => [n, 'surname'] as [string, NameKind]),
  ...MINORITY_SURNAMES.map((n) => [n, 'surname'] as [string, NameKind]),
  ...GIVEN.map((n) => [n, 'given'] as [string, NameKind]),
  ...MINORITY_GIVEN.map((n) => [n, 'given'] as [string, NameKind]),
  ...PATRONYMICS.map((n) => [n, 'patronymic'] as [string, NameKind]),
];
