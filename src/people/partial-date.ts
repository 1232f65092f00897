// Dates known to the day, the month or only the year. Families rarely know more than
// "spring 2023"; an official letter gives the day. The precision travels with the value so a
// year is never shown (or compared) as if it were 1 January.

export type Precision = 'year' | 'month' | 'day';

export interface PartialDate {
  /** "YYYY", "YYYY-MM" or "YYYY-MM-DD" */
  value: string;
  precision: Precision;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

const build = (y: number, m?: number, d?: number): PartialDate | null => {
  if (y < 1000 || y > 9999) return null;
  if (m === undefined) return { value: pad(y, 4), precision: 'year' };
  if (m < 1 || m > 12) return null;
  if (d === undefined) return { value: `${pad(y, 4)}-${pad(m)}`, precision: 'month' };
  if (d < 1 || d > daysInMonth(y, m)) return null;
  return { value: `${pad(y, 4)}-${pad(m)}-${pad(d)}`, precision: 'day' };
};

/** A month's name as people write it, in any case of the word, Russian or English (by its stem). */
const MONTH_STEMS: readonly [RegExp, number][] = [
  [/^(янв|jan)/, 1],
  [/^(фев|feb)/, 2],
  [/^(мар|mar)/, 3],
  [/^(апр|apr)/, 4],
  [/^(ма[йя]|may)/, 5],
  [/^(июн|jun)/, 6],
  [/^(июл|jul)/, 7],
  [/^(авг|aug)/, 8],
  [/^(сен|sep)/, 9],
  [/^(окт|oct)/, 10],
  [/^(ноя|nov)/, 11],
  [/^(дек|dec)/, 12],
];
const monthOf = (word: string): number | undefined => MONTH_STEMS.find(([stem]) => stem.test(word))?.[1];

/** «1998 г.», «1998 года», «12.05.1998 г.р.»: the year's word after a date says nothing more. */
const YEAR_WORD = /\s*(г\.?\s*р\.?|г\.?|года?|year)$/;

/**
 * Accepts what people type: YYYY, MM.YYYY, DD.MM.YYYY (also with "/" or "-" separators in the
 * Russian order), ISO YYYY-MM / YYYY-MM-DD, and a month by its name («март 2026», «12 мая 1998»,
 * «May 2023»), with or without «г.» after the year. Returns null for anything else or impossible
 * dates (31.02.2024).
 */
export const parsePartialDate = (input: string): PartialDate | null => {
  const s = input.trim().toLowerCase().replace(/ё/g, 'е').replace(YEAR_WORD, '');
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(?:(\d{1,2})\s+)?(\p{L}+)\.?,?\s+(\d{4})$/u))) {
    const month = monthOf(m[2]);
    return month === undefined ? null : build(+m[3], month, m[1] === undefined ? undefined : +m[1]);
  }
  if ((m = s.match(/^(\d{4})$/))) return build(+m[1]);
  if ((m = s.match(/^(\d{4})-(\d{1,2})$/))) return build(+m[1], +m[2]);
  if ((m = s.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/))) return build(+m[1], +m[2], +m[3]);
  if ((m = s.match(/^(\d{1,2})[./](\d{4})$/))) return build(+m[2], +m[1]);
  if ((m = s.match(/^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/))) return build(+m[3], +m[2], +m[1]);
  return null;
};

/**
 * Written as a full date, with a real month and a day up to 31, but that month has no such day
 * (31.02.2001, 31.04.2024). Told apart from a date written wrongly: «Неверная дата. Напишите …
 * полную дату (12.05.1998)» under 31.02.2001 sent a mother to write what she had already written.
 */
export const isMissingDay = (input: string): boolean => {
  const s = input.trim().toLowerCase().replace(YEAR_WORD, '');
  const ru = s.match(/^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/);
  const iso = s.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
  if (!ru && !iso) return false;
  const [d, mo, y] = ru ? [+ru[1], +ru[2], +ru[3]] : [+iso![3], +iso![2], +iso![1]];
  return y >= 1000 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && d > daysInMonth(y, mo);
};

/**
 * A day and month, or a month, with the year in two digits (15.11.26, 03.25), as people write it
 * by hand. Told apart from other wrong dates: «Неверная дата. Напишите год (1998)…» under 15.11.26
 * did not say what was wrong with it (QA walk 9). Never guessed: 26 may be 1926 or 2026.
 */
export const isShortYear = (input: string): boolean =>
  /^(?:\d{1,2}[./-])?\d{1,2}[./-]\d{2}$/.test(input.trim().toLowerCase().replace(YEAR_WORD, ''));

/** The first and last day the partial date may stand for, as ISO days. */
export const dateRange = (d: PartialDate): { start: string; end: string } => {
  const [y, mo, da] = d.value.split('-').map(Number);
  if (d.precision === 'day') return { start: d.value, end: d.value };
  if (d.precision === 'month') return { start: `${d.value}-01`, end: `${d.value}-${pad(daysInMonth(y, mo))}` };
  void da;
  return { start: `${d.value}-01-01`, end: `${d.value}-12-31` };
};

/** True when the two dates cannot be the same day (their ranges do not overlap). */
export const disjoint = (a: PartialDate, b: PartialDate): boolean => {
  const ra = dateRange(a);
  const rb = dateRange(b);
  return ra.end < rb.start || rb.end < ra.start;
};

/** True when `a` is certainly before `b`. */
export const certainlyBefore = (a: PartialDate, b: PartialDate): boolean => dateRange(a).end < dateRange(b).start;

/** True when the earliest day `d` may stand for is after `today` (an ISO day). */
export const inFuture = (d: PartialDate, today: string): boolean => dateRange(d).start > today;

/** Russian-style display keeping the precision: 2023, 05.2023, 12.05.2023. */
export const formatPartialDate = (value: string | null, precision: Precision | null): string => {
  if (!value || !precision) return '';
  const [y, m, d] = value.split('-');
  return precision === 'day' ? `${d}.${m}.${y}` : precision === 'month' ? `${m}.${y}` : y;
};

/**
 * An ISO day shown as a Russian-order day: 02.03.2026. Given a time, it shows the UTC day: a page
 * showing a stored instant to people uses web/time.ts localDate, the day in the deployment's zone.
 */
export const formatDay = (iso: string): string => formatPartialDate(iso.slice(0, 10), 'day');
