// Birth dates of servicemen and the ways (and mistakes) with which sources write them.
import type { Rng } from './rng.ts';

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const p2 = (n: number) => String(n).padStart(2, '0');
const MONTHS_GEN = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];

/** Ages 18–58 in 2022–2024, most in their late twenties to forties (contract and mobilised). */
export function birthDate(rng: Rng): Ymd {
  const u = rng.next() + rng.next() + rng.next(); // roughly normal, mean 1.5
  const y = Math.max(1965, Math.min(2005, Math.round(1989 + (u - 1.5) * 14)));
  const m = rng.int(1, 12);
  return { y, m, d: rng.int(1, daysIn(y, m)) };
}

/** A brother: 1–12 years apart, in range. */
export function siblingDate(rng: Rng, b: Ymd): Ymd {
  let y = b.y;
  while (y === b.y || y < 1965 || y > 2005) y = b.y + (rng.chance(0.5) ? 1 : -1) * rng.int(1, 12);
  const m = rng.int(1, 12);
  return { y, m, d: rng.int(1, daysIn(y, m)) };
}

export type DateError = 'day_month_swap' | 'year_off_by_one' | 'date_digit_typo';

/** Applies one recording error; returns null when it cannot apply (no swap for day > 12). */
export function dateError(rng: Rng, b: Ymd, kind: DateError): Ymd | null {
  if (kind === 'day_month_swap') return b.d <= 12 && b.d !== b.m ? { y: b.y, m: b.d, d: b.m } : null;
  if (kind === 'year_off_by_one')
    return { ...b, y: b.y + (rng.chance(0.5) ? 1 : -1), d: Math.min(b.d, daysIn(b.y + 1, b.m), daysIn(b.y - 1, b.m)) };
  // Swapped digits of the day (12 → 21), only when the result is a real date.
  const d = Number(String(p2(b.d)).split('').reverse().join(''));
  return d !== b.d && d >= 1 && d <= daysIn(b.y, b.m) ? { ...b, d } : null;
}

export type DateForm =
  | 'date_dmy'
  | 'date_iso'
  | 'date_ru_words'
  | 'date_dmy_short_year'
  | 'date_month_only'
  | 'date_year_only'
  | 'date_year_gr'
  | 'empty_birth_date';

export function renderDate(b: Ymd, form: DateForm): string {
  switch (form) {
    case 'date_dmy':
      return `${p2(b.d)}.${p2(b.m)}.${b.y}`;
    case 'date_iso':
      return `${b.y}-${p2(b.m)}-${p2(b.d)}`;
    case 'date_ru_words':
      return `${b.d} ${MONTHS_GEN[b.m - 1]} ${b.y}`;
    case 'date_dmy_short_year':
      return `${b.d}.${b.m}.${String(b.y).slice(2)}`;
    case 'date_month_only':
      return `${p2(b.m)}.${b.y}`;
    case 'date_year_only':
      return String(b.y);
    case 'date_year_gr':
      return `${b.y} г.р.`; // "year of birth", as obituary lists write it
    default:
      return '';
  }
}
