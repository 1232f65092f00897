import { isKnownGivenName } from './given-names.ts';
import { nameKey } from './names.ts';

// Names copied out of running text keep the grammatical case they had there: "прошу найти
// Иванова Сергея Петровича" (genitive), "направлено Иванову Сергею Петровичу" (dative), "о
// признании Ондара Айдыса безвестно отсутствующим", "связь с Колесниковым Евгением потеряна"
// (instrumental), "сведения о Зайцеве Константине Эдуардовиче" (prepositional). Such a record agrees with the man's other
// records only by an edit on every name, and its given name is no known name at all ("Коли" is
// not read as Коля, so not as Николай). Read back to the nominative when the words agree on one
// case: a man's given name that is a known name only once its ending is taken back, or a
// patronymic or surname ending that only an oblique case has, and no field in another case.
// "Иванова Александра" stays as written: it may be a woman, named in the nominative.

/** A man's name over the three fields (full-names.ts splits one written in a single field). */
export interface NameParts {
  surname: string;
  given: string;
  patronymic: string;
}

export type NameCase = 'genitive' | 'dative' | 'instrumental' | 'prepositional';

// Павел → Павла, Пётр → Петра, Лев → Льва: the vowel drops out before the ending.
const FLEETING: Readonly<Record<string, string>> = { павл: 'павел', петр: 'пётр', льв: 'лев' };

const isKnown = (lower: string): boolean => isKnownGivenName(nameKey(lower, 'given'));
/**
 * Women's names that are also a man's name in the genitive (Александра, Евгения, Юлия, Яна): read
 * back only when the patronymic or the surname says the name is a man's. Павла is left out: a
 * woman so named is far rarer than Павел in the genitive.
 */
const WOMEN_OR_GENITIVE = new Set([
  'александра',
  'валентина',
  'евгения',
  'станислава',
  'ярослава',
  'владислава',
  'мирослава',
  'святослава',
  'бронислава',
  'вячеслава',
  'юлиана',
  'кристиана',
  'антонина',
  'юлия',
  'валерия',
  'клавдия',
  'яна',
  'ульяна',
  'милана',
  'милена',
  'богдана',
  'кира',
  'мира',
  'камила',
  'рената',
  'серафима',
  'устинья',
  'даниэла',
  'владлена',
]);

/** Nominative forms a man's given name in this case may come from, commonest first. */
function givenCandidates(lower: string, nameCase: NameCase): string[] {
  const stem = lower.slice(0, -1);
  const last = lower.at(-1);
  if (nameCase === 'genitive') {
    if (last === 'я') return [`${stem}й`, `${stem}ь`]; // Сергея, Игоря
    if (last === 'а') return [FLEETING[stem] ?? stem]; // Ивана, Павла
    if (last === 'ы') return [`${stem}а`]; // Никиты
    if (last === 'и') return [`${stem}я`, `${stem}а`]; // Коли, Ильи; Луки
    return [];
  }
  if (nameCase === 'instrumental') {
    const base = lower.slice(0, -2);
    if (lower.endsWith('ом')) return [FLEETING[base] ?? base]; // Иваном, Павлом
    if (lower.endsWith('ем')) return [`${base}й`, `${base}ь`]; // Сергеем, Евгением, Игорем
    return [`${base}а`, `${base}я`]; // Никитой; Ильёй, Колей
  }
  if (nameCase === 'prepositional') {
    // Евгении, Дмитрии; Иване, Павле, Сергее, Игоре, and Никите, Коле as in the dative.
    if (lower.endsWith('ии')) return [`${lower.slice(0, -2)}ий`];
    if (last !== 'е') return [];
    return [FLEETING[stem] ?? stem, `${stem}й`, `${stem}ь`, `${stem}а`, `${stem}я`];
  }
  if (last === 'ю') return [`${stem}й`, `${stem}ь`]; // Сергею, Игорю
  if (last === 'у') return [FLEETING[stem] ?? stem]; // Ивану, Павлу
  if (last === 'е') return [`${stem}я`, `${stem}а`]; // Коле, Илье; Никите
  return [];
}

/**
 * Given names' endings by case: Сергея, Ивана; Сергею, Ивану; Сергеем, Иваном, Никитой; Иване,
 * Евгении. An ending two cases share (Никите, Коле: dative or prepositional; Евгении: genitive of
 * Евгения or prepositional of Евгений) gives both, the commoner first; the other fields decide.
 */
const GIVEN_ENDINGS: readonly [RegExp, NameCase[]][] = [
  [/ии$/u, ['genitive', 'prepositional']],
  [/[аяыи]$/u, ['genitive']],
  [/е$/u, ['dative', 'prepositional']],
  [/[юу]$/u, ['dative']],
  [/(?:ом|ем|ой|ей|ёй)$/u, ['instrumental']],
];

/** The cases a given name's ending allows, commonest first; none for a nominative ending. */
const casesOfEnding = (lower: string): readonly NameCase[] =>
  GIVEN_ENDINGS.find(([ending]) => ending.test(lower))?.[1] ?? [];

/** Whether a given name ends as one in an oblique case may: the cheap test before nominativeName. */
export const mayBeOblique = (given: string): boolean => casesOfEnding(given.toLowerCase()).length > 0;

/** The nominative of a man's given name in this case, or null when no known name fits. */
function nominativeGiven(lower: string, nameCase: NameCase): string | null {
  for (const c of givenCandidates(lower, nameCase)) if (c.length > 1 && isKnown(c)) return c;
  return null;
}

/**
 * The nominative of a word that is a man's given name in an oblique case (Алексея → алексей,
 * Дмитрием → дмитрий), or null. The word alone says no more than that it may be: for comparing it
 * with another record's name, never for rewriting the record (nominativeName says when that is sure).
 */
export function nominativeOfOblique(word: string): string | null {
  const lower = word.trim().toLowerCase();
  if (!CYRILLIC_WORD.test(lower)) return null;
  // Александра, Евгения: a woman's name as written; only the record as a whole says which.
  if (WOMEN_OR_GENITIVE.has(lower.replace(/ё/g, 'е'))) return null;
  for (const nameCase of casesOfEnding(lower)) {
    const nominative = nominativeGiven(lower, nameCase);
    if (nominative) return nominative;
  }
  return null;
}

/**
 * Whether a word is a man's given name in an oblique case (Алексея, Дмитрию, Сергеем, Иване): for
 * telling which word of a full name is the given name (full-names.ts, which asks first whether it
 * is one as written), not for reading it back, which nominativeName does once the words are apart.
 */
export function isObliqueGivenName(word: string): boolean {
  const lower = word.toLowerCase();
  if (!CYRILLIC_WORD.test(lower)) return false;
  return casesOfEnding(lower).some((nameCase) => nominativeGiven(lower, nameCase) !== null);
}

// Surname endings by case: Иванова, Шевчука, Покровского; Иванову, Шевчуку, Покровскому.
const SURNAME_ENDINGS: Record<NameCase, RegExp> = {
  genitive: /(?:[бвгджзклмнпрстфхцчшщ]а|ого|его)$/u,
  dative: /(?:[бвгджзклмнпрстфхцчшщ]у|ому|ему)$/u,
  // Ивановым, Пушкиным, Покровским, Шевчуком; not any -им (Ким does not decline).
  instrumental: /(?:[оеё]вым|[иы]ным|[сц]ким|[бвгджзклмнпрстфхцчшщ]ом)$/u,
  // Зайцеве, Пушкине, Шевчуке, Покровском.
  prepositional: /(?:[бвгджзклмнпрстфхцчшщ]е|[сц]ком)$/u,
};
const CASES: readonly NameCase[] = ['genitive', 'dative', 'instrumental', 'prepositional'];
/** Surnames that stay as they are in every case: Седых, Бойко, Маады, Чооду. */
const NEVER_DECLINES = /(?:ых|их|[еёиоуыэю])$/u;
/** An adjectival surname's ending in the case: Покровского, Крайнего; Покровскому, Крайнему. */
const ADJECTIVAL_ENDINGS: Record<NameCase, RegExp> = {
  genitive: /(?:ого|его)$/u,
  dative: /(?:ому|ему)$/u,
  instrumental: /[сц]ким$/u,
  prepositional: /[сц]ком$/u,
};
/** Endings only a man's surname in an oblique case has (Иванову, Покровского): not a woman's. */
const SURNAME_ONLY_OBLIQUE: Record<NameCase, RegExp> = {
  genitive: ADJECTIVAL_ENDINGS.genitive,
  dative: SURNAME_ENDINGS.dative,
  instrumental: SURNAME_ENDINGS.instrumental,
  prepositional: SURNAME_ENDINGS.prepositional,
};

function nominativeSurname(lower: string, nameCase: NameCase): string {
  if (nameCase === 'instrumental') {
    // Покровским → Покровский; Ивановым, Шевчуком → Иванов, Шевчук.
    return ADJECTIVAL_ENDINGS.instrumental.test(lower) ? `${lower.slice(0, -2)}ий` : lower.slice(0, -2);
  }
  if (nameCase === 'prepositional') {
    // Покровском → Покровский; Зайцеве, Шевчуке → Зайцев, Шевчук.
    return ADJECTIVAL_ENDINGS.prepositional.test(lower) ? `${lower.slice(0, -2)}ий` : lower.slice(0, -1);
  }
  if (ADJECTIVAL_ENDINGS[nameCase].test(lower)) {
    const stem = lower.slice(0, -3);
    // Покровского → Покровский, Крайнего → Крайний, Белого → Белый. Толстого may be Толстой or
    // Толстый: the comparisons read both as one surname (gender.ts), so -ый serves for either.
    if (lower.at(-3) === 'е' || /[кгх]$/u.test(stem)) return `${stem}ий`;
    return `${stem}ый`;
  }
  return lower.slice(0, -1);
}

/**
 * A surname read back from the genitive when it ends as one there ("Шаймуратова" → шаймуратов,
 * "Невского" → невский), else as it is, lower case: a unit named "имени" a man (units.ts).
 */
export function surnameFromGenitive(word: string): string {
  const lower = word.toLowerCase();
  return SURNAME_ENDINGS.genitive.test(lower) ? nominativeSurname(lower, 'genitive') : lower;
}

/** A patronymic's ending in the case, after its nominative -ич: Петровича, Петровичу, Петровичем. */
const PATRONYMIC_ENDINGS: Record<NameCase, RegExp> = {
  genitive: /(?<=ич)а$/u,
  dative: /(?<=ич)у$/u,
  instrumental: /(?<=ич)ем$/u,
  prepositional: /(?<=ич)е$/u,
};

/** The word in the capitals of the word it replaces: all upper-case, or a capital first. */
function asWritten(lower: string, original: string): string {
  if (original === original.toUpperCase()) return lower.toUpperCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** A Cyrillic word of letters (and hyphens) only: Latin or mixed text is never declined here. */
const CYRILLIC_WORD = /^[а-яё]+(?:-[а-яё]+)*$/u;

/**
 * The name read back to the nominative, or null when it is not (or not surely) in an oblique case.
 * Only a man's name is read back; each field present must agree with the one case.
 */
export function nominativeName(name: NameParts): NameParts | null {
  const given = name.given.trim().toLowerCase();
  if (!CYRILLIC_WORD.test(given)) return null;
  const surname = name.surname.trim().toLowerCase();
  if (surname && !CYRILLIC_WORD.test(surname)) return null;
  for (const nameCase of casesOfEnding(given)) {
    const read = inCase(name, given, surname, name.patronymic.trim().toLowerCase(), nameCase);
    if (read) return read;
  }
  return null;
}

/** The name read back from one case, or null when its fields are not all in it. */
function inCase(
  name: NameParts,
  given: string,
  surname: string,
  patronymic: string,
  nameCase: NameCase,
): NameParts | null {
  // Every field present must be in the case, or be a surname that never declines, a Turkic
  // patronymic (Али оглы) or an initial.
  const surnameDeclined = surname !== '' && SURNAME_ENDINGS[nameCase].test(surname);
  if (
    surname &&
    !surnameDeclined &&
    (!NEVER_DECLINES.test(surname) || CASES.some((c) => c !== nameCase && SURNAME_ENDINGS[c].test(surname)))
  )
    return null;
  const patronymicDeclined = patronymic !== '' && PATRONYMIC_ENDINGS[nameCase].test(patronymic);
  if (patronymic && !patronymicDeclined && !/(?:оглы|оглу|кызы|^[а-яё]\.?)$/u.test(patronymic)) return null;
  const nominative = nominativeGiven(given, nameCase);
  if (!nominative) return null;
  // Sure of the case: the given name is a known name only read back, or another field says so.
  const sure =
    (!isKnown(given) && !WOMEN_OR_GENITIVE.has(given)) ||
    patronymicDeclined ||
    (surnameDeclined && SURNAME_ONLY_OBLIQUE[nameCase].test(surname));
  if (!sure) return null;
  return {
    surname: surnameDeclined ? asWritten(nominativeSurname(surname, nameCase), name.surname.trim()) : name.surname,
    given: asWritten(nominative, name.given.trim()),
    patronymic: patronymicDeclined
      ? asWritten(patronymic.replace(PATRONYMIC_ENDINGS[nameCase], ''), name.patronymic.trim())
      : name.patronymic,
  };
}

/**
 * A woman's name that is also a man's name in the genitive (Александра, Евгения) read as the man's
 * (Александр, Евгений); any other lower-case name as it is. For counting how common a name is in
 * lists of men ("Петухова Евгения" copied out of "розыск Петухова Евгения" is as common as Петухов
 * Евгений), not for comparing two names.
 */
export function asMansName(lower: string): string {
  return WOMEN_OR_GENITIVE.has(lower) ? (nominativeGiven(lower, 'genitive') ?? lower) : lower;
}
