import type { Rng } from './prng.ts';

// Birth dates as people write them. A day-first order is the Russian norm; ISO comes from
// databases and form controls; slashes and month-first from lists made abroad; two-digit years
// and Excel's day numbers from spreadsheets passed around by volunteers.

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export type DateFormat =
  | 'dmy_dots' // 07.03.1995
  | 'dmy_dots_unpadded' // 7.3.1995
  | 'dmy_dots_short_year' // 07.03.95
  | 'iso' // 1995-03-07
  | 'dmy_slashes' // 07/03/1995
  | 'mdy_slashes' // 03/07/1995, an English-speaking compiler
  | 'excel_serial'; // 34765: a date cell exported as its number

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

export function formatDate(date: Ymd, format: DateFormat): string {
  const { y, m, d } = date;
  switch (format) {
    case 'dmy_dots':
      return `${pad2(d)}.${pad2(m)}.${y}`;
    case 'dmy_dots_unpadded':
      return `${d}.${m}.${y}`;
    case 'dmy_dots_short_year':
      return `${pad2(d)}.${pad2(m)}.${pad2(y % 100)}`;
    case 'iso':
      return `${y}-${pad2(m)}-${pad2(d)}`;
    case 'dmy_slashes':
      return `${pad2(d)}/${pad2(m)}/${y}`;
    case 'mdy_slashes':
      return `${pad2(m)}/${pad2(d)}/${y}`;
    case 'excel_serial':
      return String(Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH) / 86_400_000));
  }
}

export const formatMonthYear = (y: number, m: number): string => `${pad2(m)}.${y}`;

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function randomDate(rng: Rng, y: number): Ymd {
  const m = 1 + rng.int(12);
  return { y, m, d: 1 + rng.int(daysInMonth(y, m)) };
}

/** Whole years between two dates: an obituary's "погиб в 28 лет". */
export function ageAt(birth: Ymd, at: Ymd): number {
  const before = at.m < birth.m || (at.m === birth.m && at.d < birth.d);
  return at.y - birth.y - (before ? 1 : 0);
}

// Day numbers by Howard Hinnant's civil-calendar algorithms: integer arithmetic only, because
// this runs for every man and record and Date objects made it the generator's hottest spot.
function daysFromCivil(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z0: number): Ymd {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function addDays(date: Ymd, days: number): Ymd {
  return civilFromDays(daysFromCivil(date.y, date.m, date.d) + days);
}

/** One digit mistyped or two neighbouring digits swapped (1987 → 1978, 12 → 21), still a date. */
export function digitSlip(rng: Rng, date: Ymd): Ymd {
  const which = rng.int(3);
  if (which === 0) {
    const swapped = Number(String(date.y).slice(0, 2) + String(date.y)[3] + String(date.y)[2]);
    const y = rng.chance(0.5) && swapped !== date.y ? swapped : date.y + (rng.chance(0.5) ? 1 : -1) * (1 + rng.int(2));
    return { ...date, y, d: Math.min(date.d, daysInMonth(y, date.m)) };
  }
  if (which === 1) {
    const d = Number(pad2(date.d)[1] + pad2(date.d)[0]);
    const ok = d >= 1 && d <= daysInMonth(date.y, date.m) && d !== date.d;
    return {
      ...date,
      d: ok ? d : Math.max(1, Math.min(daysInMonth(date.y, date.m), date.d + (rng.chance(0.5) ? 1 : -1))),
    };
  }
  const m = date.m === 12 ? 11 : date.m + 1;
  return { ...date, m, d: Math.min(date.d, daysInMonth(date.y, m)) };
}

/** A date an official letter got wrong: a different day, or the year off by one. */
export function wrongDate(rng: Rng, date: Ymd): Ymd {
  if (rng.chance(0.5)) {
    const y = date.y + (rng.chance(0.5) ? 1 : -1);
    return { ...date, y, d: Math.min(date.d, daysInMonth(y, date.m)) };
  }
  let d = 1 + rng.int(daysInMonth(date.y, date.m));
  if (d === date.d) d = d === 1 ? 2 : d - 1;
  return { ...date, d };
}
