// Person records as lists write them: a full name in one field ("Иванов Иван Иванович" under
// «ФИО», mapped to the surname, or in the given-name field), with a rank before it or a call sign
// after it, is spread over the name fields before the record is kept, so it compares and blocks
// like any other (normalize/full-names.ts says when a split is no guess); a given name and a
// patronymic entered in each other's fields are put back. A name copied out of running text in
// an oblique case ("Иванова Сергея Петровича", "о Зайцеве Константине") is read back to the
// nominative (normalize/name-cases.ts says when the case is sure).
import type { ComparisonSpec } from './comparison.ts';
import { givenAndPatronymicInPlace, type NameParts, splitFullName } from './normalize/full-names.ts';
import { mayBeOblique, nominativeName } from './normalize/name-cases.ts';
import { isPlaceholder } from './placeholders.ts';

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
    const surname = values[s] ?? '';
    const given = values[g] ?? '';
    const patronymic = p >= 0 ? (values[p] ?? '') : '';
    // Most records have no space in either name field, no dot in the surname and a given name
    // in the nominative: nothing to look at.
    if (
      !surname.includes(' ') &&
      !given.includes(' ') &&
      !given.includes('(') &&
      !surname.includes('.') &&
      !mayBeOblique(given.trim()) &&
      !PATRONYMIC_LIKE.test(given)
    )
      return;
    // A placeholder ("н/д", "не указано") beside a whole name is an empty field (placeholders.ts):
    // the name is spread over fields that are empty.
    const [bareSurname, placedGiven, barePatronymic] = [surname, given, patronymic].map((v) =>
      isPlaceholder(v.trim()) ? '' : v,
    );
    // "Сергей (Серёжа)", "Андрей (Андрюха)": the name with what he was called beside it.
    const bareGiven = placedGiven.includes('(') ? placedGiven.replace(ASIDE, ' ').trim() || placedGiven : placedGiven;
    const read =
      readName(bareSurname, bareGiven, barePatronymic) ??
      (bareGiven !== placedGiven ? { surname: bareSurname, given: bareGiven, patronymic: barePatronymic } : null);
    if (read) writeName(values, s, g, p, read);
  };
};

/** Words in brackets beside a given name: a short form, a call sign, a note. */
const ASIDE = /\s*\([^()]*\)\s*/gu;

/** A given-name field that ends as a patronymic does: the cheap test before givenAndPatronymicInPlace. */
const PATRONYMIC_LIKE = /(?:вич|вна|ична|ич)\s*$/iu;

/** The name spread over its fields and read back to the nominative; null when it stays as written. */
// Not memoised: at a million records three in four of the name triples are distinct, and a cache
// of them cost more than it saved (measured on the fifth generator).
const readName = (surname: string, given: string, patronymic: string): NameParts | null => {
  const inPlace = givenAndPatronymicInPlace(given, patronymic);
  const split = inPlace
    ? { surname, given: inPlace[0], patronymic: inPlace[1] }
    : splitFullName(surname, given, patronymic);
  const parts = split ?? { surname, given, patronymic };
  const nominative = mayBeOblique(parts.given.trim()) ? nominativeName({ ...parts, given: parts.given.trim() }) : null;
  return nominative ?? split;
};

function writeName(values: (string | undefined)[], s: number, g: number, p: number, name: NameParts): void {
  values[s] = name.surname;
  values[g] = name.given;
  if (p >= 0) values[p] = name.patronymic;
}
