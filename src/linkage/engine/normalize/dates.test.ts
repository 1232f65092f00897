import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAge, parseBareAge, parseDate } from './index.ts';

const day = (year: number, month: number, d: number) => ({ year, month, day: d, precision: 'day' });
const year = (y: number) => ({ year: y, month: null, day: null, precision: 'year' });

describe('parseDate', () => {
  it('reads full dates in every accepted form', () => {
    for (const s of [
      '1990-03-12',
      '1990/03/12',
      '1990.03.12',
      '12.03.1990',
      '12/03/1990',
      '12-03-1990',
      '12.3.1990',
      ' 12.03.1990 г.',
      '12.03.1990г',
      '1990-03-12T00:00:00Z',
      '12 марта 1990',
      '12 март 1990 года',
      '12 March 1990',
      'March 12, 1990',
    ]) {
      expect(parseDate(s), s).toEqual(day(1990, 3, 12));
    }
  });

  it('reads two-digit years with the 1930–2029 window', () => {
    expect(parseDate('1.3.90')).toEqual(day(1990, 3, 1));
    expect(parseDate('01.03.05')).toEqual(day(2005, 3, 1));
    expect(parseDate('01.03.29')).toEqual(day(2029, 3, 1));
    expect(parseDate('01.03.30')).toEqual(day(1930, 3, 1));
  });

  it('reads a year of birth in two digits with its mark, and spaces between the parts of a date', () => {
    expect(parseDate('89 г.р.')).toEqual(year(1989));
    expect(parseDate('05г.р.')).toEqual(year(2005));
    expect(parseDate('89 г.')).toEqual(year(1989));
    expect(parseDate('91 года рождения')).toEqual(year(1991));
    expect(parseDate('13 07 1981')).toEqual(day(1981, 7, 13));
    // Two digits without the mark of a birth year are an age, not a year.
    expect(parseDate('35 лет')).toBeNull();
    expect(parseDate('33 года')).toBeNull();
  });

  it('reads partial dates with their precision', () => {
    expect(parseDate('1990-03')).toEqual({ year: 1990, month: 3, day: null, precision: 'month' });
    expect(parseDate('03.1990')).toEqual({ year: 1990, month: 3, day: null, precision: 'month' });
    expect(parseDate('3/1990')).toEqual({ year: 1990, month: 3, day: null, precision: 'month' });
    expect(parseDate('март 1990')).toEqual({ year: 1990, month: 3, day: null, precision: 'month' });
    expect(parseDate('May 1990')).toEqual({ year: 1990, month: 5, day: null, precision: 'month' });
    expect(parseDate('1990')).toEqual({ year: 1990, month: null, day: null, precision: 'year' });
    expect(parseDate('1990 г.')).toEqual({ year: 1990, month: null, day: null, precision: 'year' });
    expect(parseDate('1990 г.р.')).toEqual({ year: 1990, month: null, day: null, precision: 'year' });
    expect(parseDate('1990 года рождения')).toEqual({ year: 1990, month: null, day: null, precision: 'year' });
    expect(parseDate('12.03.1990 г. р.')).toEqual(day(1990, 3, 12));
  });

  it('gives precision none for empty values', () => {
    for (const s of ['', '  ', '-', 'неизвестно', '?']) {
      expect(parseDate(s)).toEqual({ year: null, month: null, day: null, precision: 'none' });
    }
  });

  it('reads dates marked approximate or labelled as written', () => {
    const y1990 = { year: 1990, month: null, day: null, precision: 'year' };
    for (const s of [
      '~1990',
      'около 1990',
      'ок. 1990',
      '1990?',
      '1990 (примерно)',
      'г.р. 1990',
      'год рождения: 1990',
      'примерно 1990 г.',
      'р. 1990',
      '1990 (34 года)',
    ])
      expect(parseDate(s), s).toEqual(y1990);
    expect(parseDate('12 .03.1990')).toEqual({ year: 1990, month: 3, day: 12, precision: 'day' });
    expect(parseDate('12. 03. 1990')).toEqual({ year: 1990, month: 3, day: 12, precision: 'day' });
    expect(parseDate('12,03,1990')).toEqual({ year: 1990, month: 3, day: 12, precision: 'day' });
    expect(parseDate('12 III 1990')).toEqual({ year: 1990, month: 3, day: 12, precision: 'day' });
    expect(parseDate('12.XI.1990')).toEqual({ year: 1990, month: 11, day: 12, precision: 'day' });
    // An age beside the date, as obituary lists write it.
    expect(parseDate('12.03.1990 (35 лет)')).toEqual({ year: 1990, month: 3, day: 12, precision: 'day' });
    expect(parseDate('около')).toBeNull();
  });

  it("reads an English-language list's month first when the day cannot be a month", () => {
    expect(parseDate('10/27/1993')).toEqual(day(1993, 10, 27));
    // Both parts could be a month: the Russian order stands (a swap is compared as one).
    expect(parseDate('03/12/1990')).toEqual(day(1990, 12, 3));
    // Dots and dashes are the Russian order's: "05.19.1996" is a mistyped date, not 19 May.
    expect(parseDate('05.19.1996')).toBeNull();
    expect(parseDate('05-19-1996')).toBeNull();
  });

  it("reads the birth of a life's span, as memorial posts write it", () => {
    expect(parseDate('06.01.1983 – 22.08.2024')).toEqual(day(1983, 1, 6));
    expect(parseDate('12.03.1990 - 05.06.2023')).toEqual(day(1990, 3, 12));
    expect(parseDate('1986–2024 гг.')).toEqual(year(1986));
    expect(parseDate('1986-2024')).toEqual(year(1986));
    expect(parseDate('1990 — 2023')).toEqual(year(1990));
    // Not a span: the ISO date's hyphens, or the later date first.
    expect(parseDate('1990-03-12')).toEqual(day(1990, 3, 12));
    expect(parseDate('2024-1990')).toBeNull();
  });

  it('reads a date among what posts and spreadsheets put around it', () => {
    expect(parseDate("'1990-03-12")).toEqual(day(1990, 3, 12));
    expect(parseDate("'1994г.р.")).toEqual(year(1994));
    expect(parseDate('хх.хх.1990')).toEqual(year(1990));
    expect(parseDate('__.__.1990')).toEqual(year(1990));
    expect(parseDate('12.03.1990 г.р., уроженец г. Пенза')).toEqual(day(1990, 3, 12));
    expect(parseDate('род. 12.03.1990 в г. Пермь')).toEqual(day(1990, 3, 12));
  });

  it('reads a compact date written day first (18091998)', () => {
    expect(parseDate('18091998')).toEqual(day(1998, 9, 18));
    expect(parseDate('06041981')).toEqual(day(1981, 4, 6));
    expect(parseDate('20011990')).toEqual(day(1990, 1, 20));
    for (const s of ['32011990', '18131998', '18091898']) expect(parseDate(s), s).toBeNull();
  });

  it("reads a database's compact date (19900315), and no other eight digits", () => {
    expect(parseDate('19900315')).toEqual(day(1990, 3, 15));
    expect(parseDate('20010228')).toEqual(day(2001, 2, 28));
    for (const s of ['19901345', '12345678', '20010229']) expect(parseDate(s), s).toBeNull();
  });

  it("reads a spreadsheet's or database's date cell with its time of day, and 'born' written out", () => {
    expect(parseDate('12.03.1990 0:00:00')).toEqual(day(1990, 3, 12));
    expect(parseDate('1990-03-12 00:00:00')).toEqual(day(1990, 3, 12));
    expect(parseDate('1990-03-12 00:00:00.000')).toEqual(day(1990, 3, 12));
    expect(parseDate('12.03.1990 12:30')).toEqual(day(1990, 3, 12));
    expect(parseDate('род. 1990')).toEqual({ year: 1990, month: null, day: null, precision: 'year' });
    expect(parseDate('родился 12.03.1990')).toEqual(day(1990, 3, 12));
    expect(parseDate('дата рожд. 12.03.1990')).toEqual(day(1990, 3, 12));
    // A time alone, or after something that is no date, is still no date.
    for (const s of ['0:00:00', 'март 0:00', '31.02.1990 0:00:00']) expect(parseDate(s), s).toBeNull();
  });

  it("reads a spreadsheet's date cell exported as its serial number", () => {
    expect(parseDate('32874')).toEqual(day(1990, 1, 1));
    expect(parseDate('32874.0')).toEqual(day(1990, 1, 1));
    expect(parseDate('36526')).toEqual(day(2000, 1, 1));
    // After 2015 a five-digit number is no birth date of a serviceman.
    expect(parseDate('44000')).toBeNull();
  });

  it('rejects malformed and impossible dates', () => {
    for (const s of [
      '31.02.1990',
      '29.02.1900',
      '30.02.2000',
      '31.04.1990',
      '00.01.1990',
      '1990-13-01',
      '13.1990',
      '1990-00',
      'abc',
      '12.03',
      '1990-3-12-1',
      '12 абв 1990',
      '123.03.1990',
      '1799',
      '2200',
      // Eight digits that are no compact date (19900312 is one: read above).
      '19901312',
    ]) {
      expect(parseDate(s), s).toBeNull();
    }
    expect(parseDate('29.02.2000')).toEqual(day(2000, 2, 29));
  });

  it('reads a year of birth with its mark in Russian or Ukrainian', () => {
    expect(parseDate('1988 г. рождения')).toEqual(year(1988));
    expect(parseDate('1987 р.н.')).toEqual(year(1987));
    expect(parseDate('28.11.2006 р.н.')).toEqual(day(2006, 11, 28));
  });

  it('reads the letters OCR and hurried typists put for digits, only where the rest is a date', () => {
    expect(parseDate('02.О8.84')).toEqual(day(1984, 8, 2));
    expect(parseDate('23.4.I991')).toEqual(day(1991, 4, 23));
    expect(parseDate('27.10.197б')).toEqual(day(1976, 10, 27));
    for (const raw of ['Иван', 'sos', 'оо.оо.оооо', '00.00.0000']) expect(parseDate(raw), raw).toBeNull();
  });

  it('round-trips every valid calendar day in ISO and Russian order', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }), (d) => {
        const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const p2 = (n: number) => String(n).padStart(2, '0');
        expect(parseDate(`${y}-${p2(m)}-${p2(dd)}`)).toEqual(day(y, m, dd));
        expect(parseDate(`${p2(dd)}.${p2(m)}.${y}`)).toEqual(day(y, m, dd));
      }),
      { numRuns: 300, seed: 3 },
    );
  });
});

describe('parseAge', () => {
  it('reads an age where a birth date should be, in the forms lists write it', () => {
    for (const raw of [
      '35 лет',
      '35 года',
      '35 год',
      '(35)',
      '35-летний',
      '35 y.o.',
      'aged 35',
      '35 років',
      'в возрасте 35 лет',
    ])
      expect(parseAge(raw), raw).toBe(35);
  });
  it('leaves "26 г." to the age, where no serviceman was born in 1926 or 2026; "90 г." is a year', () => {
    expect(parseDate('26 г.')).toBeNull();
    expect(parseDate('90 г.')).toEqual(year(1990));
    expect(parseBareAge('26 г.')).toBe(26);
    expect(parseBareAge('41')).toBe(41);
    expect(parseBareAge('50 г.')).toBe(50);
    for (const raw of ['90', '60', '12', '1990']) expect(parseBareAge(raw), raw).toBeNull();
  });

  it('reads no age from a bare number, a year, or an age no serviceman has', () => {
    for (const raw of ['35', '(1989)', '1989', '12 лет', '89 г.р.', '12.03.1989'])
      expect(parseAge(raw), raw).toBeNull();
  });
});
