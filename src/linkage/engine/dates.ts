// Partial dates packed as one int (year*10000 + month*100 + day, 0 = unknown part, -1 = none) so
// date comparisons on tens of millions of pairs are arithmetic, not objects.
import type { Level } from './comparison.ts';

export interface SimpleDate {
  year: number | null;
  month: number | null;
  day: number | null;
}

export const parseGenericDate = (raw: string): SimpleDate | null => {
  const s = raw.trim();
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(\d{4})(\d{2})(\d{2})$/))) return { year: +m[1], month: +m[2], day: +m[3] };
  if ((m = s.match(/^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?/)))
    return { year: +m[1], month: +m[2], day: m[3] ? +m[3] : null };
  if ((m = s.match(/^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/))) return { year: +m[3], month: +m[2], day: +m[1] };
  if ((m = s.match(/^(\d{1,2})[./](\d{4})$/))) return { year: +m[2], month: +m[1], day: null };
  if ((m = s.match(/^(\d{4})$/))) return { year: +m[1], month: null, day: null };
  return null;
};

export const packDate = (d: SimpleDate | null): number => {
  if (!d || d.year === null || !Number.isFinite(d.year)) return -1;
  const month = d.month && d.month > 0 && d.month < 100 ? d.month : 0;
  const day = month && d.day && d.day > 0 && d.day < 100 ? d.day : 0;
  return d.year * 10000 + month * 100 + day;
};

/** Indices into DATE_LEVELS, so that the levels dateLevel returns and their labels stay one list. */
const L = {
  exact: 1,
  typo: 2,
  withinMonth: 3,
  lowerPrecision: 4,
  withinYear: 5,
  yearOff: 6,
  fullConflict: 7,
  different: 8,
  aboutSameAge: 9,
  agesApart: 10,
  yearsApart: 11,
  yearsNear: 12,
} as const;

/**
 * Birth years this far apart, a side only a year, unless one digit slipped: two men (father and
 * son, namesakes a generation apart), as two full dates more than a year apart are. As a weight it
 * could not do it: no level says more than ~10 bits (model.ts M_FLOOR), and a full name in one
 * region of a small file says 24. Five years apart cost true pairs on two generators.
 */
const YEARS_APART = 10;

/**
 * A birth year reckoned from an age ("35 лет"), packed with this in place of month and day. The
 * lists are of the war since 2022; an age in one written 2022–2026 gives a birth year within three
 * of AGE_YEAR less the age, so it is compared only as "about the same age" or "ages apart".
 */
const AGE_MARK = 99;
const AGE_YEAR = 2024;
const AGE_SPREAD = 3;
export const packAge = (age: number): number => (AGE_YEAR - age) * 10000 + AGE_MARK;
/** Whether a packed date is a year reckoned from an age (no day, month or exact year of its own). */
export const isAgeYear = (packed: number): boolean => packed >= 0 && packed % 10000 === AGE_MARK;

export const DATE_LEVELS: Level[] = [
  { label: 'null' },
  { label: 'exact' },
  { label: 'day/month swapped, one-digit typo, or a year off on the same day' },
  { label: 'within a month' },
  { label: 'agrees to the lower precision' },
  { label: 'within a year' },
  { label: 'year ±1' },
  { label: 'different full dates' },
  { label: 'different' },
  { label: 'about the same age' },
  { label: 'ages apart' },
  { label: 'years far apart' },
  { label: 'two or three years apart' },
];
/**
 * The levels a config's `cannotLink` makes "two people": two full dates more than a month apart,
 * or years far apart. Within a month stays evidence for (a birthday misremembered by days); a
 * record whose full date is months off is, for birth dates, as often a namesake born that year as
 * the same man.
 */
export const DATE_CONFLICTS: readonly number[] = [L.withinYear, L.fullConflict, L.yearsApart];

/** Days since 1970 of a packed full date (an impossible day, 31 February, rolls over). */
const dayNumber = (packed: number): number =>
  Date.UTC(Math.floor(packed / 10000), (Math.floor(packed / 100) % 100) - 1, packed % 100) / 86_400_000;

/** One substituted digit or two adjacent digits swapped, over the 8 digits YYYYMMDD. */
const oneDigitTypo = (a: number, b: number): boolean => {
  let x = a;
  let y = b;
  let diffs = 0;
  let first = -1;
  let fa = 0;
  let fb = 0;
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < 8; i++) {
    const dx = x % 10;
    const dy = y % 10;
    x = (x - dx) / 10;
    y = (y - dy) / 10;
    if (dx === dy) continue;
    diffs++;
    if (diffs === 1) {
      first = i;
      fa = dx;
      fb = dy;
    } else if (diffs === 2 && i === first + 1) {
      sa = dx;
      sb = dy;
    } else return false;
  }
  return diffs === 1 || (diffs === 2 && fa === sb && fb === sa);
};

/** One digit of two ages substituted or swapped ("35" and "53", "35" and "55"). */
const agesOneDigitApart = (x: number, y: number): boolean => {
  if (x < 10 || y < 10 || x > 99 || y > 99) return false;
  const [x1, x0, y1, y0] = [Math.floor(x / 10), x % 10, Math.floor(y / 10), y % 10];
  return x1 === y1 || x0 === y0 || (x1 === y0 && x0 === y1);
};

/**
 * Whether two ages may be one written with a digit slipped. Only ages as written: against a birth
 * date, the age it gives is known only within the lists' years, and among those seven ages one
 * shares a digit with most others.
 */
const ageTypo = (pa: number, pb: number): boolean => {
  const age = (packed: number): number => AGE_YEAR - Math.floor(packed / 10000);
  return isAgeYear(pa) && isAgeYear(pb) && agesOneDigitApart(age(pa), age(pb));
};

export const dateLevel = (pa: number, pb: number): number => {
  if (pa < 0 || pb < 0) return 0;
  if (isAgeYear(pa) || isAgeYear(pb)) {
    // An age against a date or another age: only the years compare, give or take the list's year.
    const apart = Math.abs(Math.floor(pa / 10000) - Math.floor(pb / 10000));
    if (apart <= AGE_SPREAD) return L.aboutSameAge;
    // Beyond the lists' years, as far apart as two birth years that make two men, unless one age
    // is the other with a digit slipped (35 for 53): «33» and «54» were only "ages apart", which
    // a full name in one region outweighed in a small sheet.
    return apart >= YEARS_APART + AGE_SPREAD && !ageTypo(pa, pb) ? L.yearsApart : L.agesApart;
  }
  if (pa === pb) return L.exact;
  const ya = Math.floor(pa / 10000);
  const yb = Math.floor(pb / 10000);
  const ma = Math.floor(pa / 100) % 100;
  const mb = Math.floor(pb / 100) % 100;
  const da = pa % 100;
  const db = pb % 100;
  if (da > 0 && db > 0) {
    if (ya === yb && da === mb && ma === db) return L.typo;
    if (oneDigitTypo(pa, pb)) return L.typo;
    // The same day and month a year apart (1979 for 1980, 2000 for 1999): a year counted from an
    // age or miscopied, not a man born 365 days later, which "within a year" would make two men.
    if (da === db && ma === mb && Math.abs(ya - yb) === 1) return L.typo;
    // A date written a few days or weeks off (a misremembered birthday, a date of death taken
    // as the date it was reported) is weaker evidence than a typo, but far from none: lists
    // with such errors otherwise see a stranger's date in it.
    const days = Math.abs(dayNumber(pa) - dayNumber(pb));
    if (days <= 31) return L.withinMonth;
    if (days <= 366) return L.withinYear;
    return L.fullConflict;
  }
  // At least one side is partial: it agrees when every part it has matches.
  if (ya === yb && (ma === 0 || mb === 0 || (ma === mb && (da === 0 || db === 0)))) return L.lowerPrecision;
  if (Math.abs(ya - yb) === 1) return L.yearOff;
  // A year reckoned from an age at death, or from an age heard second hand, is two or three off as
  // often as the lists write a year at all; further off, it is as often a namesake.
  if (Math.abs(ya - yb) <= 3) return L.yearsNear;
  // "Иванов Иван Иванович, 1960" against "…, 12.03.1995" was only "different", as two years off
  // are, which a full name in one region outweighed in a small file (the saved model's weights).
  if (Math.abs(ya - yb) >= YEARS_APART && !oneDigitTypo(ya, yb)) return L.yearsApart;
  return L.different;
};
