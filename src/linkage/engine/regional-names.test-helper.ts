// Men of one region with a handful of surnames and given names, all combinations over the years:
// the background against which a name's frequency within a region is measured in tests.

export const RUSSIAN_SURNAMES = [
  'Кузнецов',
  'Попов',
  'Васильев',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
];
export const RUSSIAN_NAMES = [
  'Иван',
  'Сергей',
  'Андрей',
  'Дмитрий',
  'Алексей',
  'Николай',
  'Павел',
  'Олег',
  'Игорь',
  'Юрий',
];

/** `count` records of a region, surname and given name cycling through the pools, a birth year each. */
export const regionalMen = (
  count: number,
  region: string,
  surnames: readonly string[],
  names: readonly string[],
  firstYear: number,
  years: number,
): Record<string, string>[] =>
  Array.from({ length: count }, (_, i) => ({
    surname: surnames[i % surnames.length],
    given_name: names[i % names.length],
    region,
    birth_date: String(firstYear + (i % years)),
  }));
