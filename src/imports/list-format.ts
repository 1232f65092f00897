import { CsvError, parse } from 'csv-parse/sync';
import {
  decodeText,
  detectDelimiter,
  detectEncoding as detectTextEncoding,
  type Encoding,
  TextFormatError,
} from '../shared/text-files.ts';

// Reading a published list: the bytes of a CSV file as a spreadsheet saves it, in UTF-8 or
// Windows-1251 (Excel's "CSV" in a Russian Windows), with a comma, semicolon or tab between
// columns. Pure: a problem is a ListError with the line it was found on and an i18n key.

/** Largest file accepted (web and command line): a list of a few hundred thousand people. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
export const MAX_COLUMNS = 100;
/** Largest row, in characters: a row of 10,000 columns, or a whole file in one cell, is refused. */
export const MAX_ROW_CHARS = 20_000;
export const MAX_CELL_CHARS = 2_000;

export class ListError extends Error {
  constructor(
    readonly line: number,
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`line ${line}: ${key}`);
    this.name = 'ListError';
  }
}

export { ENCODINGS, type Encoding, detectDelimiter } from '../shared/text-files.ts';

/** The file's encoding (shared/text-files.ts), or a ListError at line 1 saying what it is instead. */
export const detectEncoding = (bytes: Uint8Array): Encoding => {
  try {
    return detectTextEncoding(bytes);
  } catch (err) {
    if (err instanceof TextFormatError) throw new ListError(1, `imports.errors.${err.problem}`);
    throw err;
  }
};

export const decodeList = decodeText;

const CSV_ERRORS: Record<string, string> = {
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'imports.errors.columnCount',
  CSV_RECORD_INCONSISTENT_COLUMNS: 'imports.errors.columnCount',
  CSV_QUOTE_NOT_CLOSED: 'imports.errors.quote',
  CSV_INVALID_CLOSING_QUOTE: 'imports.errors.quote',
  INVALID_OPENING_QUOTE: 'imports.errors.quote',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'imports.errors.quote',
  CSV_MAX_RECORD_SIZE: 'imports.errors.rowTooLong',
};

export interface ParsedList {
  header: string[];
  /** data rows with their row as a spreadsheet numbers it (the header is row 1) */
  rows: Array<{ line: number; values: string[] }>;
  /** rows that could not be read as CSV (a stray quote, a wrong number of columns), each with its line */
  broken: Array<{ line: number; key: string; params: Record<string, string | number> }>;
  /** a quote left open or a row too long swallows the rest of the file: nothing after this line was read */
  unreadAfter: number | null;
}

/** What the parser knows of where it is (csv-parse's `info`; a skipped record's error carries it too). */
interface RecordContext {
  lines: number;
  records: number;
  empty_lines: number;
}

const parseOptions = (delimiter: string) => ({
  delimiter,
  bom: true,
  skip_empty_lines: true,
  relax_column_count: false,
  max_record_size: MAX_ROW_CHARS,
  info: true,
});

const checkHeader = (header: string[]): string[] => {
  const names = header.map((h) => h.trim());
  if (names.length > MAX_COLUMNS) throw new ListError(1, 'imports.errors.tooManyColumns', { max: MAX_COLUMNS });
  if (names.length === 0 || names.every((n) => n === '')) throw new ListError(1, 'imports.errors.noHeader');
  const empty = names.indexOf('');
  if (empty >= 0) throw new ListError(1, 'imports.errors.emptyColumnName', { column: empty + 1 });
  const seen = new Set<string>();
  for (const n of names) {
    const key = n.toLowerCase();
    if (seen.has(key)) throw new ListError(1, 'imports.errors.duplicateColumn', { column: n });
    seen.add(key);
  }
  // A first line of data instead of names: dates or numbers where column names should be.
  if (names.some((n) => /^\d[\d.\-/ ]*$/.test(n))) throw new ListError(1, 'imports.errors.noHeader');
  return names;
};

/**
 * `lastGood`: the line the last well-formed record ended on. A quote left open swallows the rest
 * of the file, so the parser stops at its end; the row at fault is the one after the last good one.
 */
const csvFailure = (err: unknown, lastGood?: number): ListError => {
  if (err instanceof ListError) return err;
  if (err instanceof CsvError) {
    const at = Number((err as CsvError & { lines?: number }).lines ?? 1) || 1;
    const line = err.code === 'CSV_QUOTE_NOT_CLOSED' && lastGood !== undefined ? lastGood + 1 : at;
    return new ListError(line, CSV_ERRORS[err.code] ?? 'imports.errors.malformed');
  }
  throw err;
};

/** Only the header (the upload step: is this a list, and which columns does it have). */
export const readHeader = (text: string): { header: string[]; delimiter: string } => {
  const delimiter = detectDelimiter(text);
  const firstLine = text.slice(0, MAX_ROW_CHARS * 4).split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.split(delimiter).length > MAX_COLUMNS)
    throw new ListError(1, 'imports.errors.tooManyColumns', { max: MAX_COLUMNS });
  const firstLines = text.slice(0, MAX_ROW_CHARS * 2);
  try {
    const records = parse(firstLines, { ...parseOptions(delimiter), to_line: 1 }) as unknown as Array<{
      record: string[];
    }>;
    if (records.length === 0) throw new ListError(1, 'imports.errors.empty');
    return { header: checkHeader(records[0].record), delimiter };
  } catch (err) {
    throw csvFailure(err);
  }
};

/** The number of the last line with anything on it. */
const lastLineOf = (text: string): number => {
  const end = text.trimEnd().length;
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/**
 * The whole list, every row with its line. A row that is not good CSV does not stop the reading:
 * it is set aside with its line and the reason, and the rows after it are read on — all but
 * after a quote left open or a row too long, which leave the parser nothing more to read.
 */
export const readList = (text: string): ParsedList => {
  const { header, delimiter } = readHeader(text);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  const broken = new Map<number, { line: number; key: string; params: Record<string, string | number> }>();
  // Each record's row as a spreadsheet numbers it, in the order the records come: the parser's own
  // line count is the text's (a cell with a line break in it adds lines, two for Excel's \r\n),
  // while the volunteer fixing the list opens it in Excel or LibreOffice, where a record is one row
  // and an empty line one empty row.
  const rowOf: number[] = [];
  let rowsSkipped = 0;
  let lastGood = 1;
  let lastSkipped: { line: number; row: number } | null = null;
  try {
    records = parse(text, {
      ...parseOptions(delimiter),
      relax_column_count: true,
      skip_records_with_error: true,
      on_record: (record: string[], context: RecordContext) => {
        lastGood = context.lines;
        lastSkipped = null;
        rowOf.push(context.records + context.empty_lines + rowsSkipped);
        return record;
      },
      on_skip: (err: (CsvError & Partial<RecordContext>) | undefined) => {
        if (!err) return;
        const { line, key } = csvFailure(err, lastGood);
        // The parser may say the same row twice (a stray quote is seen again at its cell's end).
        if (lastSkipped?.line === line) return;
        rowsSkipped++;
        const row = (err.records ?? 0) + (err.empty_lines ?? 0) + rowsSkipped;
        broken.set(row, { line: row, key, params: {} });
        lastSkipped = { line, row };
      },
    }) as unknown as typeof records;
  } catch (err) {
    throw csvFailure(err, lastGood);
  }
  const rows: ParsedList['rows'] = [];
  for (let i = 1; i < records.length; i++) {
    const { record } = records[i];
    const row = rowOf[i];
    // A row of nothing but separators (",,,,") is how Excel and LibreOffice save a blank or
    // merely formatted row: it says nothing, so it is skipped like an empty line, not refused.
    if (record.every((v) => v.trim() === '')) continue;
    if (record.length === header.length) rows.push({ line: row, values: record });
    else
      broken.set(row, {
        line: row,
        key: 'imports.errors.columnCount',
        params: { count: record.length, expected: header.length },
      });
  }
  const skipped = lastSkipped as { line: number; row: number } | null;
  return {
    header,
    rows,
    broken: [...broken.values()].sort((a, b) => a.line - b.line),
    unreadAfter: skipped !== null && skipped.line < lastLineOf(text) ? skipped.row : null,
  };
};

/**
 * A cell a spreadsheet would run as a formula ("=cmd|' /C calc'!A0", "+1+1", "@SUM(…)"): refused
 * on import, neutralised on export. A lone "-" (an empty value in many lists) and negative or
 * signed numbers are not formulas.
 */
export const looksLikeFormula = (cell: string): boolean =>
  /^[=+\-@\t\r]/.test(cell) && !/^[-+]?\d*[.,]?\d*$/.test(cell);

/** A cell as written to a CSV a person will open in a spreadsheet: never a formula. */
export const safeCell = (value: string | number | null | undefined): string => {
  const s = value === null || value === undefined ? '' : String(value);
  return looksLikeFormula(s) || /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
};
