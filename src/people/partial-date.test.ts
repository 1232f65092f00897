import { describe, expect, it } from 'vitest';
import {
  certainlyBefore,
  dateRange,
  disjoint,
  formatPartialDate,
  inFuture,
  isMissingDay,
  parsePartialDate,
} from './partial-date.ts';

describe('partial dates', () => {
  it('accepts the formats people type, keeping the precision', () => {
    expect(parsePartialDate('1999')).toEqual({ value: '1999', precision: 'year' });
    expect(parsePartialDate('05.1999')).toEqual({ value: '1999-05', precision: 'month' });
    expect(parsePartialDate('5.1999')).toEqual({ value: '1999-05', precision: 'month' });
    expect(parsePartialDate('12.05.1999')).toEqual({ value: '1999-05-12', precision: 'day' });
    expect(parsePartialDate(' 1999-05-12 ')).toEqual({ value: '1999-05-12', precision: 'day' });
    expect(parsePartialDate('1999-05')).toEqual({ value: '1999-05', precision: 'month' });
  });

  it('accepts a month by its name and a year followed by «г.», as letters and mothers write them', () => {
    expect(parsePartialDate('март 2026')).toEqual({ value: '2026-03', precision: 'month' });
    expect(parsePartialDate('Марта 2026 г.')).toEqual({ value: '2026-03', precision: 'month' });
    expect(parsePartialDate('12 мая 1998')).toEqual({ value: '1998-05-12', precision: 'day' });
    expect(parsePartialDate('1 сентября 2023 года')).toEqual({ value: '2023-09-01', precision: 'day' });
    expect(parsePartialDate('1998 г.')).toEqual({ value: '1998', precision: 'year' });
    expect(parsePartialDate('12.05.1998 г.р.')).toEqual({ value: '1998-05-12', precision: 'day' });
    expect(parsePartialDate('May 2023')).toEqual({ value: '2023-05', precision: 'month' });
    expect(parsePartialDate('12 Dec. 2022')).toEqual({ value: '2022-12-12', precision: 'day' });
    // A name that is no month, or a day the month has not, is still refused.
    expect(parsePartialDate('весна 2023')).toBeNull();
    expect(parsePartialDate('31 февраля 2024')).toBeNull();
  });

  it('refuses malformed and impossible dates', () => {
    for (const s of ['', 'вчера', '31.02.2024', '13.2024', '2024-13-01', '99', '1.1.99', '2024/05/12', '00.05.2024']) {
      expect(parsePartialDate(s), s).toBeNull();
    }
    expect(parsePartialDate('29.02.2024')).not.toBeNull();
  });

  it('tells a day the month has not from a date written wrongly', () => {
    for (const s of [
      '31.02.2001',
      '30.02.2024',
      '29.02.2023',
      '31.04.2024',
      '31/06/2020',
      '2001-02-31',
      '31.02.2001 г.',
    ])
      expect(isMissingDay(s), s).toBe(true);
    for (const s of ['29.02.2024', '12.05.1998', '32.01.2020', '12.13.2020', '00.05.2024', 'вчера', '2024', '02.2024'])
      expect(isMissingDay(s), s).toBe(false);
  });

  it('gives the range a partial date stands for', () => {
    expect(dateRange({ value: '2024-02', precision: 'month' })).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(dateRange({ value: '2023', precision: 'year' })).toEqual({ start: '2023-01-01', end: '2023-12-31' });
  });

  it('compares by ranges', () => {
    const y = parsePartialDate('2024')!;
    const d = parsePartialDate('12.05.2024')!;
    expect(disjoint(y, d)).toBe(false);
    expect(certainlyBefore(parsePartialDate('2023')!, d)).toBe(true);
    expect(inFuture(parsePartialDate('2027')!, '2026-03-02')).toBe(true);
    expect(inFuture(parsePartialDate('2026')!, '2026-03-02')).toBe(false);
  });

  it('formats in the Russian order with the precision it has', () => {
    expect(formatPartialDate('2024-05-12', 'day')).toBe('12.05.2024');
    expect(formatPartialDate('2024-05', 'month')).toBe('05.2024');
    expect(formatPartialDate(null, null)).toBe('');
  });
});
