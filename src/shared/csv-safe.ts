// CSV cells a spreadsheet would run as a formula (issue 14: "CSV-formula injection in every
// export"). A cell typed by a family, a tip sender or a published list may start with = + - @,
// a tab or a carriage return (or their full-width forms): opened in Excel or LibreOffice it
// would compute, fetch or run something. Such a cell is written with a leading apostrophe, which
// spreadsheets show as text and do not keep as part of the value (the OWASP recommendation).
// Numbers stay numbers: only strings are changed.

const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

export const spreadsheetSafe = <T>(cell: T): T | string =>
  typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell;

/** Whether a cell as written could be taken for a formula (what the export tests look for). */
export const looksLikeFormula = (cell: string): boolean => FORMULA_START.test(cell);

/**
 * A cell as it was before spreadsheetSafe: the apostrophe it put before a formula character
 * taken off again, so that an id such as "-1" read back from our own output is the input's id.
 */
export const unescapeCell = (cell: string): string =>
  cell.length > 1 && cell[0] === "'" && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
