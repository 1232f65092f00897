// Times are stored in UTC; people read them in the deployment's time zone (TIME_ZONE, by default
// Europe/Moscow), and each page that shows a time of day names that zone once (zoneNote).

const parts = (iso: string, timeZone: string) => {
  const fmt = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return Object.fromEntries(fmt.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
};

/** "10.02.2026 20:00": the day as formatDay writes it, and the time of day in `timeZone`. */
export const localDateTime = (iso: string, timeZone: string): string => {
  const p = parts(iso, timeZone);
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
};

/** "Europe/Moscow, GMT+3": the zone's name and its offset at `at` (daylight saving changes it). */
export const zoneName = (timeZone: string, at: Date): string => {
  const offset = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  return offset && offset !== timeZone ? `${timeZone}, ${offset}` : timeZone;
};
