// A list's dates as spreadsheets and databases write them reach the timeline at their precision.
import { describe, expect, it } from 'vitest';
import { listDate } from './row-rules.ts';

describe('a list date', () => {
  it('reads the forms lists use, keeping what is known', () => {
    expect(listDate('12.05.1998')).toEqual({ value: '1998-05-12', precision: 'day' });
    expect(listDate('12 мая 1998')).toEqual({ value: '1998-05-12', precision: 'day' });
    expect(listDate('05.1998')).toEqual({ value: '1998-05', precision: 'month' });
    expect(listDate('1998 г.р.')).toEqual({ value: '1998', precision: 'year' });
  });
  it('reads a date cell exported with its time of day, as a serial number or in compact form', () => {
    expect(listDate('12.05.1998 0:00:00')).toEqual({ value: '1998-05-12', precision: 'day' });
    expect(listDate('1998-05-12 00:00:00')).toEqual({ value: '1998-05-12', precision: 'day' });
    expect(listDate('32874')).toEqual({ value: '1990-01-01', precision: 'day' });
    expect(listDate('19980512')).toEqual({ value: '1998-05-12', precision: 'day' });
  });
  it("reads a scanned list's letters for digits where the rest is a date", () => {
    expect(listDate('02.О8.1984')).toEqual({ value: '1984-08-02', precision: 'day' });
    expect(listDate('I991')).toEqual({ value: '1991', precision: 'year' });
  });
  it('refuses what is no date', () => {
    for (const s of ['31.02.1998 0:00:00', '0:00:00', 'весной', '19981312']) expect(listDate(s), s).toBeNull();
  });
});
