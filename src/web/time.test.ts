import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { localDateTime, zoneName } from './time.ts';

describe('times shown in the deployment time zone', () => {
  it('shows a UTC time of day in Moscow, Yekaterinburg or UTC', () => {
    expect(localDateTime('2026-02-10T17:00:00.000Z', 'Europe/Moscow')).toBe('10.02.2026 20:00');
    expect(localDateTime('2026-02-10T22:30:00.000Z', 'Asia/Yekaterinburg')).toBe('11.02.2026 03:30');
    expect(localDateTime('2026-02-10T00:05:00.000Z', 'UTC')).toBe('10.02.2026 00:05');
  });

  it('names the zone with its offset on that day', () => {
    expect(zoneName('Europe/Moscow', new Date('2026-07-01'), 'en')).toBe('Europe/Moscow, GMT+3');
    expect(zoneName('Europe/Berlin', new Date('2026-07-01'), 'en')).toBe('Europe/Berlin, GMT+2');
    expect(zoneName('Europe/Berlin', new Date('2026-01-01'), 'en')).toBe('Europe/Berlin, GMT+1');
  });

  // A walk at 360 px read «(Europe/Moscow, GMT+3)» beside every time on the Russian pages.
  it('names the zone in Russian on Russian pages', () => {
    expect(zoneName('Europe/Moscow', new Date('2026-07-01'), 'ru')).toBe('Москва, UTC+3');
    expect(zoneName('Asia/Yekaterinburg', new Date('2026-07-01'), 'ru')).toBe('Екатеринбург, UTC+5');
    expect(zoneName('Asia/Vladivostok', new Date('2026-01-01'), 'ru')).toBe('Владивосток, UTC+10');
    expect(zoneName('UTC', new Date('2026-01-01'), 'ru')).toBe('UTC');
  });

  it('TIME_ZONE defaults to Europe/Moscow, takes any IANA zone and refuses anything else', () => {
    expect(loadConfig({}).timeZone).toBe('Europe/Moscow');
    expect(loadConfig({ TIME_ZONE: 'Asia/Vladivostok' }).timeZone).toBe('Asia/Vladivostok');
    expect(() => loadConfig({ TIME_ZONE: 'Moscow' })).toThrow(/TIME_ZONE must be an IANA time zone/);
    expect(() => loadConfig({ TIME_ZONE: 'MSK+3' })).toThrow(/TIME_ZONE/);
  });
});
