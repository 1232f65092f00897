// Partial dates with their precision. Accepted forms (surrounding spaces, a trailing "г.", "года"
// or "г.р." (year of birth), and a time after an ISO date are ignored):
//   YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD         → day
//   DD.MM.YYYY, D.M.YYYY, DD/MM/YYYY, DD-MM-YYYY → day (day first: the Russian and European order;
//                                                 a US month-first date is read as a day/month
//                                                 swap, which the comparison tolerates)
//   DD MM YYYY, DD,MM,YYYY                      → day
//   YY г.р., YYг.р., YY г., YY года рождения     → year, two-digit (below)
//   DD.MM.YY, D.M.YY                            → day, with a two-digit year: 00–29 → 2000–2029,
//                                                 30–99 → 1930–1999 (servicemen are 18–65, so a
//                                                 two-digit year is never ambiguous for them)
//   YYYY-MM, MM.YYYY, MM/YYYY                   → month
//   YYYY                                        → year
//   marked approximate or labelled ("~1990", "около 1990", "1990?", "г.р. 1990") → as written
//   "12 марта 1990", "март 1990", "12 March 1990", "March 1990" → day / month
//   '' (or only spaces, "-", "?", "неизвестно") → precision none
// Anything else, years outside 1850–2100, and impossible dates (31.02.1990, month 13) → null.

export type DatePrecision = 'day' | 'month' | 'year' | 'none';
export interface PartialDate {
  year: number | null;
  month: number | null;
  day: number | null;
  precision: DatePrecision;
}

const NONE: PartialDate = { year: null, month: null, day: null, precision: 'none' };
const EMPTY = new Set(['', '-', '—', '?', 'неизвестно', 'нет', 'н/д', 'unknown', 'n/a', 'null', 'nan']);

const MONTH_STEMS: Array<[string, number]> = [
  ['январ', 1],
  ['феврал', 2],
  ['март', 3],
  ['мар', 3],
  ['апрел', 4],
  ['ма', 5],
  ['июн', 6],
  ['июл', 7],
  ['август', 8],
  ['сентябр', 9],
  ['октябр', 10],
  ['ноябр', 11],
  ['декабр', 12],
  ['jan', 1],
  ['feb', 2],
  ['mar', 3],
  ['apr', 4],
  ['may', 5],
  ['jun', 6],
  ['jul', 7],
  ['aug', 8],
  ['sep', 9],
  ['oct', 10],
  ['nov', 11],
  ['dec', 12],
];

/** Months in Roman numerals, as Soviet and church records write them ("12 III 1990"). */
const ROMAN_MONTHS = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];

function monthFromWord(w: string): number | null {
  const s = w.toLowerCase().replace(/ё/g, 'е').replace(/\.$/, '');
  const roman = ROMAN_MONTHS.indexOf(s);
  if (roman >= 0) return roman + 1;
  if (s.length < 3 && s !== 'ма') return null;
  for (const [stem, m] of MONTH_STEMS) if (s.startsWith(stem)) return m;
  return null;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function make(year: number, month: number | null, day: number | null): PartialDate | null {
  if (!Number.isInteger(year) || year < 1850 || year > 2100) return null;
  if (month === null) return { year, month: null, day: null, precision: 'year' };
  if (month < 1 || month > 12) return null;
  if (day === null) return { year, month, day: null, precision: 'month' };
  if (day < 1 || day > daysIn(year, month)) return null;
  return { year, month, day, precision: 'day' };
}

function year2(y: string): number {
  const n = Number(y);
  return y.length === 2 ? (n < 30 ? 2000 + n : 1900 + n) : n;
}

// A date given as approximate or labelled ("~1990", "около 1990", "1990?", "г.р. 1990",
// "1990 (примерно)") is read as written: a year is already a year's precision, and the
// comparison tolerates ±1.
const APPROXIMATE_BEFORE =
  /^(?:~|≈|±|ок\.|около|примерно|прим\.|приблизительно|circa|ca\.|c\.|approx\.?|г\.?\s*р\.?|год\s+рождения|дата\s+рожд(?:ения|\.)?|д\.?\s*р\.?|родился|род\.|рожд\.|р\.|born|b\.)[:\s]*/u;
const APPROXIMATE_AFTER =
  /\s*(?:\?+|\((?:примерно|прибл\.?|около|approx\.?|\?)\)|\(\d{1,3}\s*(?:лет|год[а]?|y\.?o\.?|years?(?:\s+old)?)\)|примерно|прибл\.)$/u;

/** Parses a full or partial date; see the accepted forms above. */
function fromSerial(days: number): PartialDate | null {
  const d = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
  return make(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * A year of birth in two digits with its mark ("89 г.р.", "05г.р.", "89 г.", "89 года рождения"):
 * how obituaries write it. Without a mark two digits are no year ("35 лет", "(35)" is an age).
 */
const TWO_DIGIT_BIRTH_YEAR = /^(\d{2})\s*(?:г\.?\s*р\.?|г\.|года?\s+рождения)$/u;

/**
 * Letters a scanned list's OCR or a hurried typist puts for digits: О and o for 0, I and l for 1,
 * З for 3, S for 5, б for 6. Read as digits only where the whole text is then a date's digits and
 * separators ("02.О8.84", "23.4.I991", "27.10.197б").
 */
const DIGIT_LOOKALIKES: Readonly<Record<string, string>> = {
  о: '0',
  o: '0',
  i: '1',
  l: '1',
  і: '1',
  з: '3',
  s: '5',
  б: '6',
};
const LOOKALIKE = new RegExp(`[${Object.keys(DIGIT_LOOKALIKES).join('')}]`, 'gu');

export function parseDate(raw: string): PartialDate | null {
  const d = parseWrittenDate(raw);
  if (d) return d;
  const written = (raw ?? '').trim().toLowerCase();
  const digits = written.replace(LOOKALIKE, (c) => DIGIT_LOOKALIKES[c]);
  return digits !== written && /^[\d./-]+$/.test(digits) && /\d/.test(digits) ? parseWrittenDate(digits) : null;
}

/**
 * What follows a date in a post or an obituary: where he was born ("12.03.1990 г.р., уроженец г.
 * Пенза", "род. 12.03.1990 в г. Пермь").
 */
const BIRTHPLACE_AFTER =
  /(\d(?:\s*г\.?\s*р\.?)?)(?:\s*,\s*(?:уроженец|уроженка|урож\.|место\s+рождения|м\.\s*р\.)|\s+в\s+(?:г\.|с\.|д\.|п\.|пос\.|ст\.|пгт|городе|селе|деревне|посёлке|поселке|станице)).*$/u;

/** A day and month hidden behind marks where they are unknown: "хх.хх.1990", "__.__.1990", "??.??.1990". */
const MASKED_DAY_MONTH = /^[хx_?*]{1,2}\.[хx_?*]{1,2}\.(\d{4})$/u;

/** A life's span, birth first ("12.03.1990 – 05.06.2023", "1990–2023 гг.", "1986-2024"). */
const YEARS_SPAN = /^(\d{4})\s*[-–—]\s*(\d{4})$/u;
const DATES_SPAN = /^(.+?)(?:\s+[-–—]\s+|\s*[–—]\s*)(.+)$/u;

/** The first of a life's two dates, when both are dates and the first is earlier; else null. */
function birthOfSpan(s: string): PartialDate | null {
  const years = s.match(YEARS_SPAN);
  if (years) return +years[1] < +years[2] ? make(+years[1], null, null) : null;
  const dates = s.match(DATES_SPAN);
  if (!dates) return null;
  const born = parseWrittenDate(dates[1]);
  const died = parseWrittenDate(dates[2]);
  const known = (d: PartialDate | null): d is PartialDate => d !== null && d.precision !== 'none';
  return known(born) && known(died) && born.year !== null && died.year !== null && born.year < died.year ? born : null;
}

/**
 * The forms most lists write (12.03.1990, 1990-03-12, 1990), which the rewrites below leave as they
 * are and then read as here: a million-record file has some 130,000 distinct dates, and each went
 * through a dozen regular expressions (1.5 s of a thread's normalising).
 */
const PLAIN_DAY_FIRST = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const PLAIN_ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const PLAIN_YEAR = /^\d{4}$/;

function parseWrittenDate(raw: string): PartialDate | null {
  // A spreadsheet's apostrophe that keeps a cell as text ("'1990-03-12").
  let s = (raw ?? '').trim().toLowerCase().replace(/^'/, '');
  if (EMPTY.has(s)) return NONE;
  let plain: RegExpExecArray | null;
  if ((plain = PLAIN_DAY_FIRST.exec(s))) return make(+plain[3], +plain[2], +plain[1]);
  if ((plain = PLAIN_ISO.exec(s))) return make(+plain[1], +plain[2], +plain[3]);
  if (PLAIN_YEAR.test(s)) return make(+s, null, null);
  const shortYear = s.match(TWO_DIGIT_BIRTH_YEAR);
  // "26 г." with no "р." is more often an age (26 года) than a year: no man born in 1926 or 2026 serves.
  if (shortYear) return /г\.$/.test(s) && isBareAge(+shortYear[1]) ? null : make(year2(shortYear[1]), null, null);
  s = s
    .replace(BIRTHPLACE_AFTER, '$1')
    .replace(MASKED_DAY_MONTH, '$1')
    .replace(APPROXIMATE_BEFORE, '')
    .replace(APPROXIMATE_AFTER, '')
    // "1987 г.р.", "1988 г. рождения", Ukrainian "1987 р.н." (рік народження), "року народження".
    .replace(/\s*(г\.?\s*р\.?|р\.?\s*н\.?|(?:г\.?|года?)\s+рождения|року\s+народження|г\.?|года?|гг\.?)$/u, '')
    .replace(/t\d{2}:\d{2}(:\d{2}(\.\d+)?)?(z|[+-]\d{2}:?\d{2})?$/, '')
    // A spreadsheet's or database's date cell with its time of day ("12.03.1990 0:00:00").
    .replace(/(\d)\s+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/, '$1')
    .replace(/(\d)\s*([./])\s*(?=\d)/g, '$1$2')
    // "12,03,1990" and "12 03 1990": commas or spaces between the parts of a date are dots.
    .replace(/^(\d{1,2}),(\d{1,2}),(\d{4})$/, '$1.$2.$3')
    .replace(/^(\d{1,2}) (\d{1,2}) (\d{4})$/, '$1.$2.$3')
    // "12.III.1990": a Roman month between separators.
    .replace(/^(\d{1,2})[./-]([ivx]{1,4})[./-](\d{4})$/, '$1 $2 $3')
    .trim();
  if (!s) return null;
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/))) return make(+m[1], +m[2], +m[3]);
  const span = birthOfSpan(s);
  if (span) return span;
  if ((m = s.match(/^(\d{1,2})([./-])(\d{1,2})[./-](\d{4}|\d{2})$/))) {
    // "10/27/1993": an English-language list's month first, when the second part cannot be one.
    // Only with slashes: a Russian list's "05.19.1996" is 05.10.1996 mistyped, not 19 May.
    if (m[2] === '/' && +m[3] > 12 && +m[1] <= 12) return make(year2(m[4]), +m[1], +m[3]);
    return make(year2(m[4]), +m[3], +m[1]);
  }
  // A spreadsheet's date cell exported as its serial number (days since 1899-12-30): 10000 is
  // 1927-05-18, 42369 is 2015-12-31; no other five-digit number is a birth date.
  if ((m = s.match(/^(\d{5})(?:\.0+)?$/)) && +m[1] <= 42369) return fromSerial(+m[1]);
  // A database's compact form (ISO 8601 basic, "19900315"): eight digits, a year of the last or
  // this century first.
  const yearFirst = (m = s.match(/^((?:19|20)\d{2})(\d{2})(\d{2})$/)) && make(+m[1], +m[2], +m[3]);
  if (yearFirst) return yearFirst;
  // The same eight digits day first, as a Russian form or spreadsheet keeps "18.09.1998" without its
  // dots ("18091998"). Never both: the year-first reading's month would be 19 or 20.
  if ((m = s.match(/^(\d{2})(\d{2})((?:19|20)\d{2})$/))) return make(+m[3], +m[2], +m[1]);
  if ((m = s.match(/^(\d{4})[-/.](\d{1,2})$/))) return make(+m[1], +m[2], null);
  if ((m = s.match(/^(\d{1,2})[./-](\d{4})$/))) return make(+m[2], +m[1], null);
  if ((m = s.match(/^(\d{4})$/))) return make(+m[1], null, null);
  if ((m = s.match(/^(\d{1,2})\s+([\p{L}]+\.?)\s+(\d{4})$/u))) {
    const month = monthFromWord(m[2]);
    return month === null ? null : make(+m[3], month, +m[1]);
  }
  if ((m = s.match(/^([\p{L}]+\.?)\s+(\d{1,2}),?\s+(\d{4})$/u))) {
    const month = monthFromWord(m[1]);
    return month === null ? null : make(+m[3], month, +m[2]);
  }
  if ((m = s.match(/^([\p{L}]+\.?)\s+(\d{4})$/u))) {
    const month = monthFromWord(m[1]);
    return month === null ? null : make(+m[2], month, null);
  }
  return null;
}

const AGE_BEFORE = '(?:в возрасте|возраст:?|aged?:?|age:?)';
const AGE_AFTER =
  '(?:лет(?:ний|него|нему)?|год(?:а|ов)?|годам|y\\.?\\s*o\\.?|years?(?:\\s+old)?|yrs?\\.?|рок(?:ів|и)|рік)';
/** The ages a list of servicemen may give: an age outside them is no age (16–75). */
export const SERVICE_AGES = { min: 16, max: 75 } as const;

const AGE_FORMS = [
  /^\((\d{2})\)$/u,
  new RegExp(`^(?:${AGE_BEFORE})?\\s*(\\d{2})\\s*-?\\s*${AGE_AFTER}$`, 'u'),
  new RegExp(`^${AGE_BEFORE}\\s*(\\d{2})$`, 'u'),
];

/**
 * An age where a birth date should be: obituaries write "погиб в возрасте 35 лет", lists "35 лет",
 * "(35)", "35-летний", "35 y.o.", "aged 35", Ukrainian "35 років". A man's age in a list, 16–75, or
 * null. The list's year is unknown, so the birth year it gives is approximate (person.ts).
 */
export function parseAge(raw: string): number | null {
  const s = (raw ?? '').trim().toLowerCase().replace(/ё/g, 'е');
  for (const form of AGE_FORMS) {
    const m = s.match(form);
    if (!m) continue;
    const age = Number(m[1]);
    return age >= SERVICE_AGES.min && age <= SERVICE_AGES.max ? age : null;
  }
  return null;
}

/**
 * Two digits alone, or with "г." ("41", "26 г."), where a birth date goes: for the linkage, an age
 * when 16–59 (no serviceman was born in 1916–1949 or 2016–2059, and few in the 1950s, when a man
 * of 50–59 is common among the mobilised); from 60 they are a year ("90 г."). Not parseAge's: a
 * list import asks the user about a bare number instead.
 */
const BARE_AGE = /^(\d{2})\s*(?:г\.?)?$/u;
const isBareAge = (n: number): boolean => n >= SERVICE_AGES.min && n <= 59;
export const parseBareAge = (raw: string): number | null => {
  const bare = (raw ?? '').trim().match(BARE_AGE);
  return bare && isBareAge(+bare[1]) ? +bare[1] : null;
};
