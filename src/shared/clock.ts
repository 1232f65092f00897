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

/**
 * The UTC day of now: for technical records only (a backup's date, a staff login). A day a family
 * is shown or counted by is the organisation's day (localDay, orgDay below), never this one.
 */
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
export const localDay = (clock: Clock, timeZone: string): string => dayIn(clock.now(), timeZone);

/** The calendar day in `timeZone` of an instant (a Date or a UTC ISO time), as YYYY-MM-DD. */
export const dayIn = (at: Date | string, timeZone: string): string => {
  const p = zonedParts(typeof at === 'string' ? new Date(at) : at, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
};

/** TIME_ZONE's default (config.ts); services given no settings (tests, the bench) date by it too. */
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

/**
 * Today for a domain service given the deployment's settings: the day a family's request, message
 * or event is dated with, and from which retention counts, so that what a family is shown and what
 * is deleted agree (Family activity is kept to the day: threat model).
 */
export const orgDay = (deps: { clock: Clock; config?: { timeZone?: string } }): string =>
  localDay(deps.clock, deps.config?.timeZone ?? DEFAULT_TIME_ZONE);

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
