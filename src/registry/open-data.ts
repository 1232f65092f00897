import { stringify } from 'csv-stringify/sync';

// Open data: the same rows as CSV and JSON. A text cell a spreadsheet would read as a formula
// (starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, so opening a
// download never runs anything; numbers stay numbers.

const FORMULA_START = /^[=+\-@\t\r]/;

export const safeCell = (value: string | number | null | undefined): string | number =>
  value === null || value === undefined
    ? ''
    : typeof value === 'number'
      ? value
      : FORMULA_START.test(value)
        ? `'${value}`
        : value;

export type Row = Record<string, string | number | null>;

/** CSV with a header row, every text cell made safe, UTF-8 with a byte-order mark for Excel. */
export const toCsv = (columns: readonly string[], rows: readonly Row[]): string =>
  `\ufeff${stringify(
    rows.map((r) => columns.map((c) => safeCell(r[c]))),
    { header: true, columns: [...columns], record_delimiter: 'windows' },
  )}`;
