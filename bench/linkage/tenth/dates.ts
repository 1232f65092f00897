// Dates as lists hold them: precision, spreadsheet conversions, and errors.
import type { ListInstance } from './lists.ts';
import { digitError } from './noise.ts';
import type { Man } from './people.ts';
import type { Rng } from './random.ts';
import type { Count } from './render.ts';

export type DateFormat =
  | 'dmy'
  | 'iso'
  | 'dmy_slash'
  | 'mdy_us'
  | 'dmy_2digit'
  | 'excel_serial'
  | 'words'
  | 'python_2068';

const MONTHS_GEN = 'января февраля марта апреля мая июня июля августа сентября октября ноября декабря'.split(' ');
const EXCEL_EPOCH = Date.UTC(1899, 11, 30) / 86_400_000;
const pad = (n: number): string => String(n).padStart(2, '0');

/** A full date as a list writes it. Spreadsheet habits included: serial numbers, US order, two-digit years. */
export function formatDate(y: number, m: number, d: number, format: DateFormat): string {
  switch (format) {
    case 'iso':
      return `${y}-${pad(m)}-${pad(d)}`;
    case 'dmy_slash':
      return `${pad(d)}/${pad(m)}/${y}`;
    case 'mdy_us':
      return `${m}/${d}/${y}`;
    case 'dmy_2digit':
      return `${pad(d)}.${pad(m)}.${pad(y % 100)}`;
    case 'excel_serial':
      return String(Date.UTC(y, m - 1, d) / 86_400_000 - EXCEL_EPOCH);
    case 'words':
      return `${d} ${MONTHS_GEN[m - 1]} ${y} г.`;
    case 'python_2068':
      // Two-digit years re-expanded with a 1969 pivot: men born 1968 or earlier jump a century ahead.
      return `${y <= 1968 ? y + 100 : y}-${pad(m)}-${pad(d)}`;
    default:
      return `${pad(d)}.${pad(m)}.${y}`;
  }
}

/** Parses the dd.mm.yyyy text of a parent list so that a copying list can re-format it. */
export function parseDmy(text: string): [number, number, number] | undefined {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text.trim());
  return m ? [Number(m[3]), Number(m[2]), Number(m[1])] : undefined;
}

function ageWords(age: number): string {
  const last = age % 10;
  const word =
    age % 100 >= 11 && age % 100 <= 14 ? 'лет' : last === 1 ? 'год' : last >= 2 && last <= 4 ? 'года' : 'лет';
  return `${age} ${word}`;
}

/** The birth-date cell: full date, bare year, a year computed from a reported age, or nothing. */
export function birthCell(man: Man, list: ListInstance, rng: Rng, count: Count): string {
  const spec = list.spec;
  const [full, year, fromAge] = spec.birth;
  const born = new Date(man.birth * 86_400_000);
  let [y, m, d] = [born.getUTCFullYear(), born.getUTCMonth() + 1, born.getUTCDate()];
  const r = rng.next();
  if (r < full) {
    if (rng.chance(0.004)) {
      // A date from elsewhere in the file (death, contract) landed in the birth cell.
      const other = new Date((man.eventDay - rng.int(0, 300)) * 86_400_000);
      [y, m, d] = [other.getUTCFullYear(), other.getUTCMonth() + 1, other.getUTCDate()];
      count('wrong_date_in_birth_cell');
    } else if (d <= 12 && d !== m && rng.chance(0.012)) {
      [m, d] = [d, m];
      count('day_month_swapped');
    }
    const format = rng.chance(0.9) ? list.dateFormat : rng.pick(spec.dates);
    if (format !== 'dmy') count(`date_format_${format}`);
    const text = formatDate(y, m, d, format);
    if (!rng.chance(spec.channelRate * 0.7)) return text;
    const bad = digitError(text, spec.channel, rng);
    if (bad !== text) count('date_digit_error');
    return bad;
  }
  if (r < full + year) {
    count('birth_year_only');
    if (list.yearAsJanFirst) return (count('year_stored_as_1_january'), formatDate(y, 1, 1, list.dateFormat));
    return spec.kind === 'search_post' ? `${y} г.р.` : String(y);
  }
  if (r < full + year + fromAge) {
    // Lists built from news know only "he was 34": the year they compute is often one off.
    const age = Math.floor((man.eventDay - man.birth) / 365.25);
    if (spec.kind === 'regional_news' && rng.chance(0.1)) return (count('age_instead_of_birth_date'), ageWords(age));
    const computed = new Date(man.eventDay * 86_400_000).getUTCFullYear() - age;
    count(computed === y ? 'birth_year_from_age' : 'birth_year_from_age_off_by_one');
    return String(computed);
  }
  return '';
}
