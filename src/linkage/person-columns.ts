// The person CSV's columns under the names a rights group's own sheet gives them. A list kept in
// Excel says «Фамилия», «Имя», «Дата рождения», not surname and birth_date, and `kintrace dedupe`
// refused it at line 1 ("no record_id column"): the user had to rename every column by hand, in a
// tool they may not know how to use. The list importer (src/imports/row-rules.ts) reads the same
// names, so a sheet that imports also deduplicates.
import type { PERSON_CSV_COLUMNS } from './engine/person-config.ts';
import { Said, type Words } from '../shared/said.ts';

type PersonColumn = (typeof PERSON_CSV_COLUMNS)[number];

/** A column name as compared: letter case, ё, spaces and underscores, a closing dot or colon aside. */
export const columnKey = (name: string): string =>
  name
    .trim()
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s_]+/g, ' ')
    .replace(/[.:]+$/, '');

/** Names each person column is found under (the platform's own first). */
export const PERSON_COLUMN_NAMES: Record<PersonColumn | 'full_name', readonly string[]> = {
  record_id: ['record_id', 'id', '№', 'номер', '№ п/п', 'п/п', 'номер записи'],
  source: ['source', 'источник', 'источник сведений', 'список'],
  surname: ['surname', 'last_name', 'last name', 'family name', 'фамилия'],
  // «ФИО»: the whole name in one column. Read as the surname column, which takes a whole name
  // apart (full-names.ts) when the record has no given name of its own.
  full_name: ['full_name', 'full name', 'фио', 'ф.и.о', 'ф. и. о', 'фамилия имя отчество', 'фамилия, имя, отчество'],
  given_name: ['given_name', 'first_name', 'first name', 'name', 'имя'],
  patronymic: ['patronymic', 'middle_name', 'middle name', 'отчество'],
  birth_date: [
    'birth_date',
    'date_of_birth',
    'date of birth',
    'dob',
    'дата рождения',
    'год рождения',
    'дата/год рождения',
    'др',
    'д.р',
    'г.р',
  ],
  region: ['region', 'регион', 'область', 'субъект', 'субъект рф'],
  unit: ['unit', 'часть', 'воинская часть', 'в/ч', 'подразделение', 'номер части'],
};

/**
 * An obituary roundup's «Возраст»: read as the birth date column where the sheet has none (the
 * person comparisons read "33" or "33 года" as an age: about the same age, not a date).
 */
export const AGE_COLUMN_NAMES: readonly string[] = ['age', 'возраст', 'полных лет', 'лет'];
const AGE_KEYS = new Set(AGE_COLUMN_NAMES.map((name) => columnKey(name)));

const FIELD_OF_KEY = new Map<string, PersonColumn | 'full_name'>(
  Object.entries(PERSON_COLUMN_NAMES).flatMap(([field, names]) =>
    names.map((name) => [columnKey(name), field as PersonColumn | 'full_name']),
  ),
);

/** The person column a header cell names, or null. */
const personColumnOf = (name: string): PersonColumn | 'full_name' | null => FIELD_OF_KEY.get(columnKey(name)) ?? null;

export interface PersonHeader {
  /** The header with each recognised column under its person CSV name; other columns as they were. */
  header: string[];
  /** Columns read under another name than their own, in header order ("Фамилия" → surname). */
  renamed: { column: string; field: PersonColumn; age?: true }[];
  /** A column holding the whole name («ФИО»), read as the surname column: given name and patronymic too. */
  wholeName: boolean;
}

/** Column names as a list in words: «a», «b» и «c» (each language quotes and joins its own way). */
const columnList = ([first, ...rest]: readonly string[]): Words =>
  rest.length === 1
    ? { key: 'linkage.csv.lastTwoColumns', params: { first, second: rest[0] } }
    : { key: 'linkage.csv.moreColumns', params: { first, rest: columnList(rest) } };

/**
 * The header read as the person CSV's. Throws (a Said naming the columns) when two columns
 * name one field, «Фамилия» and «surname», or «ФИО» beside «Фамилия» or «Имя»: either could be
 * meant, and reading one would drop the other without a word.
 */
export const readPersonHeader = (header: readonly string[]): PersonHeader => {
  const found: (PersonColumn | 'full_name' | null)[] = header.map(personColumnOf);
  // An age stands in for the birth date only where there is none: beside one, it adds nothing.
  const age = header.findIndex((name) => AGE_KEYS.has(columnKey(name)));
  if (age >= 0 && !found.includes('birth_date')) found[age] = 'birth_date';
  const byField = new Map<PersonColumn, number[]>();
  found.forEach((f, i) => {
    if (!f) return;
    // A whole name holds the given name and patronymic too: «ФИО» beside «Имя» is two readings.
    const fields: PersonColumn[] = f === 'full_name' ? ['surname', 'given_name', 'patronymic'] : [f];
    for (const field of fields) byField.set(field, [...(byField.get(field) ?? []), i]);
  });
  for (const [field, at] of byField)
    if (at.length > 1)
      throw new Said(at.length === 2 ? 'linkage.csv.sameField' : 'linkage.csv.sameFieldAll', {
        columns: columnList(at.map((i) => header[i])),
        field,
      });
  const renamed: PersonHeader['renamed'] = [];
  const out = header.map((name, i) => {
    const f = found[i];
    if (!f) return name;
    const field = f === 'full_name' ? 'surname' : f;
    if (name !== field) renamed.push({ column: name, field, age: i === age || undefined });
    return field;
  });
  return { header: out, renamed, wholeName: found.includes('full_name') };
};
