import { dayIn, zonedParts } from '../shared/clock.ts';
import { formatDay } from '../people/partial-date.ts';
import type { Lang } from '../shared/lang.ts';

// Times are stored in UTC; people read them in the deployment's time zone (TIME_ZONE, by default
// Europe/Moscow), and each page that shows a time of day names that zone once (zoneNote).

/** "10.02.2026 20:00": the day as formatDay writes it, and the time of day in `timeZone`. */
export const localDateTime = (iso: string, timeZone: string): string => {
  const p = zonedParts(new Date(iso), timeZone);
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
};

/**
 * "02.03.2026": a stored day as it is (days are the organisation's already, shared/clock.ts
 * orgDay), or the day of a stored instant (a staff message, a post) in `timeZone` — never its
 * UTC day, which before 03:00 in Moscow is yesterday.
 */
export const localDate = (iso: string, timeZone: string): string =>
  formatDay(iso.length > 10 ? dayIn(iso, timeZone) : iso);

// One formatter per (locale, zone, style): an audit page names the zone on every row.
const zoneFormats = new Map<string, Intl.DateTimeFormat>();
const zonePart = (locale: string, timeZone: string, at: Date, style: 'shortOffset' | 'shortGeneric') => {
  const key = `${locale}|${timeZone}|${style}`;
  let fmt = zoneFormats.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: style });
    zoneFormats.set(key, fmt);
  }
  return fmt.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
};

/**
 * The zone's name and its offset at `at` (daylight saving changes it), in the page's language:
 * "Europe/Moscow, GMT+3" in English, «Москва, UTC+3» in Russian (the city as ICU names it; the
 * IANA name when it has none, as for UTC itself).
 */
export const zoneName = (timeZone: string, at: Date, lang: Lang): string => {
  if (lang === 'ru') {
    const offset = zonePart('ru', timeZone, at, 'shortOffset')?.replace(/^GMT/, 'UTC');
    const place = zonePart('ru', timeZone, at, 'shortGeneric');
    const name = place && !/^(GMT|UTC)/.test(place) ? place : timeZone;
    return offset && name !== 'UTC' ? `${name}, ${offset}` : name;
  }
  const offset = zonePart('en-GB', timeZone, at, 'shortOffset');
  return offset && offset !== timeZone ? `${timeZone}, ${offset}` : timeZone;
};
