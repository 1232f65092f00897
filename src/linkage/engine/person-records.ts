// Person records as lists write them: a full name in one field ("Иванов Иван Иванович" under
// «ФИО», mapped to the surname) is spread over the name fields before the record is kept, so it
// compares and blocks like any other (normalize/full-names.ts says when a split is no guess). A
// name copied out of running text in the genitive, dative or instrumental ("Иванова Сергея Петровича") is read
// back to the nominative (normalize/name-cases.ts says when the case is sure).
import type { ComparisonSpec } from './comparison.ts';
import { type NameParts, splitFullName } from './normalize/full-names.ts';
import { mayBeOblique, nominativeName } from './normalize/name-cases.ts';

/**
 * A Dataset.prepare for a config with person name comparisons (surname and given name, the
 * patronymic if present), or null for any other config.
 */
export const personNamePreparer = (
  comparisons: readonly ComparisonSpec[],
  fields: readonly string[],
): ((values: (string | undefined)[]) => void) | null => {
  const fieldOf = (type: string) => fields.indexOf(comparisons.find((c) => c.type === type)?.field ?? '');
  const [s, g, p] = [fieldOf('person-surname'), fieldOf('person-given'), fieldOf('person-patronymic')];
  if (s < 0 || g < 0) return null;
  return (values) => {
    splitFullNameIn(values, s, g, p);
    const given = values[g]?.trim() ?? '';
    if (!mayBeOblique(given)) return;
    const read = nominativeName({ surname: values[s] ?? '', given, patronymic: p >= 0 ? (values[p] ?? '') : '' });
    if (read) writeName(values, s, g, p, read);
  };
};

function splitFullNameIn(values: (string | undefined)[], s: number, g: number, p: number): void {
  const surname = values[s] ?? '';
  const given = values[g] ?? '';
  // Most records have no space in either field (nor initials in the surname): nothing to look at.
  if (!surname.includes(' ') && !given.includes(' ') && !surname.includes('.')) return;
  const parts = splitFullName(surname, given, p >= 0 ? (values[p] ?? '') : '');
  if (parts) writeName(values, s, g, p, parts);
}

function writeName(values: (string | undefined)[], s: number, g: number, p: number, name: NameParts): void {
  values[s] = name.surname;
  values[g] = name.given;
  if (p >= 0) values[p] = name.patronymic;
}
