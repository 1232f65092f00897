// Every "now" in the app comes from an injected Clock so deadline and timeout tests can move time.

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and advance. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date | string = '2026-01-15T10:00:00.000Z') {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

export const isoNow = (clock: Clock): string => clock.now().toISOString();

/** Family activity is recorded at day precision only (threat model). */
export const isoDay = (clock: Clock): string => clock.now().toISOString().slice(0, 10);

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day and time of day of `at` in `timeZone`, as two-digit parts (one formatter per zone). */
export const zonedParts = (at: Date, timeZone: string): Record<string, string> => {
  let fmt = zoneFormats.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    zoneFormats.set(timeZone, fmt);
  }
  return Object.fromEntries(fmt.formatToParts(at).map((x) => [x.type, x.value]));
};

/**
 * The calendar day it is now where people live (TIME_ZONE, by default Europe/Moscow), as
 * YYYY-MM-DD: the day a person means by "today" when typing a date or counting the days of a
 * legal period. From 21:00 UTC it is already tomorrow in Moscow.
 */
export const localDay = (clock: Clock, timeZone: string): string => {
  const p = zonedParts(clock.now(), timeZone);
  return `${p.year}-${p.month}-${p.day}`;
};

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
