import {
  addDays,
  ageAt,
  type DateFormat,
  daysInMonth,
  digitSlip,
  formatDate,
  formatMonthYear,
  wrongDate,
} from './dates.ts';
import type { NoiseRoller } from './noise-tally.ts';
import type { Person } from './population.ts';
import type { SourceProfile } from './sources.ts';

// One record's birth date. Partial dates are not random blanks: an obituary states an age at
// death and its compiler subtracts it from the year of publication, which gives the true year
// or the next one; a comrade guesses "лет тридцать".

/** "1995 г.р." ("born in 1995"), as letters and many lists write a bare year. */
function withSuffix(r: NoiseRoller, rate: number, y: number): string {
  return rate > 0 && r.roll('year_suffix', rate) ? `${y} г.р.` : String(y);
}

export function renderBirth(r: NoiseRoller, person: Person, birth: SourceProfile['birth']): string {
  const rng = r.rng;
  switch (birth.modes.pick(rng)) {
    case 'missing':
      return '';
    case 'year':
      return withSuffix(r, birth.yearWithSuffix, person.birth.y);
    case 'month_year':
      return formatMonthYear(person.birth.y, person.birth.m);
    case 'age_year': {
      const published = addDays(person.event, rng.int(75));
      return withSuffix(r, birth.yearWithSuffix, published.y - ageAt(person.birth, person.event));
    }
    case 'age_guess': {
      let age = ageAt(person.birth, person.event) + rng.range(-3, 3);
      if (rng.chance(0.4)) age = Math.round(age / 5) * 5;
      return String(person.event.y - age);
    }
    case 'full': {
      let date = person.birth;
      if (birth.wrong > 0 && r.roll('date_wrong', birth.wrong)) date = wrongDate(rng, date);
      if (birth.digitSlip > 0 && r.roll('date_digit_slip', birth.digitSlip)) date = digitSlip(rng, date);
      if (birth.dayMonthSwap > 0 && date.d <= 12 && date.d !== date.m && r.roll('day_month_swap', birth.dayMonthSwap)) {
        date = { y: date.y, m: date.d, d: Math.min(date.m, daysInMonth(date.y, date.d)) };
      }
      const format: DateFormat = birth.formats.pick(rng);
      return formatDate(date, format);
    }
  }
}
