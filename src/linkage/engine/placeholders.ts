// Cells that say "nothing is known here". Spreadsheets and forms fill an empty cell with a word
// or a mark ("не указано", "нет данных", "н/д", "?", "-", "unknown"); read as a value, two of
// them agreed like two equal surnames, and against a real patronymic such a word was a
// different full patronymic: a cannot-link that kept a man's records apart. Read as empty in
// every field of every config (the Dataset interns them as no value). Seen first in the ninth
// blind generator (0.6% of its true pairs cannot-linked by a placeholder patronymic).

/** Whole-cell words, lower-case, without trailing dots or spaces. */
const WORDS = new Set([
  // Russian
  'не указано',
  'не указан',
  'не указана',
  'не указаны',
  'неуказано',
  'неизвестно',
  'не известно',
  'неизвестен',
  'неизвестна',
  'неизв',
  'нет данных',
  'данных нет',
  'нет сведений',
  'сведений нет',
  'нет информации',
  'информации нет',
  'нет',
  'нету',
  'н/д',
  'н/и',
  'отсутствует',
  'отсутствуют',
  'не знаю',
  'не помню',
  'уточняется',
  'не установлено',
  'не установлен',
  'не определено',
  'без отчества',
  'б/о',
  'отчество неизвестно',
  'отчества нет',
  // Ukrainian
  'невідомо',
  'не вказано',
  'немає даних',
  'немає',
  // English
  'unknown',
  'not known',
  'not specified',
  'not stated',
  'n/a',
  'none',
  'null',
  'missing',
  'undefined',
]);

/** Cells of marks alone: dashes, question marks, dots (a dash, "??", "…"). */
const MARKS = /^[-‐–—―?.…_*/\\]+$/u;

/** Longest placeholder word: longer cells are values without looking further. */
const LONGEST = Math.max(...[...WORDS].map((w) => w.length)) + 2;

/**
 * Whether a trimmed cell says only that nothing is known. Not "н.д."/"нд" (the initials Н. Д.),
 * "Na" (a Korean surname) or "Nan" (a given name): only a program's "NaN", in its case, is one.
 */
export const isPlaceholder = (value: string): boolean => {
  if (value.length > LONGEST) return false;
  if (MARKS.test(value) || value === 'NaN') return true;
  return WORDS.has(
    value
      .toLowerCase()
      .replace(/[.\s]+$/u, '')
      .replace(/\s+/gu, ' '),
  );
};
