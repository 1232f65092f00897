// Streaming CSV for the linkage commands: rows go straight into the columnar dataset, so memory
// holds the dictionary-coded records, never the file or row objects. A malformed file fails with
// its line number and the words for what is wrong with it (linkage.csv.* in the catalogue), which
// the `kintrace` command says in the operator's language. Line numbers are not tracked per row (that costs a third of the parse time
// on a million rows): a bad row is located by re-reading the file up to it, on the error path only.
// A spreadsheet's own CSV is read as it is saved: UTF-8 or Windows-1251 (Excel's "CSV" in a
// Russian Windows), with a comma, semicolon or tab between columns (shared/text-files.ts, as the
// list importer reads it). The encoding is judged on the first megabyte; a UTF-8 file with other
// bytes further on (a list pasted together from two computers) stops at the first such line rather
// than reading its names as replacement characters.
import { isUtf8 } from 'node:buffer';
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import { FastCsvSplitter } from './csv-fast.ts';
import { parse, CsvError, type Options as ParseOptions } from 'csv-parse';
import {
  detectDelimiter,
  detectEncoding,
  type Encoding,
  TextFormatError,
  type TextProblem,
} from '../shared/text-files.ts';
import { Said, type Values, type Words, wordsOf } from '../shared/said.ts';

/**
 * A bad line of an input: the file, the line and what is wrong with it, said by their words
 * (linkage.csv.* in the catalogue) in the operator's language by the `kintrace` command.
 */
export class CsvInputError extends Said {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: Words,
  ) {
    super('linkage.csv.atLine', { file, line, problem });
  }
}

/**
 * Thrown by a row callback, with the words for what is wrong with the row: the reader turns it
 * into a CsvInputError with the row's line. `offset`: the bad row's place among the rows a
 * SplitRead's take() added (0 for a row callback).
 */
export class RowError extends Said {
  constructor(
    key: string,
    params: Values = {},
    readonly offset = 0,
    /** Lines from the row's end back to the line to name (a row running over several lines). */
    readonly linesBack = 0,
  ) {
    super(key, params);
  }
}

/** The words of a file's problem (linkage.csv.<problem> in the catalogue). */
const problem = (key: string, params?: Values): Words => ({ key: `linkage.csv.${key}`, params });

/**
 * The file's rest, from a record's start, read elsewhere (a second thread: linkage.run.ts), so
 * that the reading of a large file is shared.
 */
export interface SplitRead {
  /** The byte where the rest starts (splitPoint()). */
  from: number;
  /**
   * Called once the records before `from` are read: adds the rest's records and returns their
   * count, or null when they could not be read there (anything the fast path does not handle):
   * this reader then reads them itself. A bad record is a RowError with its offset in the rest.
   */
  take: (rowsBefore: number) => Promise<number | null>;
}

export interface CsvReadOptions {
  /** A column every row must have a value in (the record id). */
  required?: string;
  /** The header as the reader takes it (column names read under their own): after trimming. */
  header?: (header: string[]) => string[];
  /** Without the required column, rows are not refused: the caller names them by their number. */
  numberedRows?: boolean;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  split?: SplitRead;
}

const options = { bom: true, trim: true, skip_empty_lines: true } as const;

/** How the file is written: its encoding and the separator of its header line. */
interface Format {
  encoding: Encoding;
  delimiter: string;
}

/** Bytes read to tell the format: the header and enough rows to judge the encoding. */
const PROBE = 1 << 20;

/** A file that is no text to read, in words: linkage.csv.empty, .utf16, .spreadsheet, .binary, .encoding. */
const textProblem = (p: TextProblem): Words => problem(p);

/**
 * The separator of the header line, blanks at its ends aside ("\tid" is one column, not two):
 * the most frequent of comma, semicolon and tab, a comma on a tie or when there is none.
 */
export const delimiterOf = (text: string): string => detectDelimiter((text.split(/\r?\n|\r/, 1)[0] ?? '').trim());

const formatOf = (file: string, size: number): Format => {
  const fd = openSync(file, 'r');
  const probe = Buffer.alloc(Math.min(PROBE, size));
  let n = 0;
  try {
    n = readSync(fd, probe, 0, probe.length, 0);
  } finally {
    closeSync(fd);
  }
  if (n === 0) return { encoding: 'utf-8', delimiter: ',' };
  // Whole lines only: a probe cut inside a UTF-8 letter must not pass for another encoding.
  let bytes = probe.subarray(0, n);
  const end = bytes.lastIndexOf(10);
  if (n === PROBE && end > 0) bytes = bytes.subarray(0, end + 1);
  try {
    const encoding = detectEncoding(bytes);
    return { encoding, delimiter: delimiterOf(new TextDecoder(encoding).decode(bytes)) };
  } catch (err) {
    if (err instanceof TextFormatError) {
      const pasted = err.problem === 'encoding' ? pastedLine(bytes) : 0;
      if (pasted) throw new CsvInputError(file, pasted, NOT_UTF8_LINE);
      throw new CsvInputError(file, 1, textProblem(err.problem));
    }
    throw err;
  }
};

/** A UTF-8 file with a line in another encoding (a list pasted together from two computers). */
const NOT_UTF8_LINE = problem('pasted');

/** How far a line-by-line UTF-8 check has come: its line, and whether a line before had letters past ASCII. */
interface Utf8Scan {
  line: number;
  letters: boolean;
}

const EMPTY = Buffer.alloc(0);

/**
 * Checks the whole lines of `bytes` (the last one too when `last`), counting on from `scan.line`:
 * null at the first that is not UTF-8, `scan.line` its number; else the bytes of an unfinished
 * last line, to put before the next chunk.
 */
const scanUtf8Lines = (bytes: Buffer, scan: Utf8Scan, last: boolean): Buffer | null => {
  for (let from = 0; ; scan.line++) {
    const nl = bytes.indexOf(10, from);
    if (nl < 0 && !last) return Buffer.from(bytes.subarray(from));
    const text = bytes.subarray(from, nl < 0 ? bytes.length : nl);
    if (!isUtf8(text)) return null;
    scan.letters ||= text.some((b) => b >= 0x80);
    if (nl < 0) return EMPTY;
    from = nl + 1;
  }
};

/**
 * In bytes of neither encoding throughout: the first line that is not UTF-8 when lines before it
 * are UTF-8 with letters past ASCII (a short list pasted together from two computers, which was
 * refused at line 1 while a long one was stopped at the line); else 0.
 */
const pastedLine = (bytes: Buffer): number => {
  const scan = { line: 1, letters: false };
  return scanUtf8Lines(bytes, scan, true) === null && scan.letters ? scan.line : 0;
};

/** Thrown while decoding: bytes that are not of the file's encoding (UTF-8) past the probe. */
class NotUtf8Error extends Error {}

/** A decoder that throws NotUtf8Error on bytes that are not UTF-8 (Windows-1251 reads any byte). */
const decoderOf = (encoding: Encoding) => {
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  return (chunk?: Buffer): string => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch (err) {
      if (err instanceof TypeError) throw new NotUtf8Error();
      throw err;
    }
  };
};

/** The first line (1-based) whose bytes are not UTF-8; 0 when every line is. Error path only. */
const firstNonUtf8Line = async (file: string): Promise<number> => {
  const scan = { line: 1, letters: false };
  let rest: Buffer = EMPTY;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const unfinished = scanUtf8Lines(Buffer.concat([rest, chunk]), scan, false);
    if (unfinished === null) return scan.line;
    rest = unfinished;
  }
  return scanUtf8Lines(rest, scan, true) === null ? scan.line : 0;
};

/** The file as text, chunk by chunk (the byte-order mark dropped). */
const textOf = (file: string, encoding: Encoding): Readable => {
  const input = createReadStream(file, { highWaterMark: 1 << 20 });
  const decode = decoderOf(encoding);
  return Readable.from(
    (async function* () {
      try {
        for await (const chunk of input as AsyncIterable<Buffer>) yield decode(chunk);
        const rest = decode();
        if (rest) yield rest;
      } finally {
        input.destroy();
      }
    })(),
    { objectMode: false },
  );
};

/**
 * csv-parse's records of the file. Through pipeline, not pipe: the file's errors (NotUtf8Error)
 * reach the parser, and a parser let go early closes the file (a piped one stayed open, paused,
 * and a later write to the file failed its decoding as an uncaught error).
 */
const parsedRecords = (file: string, format: Format, extra: ParseOptions = {}): Readable =>
  pipeline(textOf(file, format.encoding), parse({ ...options, delimiter: format.delimiter, ...extra }), () => {});

/**
 * The line on which data row `index` (0-based, header excluded) ends. A malformed record after it
 * is skipped: as an error it would end the stream before the rows read with it were taken.
 */
const lineOfRow = async (file: string, format: Format, index: number): Promise<number> =>
  (await rowEnd(file, format, index)).line;

/** Where data row `index` ends: its line, and the line csv-parse counts there (see lineAt). */
const rowEnd = async (file: string, format: Format, index: number): Promise<{ line: number; counted: number }> => {
  const parser = parsedRecords(file, format, { info: true, skip_records_with_error: true });
  let i = -1;
  for await (const { info } of parser as AsyncIterable<{ info: { bytes: number; lines: number } }>) {
    if (i++ === index) {
      parser.destroy();
      // Its last byte is the line feed ending it, which starts no line of its own.
      return { line: await lineAt(file, format, info.bytes - 1), counted: info.lines };
    }
  }
  return { line: 0, counted: 0 };
};

/**
 * The line of the parser's text on which byte `offset` is: csv-parse's own count (`info.lines`)
 * takes a \r\n inside quotes for two lines, so after one cell Excel saved over three lines every
 * line it named was two too far. Counted on the text as the parser reads it (decoded, UTF-8).
 * Error path only: it reads the file again.
 */
const lineAt = async (file: string, format: Format, offset: number): Promise<number> => {
  let line = 1;
  let seen = 0;
  for await (const chunk of textOf(file, format.encoding) as AsyncIterable<string | Buffer>) {
    const bytes = Buffer.from(chunk);
    const upto = Math.min(bytes.length, offset - seen);
    for (let i = 0; i < upto; i++) if (bytes[i] === 0x0a) line++;
    seen += bytes.length;
    if (seen >= offset) break;
  }
  return line;
};

/**
 * Reads the file through the fast splitter (csv-fast.ts). False when it gave up: the records
 * before that point were handed to onRecord, and csv-parse must read on from there.
 */
const fastPass = async (
  file: string,
  format: Format,
  total: number,
  onRecord: (record: string[]) => void,
  onProgress?: (bytesRead: number, totalBytes: number) => void,
  end = total,
): Promise<boolean> =>
  // Up to `end`, a record's start: the split's rest is read elsewhere.
  feedSplitter(
    file,
    new FastCsvSplitter(format.delimiter),
    format.encoding,
    { start: 0, end, total },
    onRecord,
    (bytes) => onProgress?.(bytes, total),
  );

/**
 * Feeds the file's bytes [start, end) through the splitter, chunk by chunk: false once it gives
 * up, or once `stopped()` says so after a chunk. A byte that is not of the encoding throws
 * NotUtf8Error.
 */
const feedSplitter = async (
  file: string,
  splitter: FastCsvSplitter,
  encoding: Encoding,
  range: { start: number; end: number; total: number },
  onRecord: (record: string[]) => void,
  onBytes?: (bytesRead: number) => void,
  stopped: () => boolean = () => false,
): Promise<boolean> => {
  const decode = decoderOf(encoding);
  const input = createReadStream(file, {
    highWaterMark: 1 << 20,
    start: range.start,
    ...(range.end < range.total ? { end: range.end - 1 } : {}),
  });
  let bytes = range.start;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (!splitter.feed(decode(chunk), false, onRecord) || stopped()) return false;
      onBytes?.(bytes);
    }
    return splitter.feed(decode(), true, onRecord) && !stopped();
  } finally {
    input.destroy();
  }
};

/** A missing input, in words (not ENOENT), whether found before a run or at reading. */
export const noSuchFile = (file: string): Said => new Said('linkage.csv.noSuchFile', { file });

/** The file's size; a missing file or a folder said in words, not as ENOENT or EISDIR after a read. */
const sizeOf = (file: string): number => {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw noSuchFile(file);
    throw err;
  }
  if (stat.isDirectory()) throw new Said('linkage.csv.isFolder', { file });
  return stat.size;
};

/**
 * The line and the words for what csv-parse found wrong. It names the line where it noticed, the
 * file's last for a quote never closed, and a quote left open swallows the lines after it up to
 * the next quote: the record's own first line is the one to look at, after the records it read.
 */
const csvProblem = async (err: CsvError, file: string, format: Format): Promise<[number, Words]> => {
  const { lines: noticed = 0, records = 0 } = err as CsvError & { lines?: number; records?: number };
  let start = 1;
  let end = noticed;
  if (records > 0) {
    try {
      // Its `records` count the header: the last good data row is the one before. The line where
      // it noticed is its own count: less the lines it counted too many before the record.
      const before = await rowEnd(file, format, records - 2);
      start = before.line + 1;
      end = noticed - (before.counted - before.line);
    } catch {
      start = end;
    }
  }
  const runsOn: string | Words = start < end ? problem('runsOn', { end }) : '';
  const columns = /expect (\d+), got (\d+)/.exec(err.message);
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return [start, problem('quoteNotClosed')];
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return [start, problem('afterClosingQuote', { runsOn })];
    case 'INVALID_OPENING_QUOTE':
      return [end, problem('quoteInside')];
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      if (columns) return [start, problem('cells', { count: Number(columns[2]), header: Number(columns[1]), runsOn })];
  }
  // Nothing the options readCsv gives csv-parse should come here: its own words, as they are.
  return [
    end,
    problem('unreadable', { detail: err.message.replace(/^Invalid Record Length: |^Invalid Opening Quote: /, '') }),
  ];
};

/**
 * A row of empty cells (";;;;;;;"): what Excel and LibreOffice save for a row that once held
 * something or was formatted, invisible in the sheet. It holds no record, so it is skipped as a
 * blank line is; it was refused as "empty record_id", at a line the user could not see.
 */
const isBlankRow = (record: readonly string[]): boolean => record.every((cell) => cell === '');

/**
 * Calls onRow(values, header, rowIndex, delimiter, sheetRow) per data row; header cells are
 * trimmed. rowIndex counts the records read; sheetRow is the row a spreadsheet shows it on.
 */
export const readCsv = async (
  file: string,
  onRow: (row: string[], header: string[], index: number, delimiter: string, sheetRow: number) => void,
  opts: CsvReadOptions = {},
): Promise<number> => {
  const total = sizeOf(file);
  let header: string[] | null = null;
  let requiredIndex = -1;
  let rows = 0;
  /** Records (the header included) already handed on: csv-parse skips them if it takes over. */
  let delivered = 0;
  const onRecord = (record: string[]): void => {
    delivered++;
    if (!header) {
      const trimmed = record.map((h) => h.trim());
      try {
        header = opts.header ? opts.header(trimmed) : trimmed;
      } catch (err) {
        throw new CsvInputError(
          file,
          1,
          wordsOf(err) ?? problem('unreadable', { detail: err instanceof Error ? err.message : String(err) }),
        );
      }
      if (opts.required) {
        requiredIndex = columnOf(header, opts.required);
        if (requiredIndex < 0 && !opts.numberedRows) throw new CsvInputError(file, 1, noColumn(opts.required, header));
      }
      return;
    }
    if (isBlankRow(record)) return;
    if (requiredIndex >= 0 && !record[requiredIndex])
      throw new RowError('linkage.csv.emptyCell', { column: header[requiredIndex] });
    // The row's number as a spreadsheet shows it (the header is row 1; a quoted line break
    // does not start a row).
    onRow(record, header, rows, format.delimiter, delivered);
    rows++;
  };
  const format = formatOf(file, total);
  let input: Readable | null = null;
  try {
    const split = opts.split && opts.split.from < total ? opts.split : null;
    let whole = await fastPass(file, format, total, onRecord, opts.onProgress, split?.from);
    if (whole && split) {
      const added = await split.take(rows);
      if (added === null) whole = false;
      else {
        rows += added;
        delivered += added;
        opts.onProgress?.(total, total);
      }
    }
    if (!whole) {
      input = parsedRecords(file, format);
      let skip = delivered;
      for await (const record of input as AsyncIterable<string[]>) {
        if (skip > 0) skip--;
        else onRecord(record);
      }
    }
  } catch (err) {
    input?.destroy();
    if (err instanceof CsvError) {
      const [line, words] = await csvProblem(err, file, format);
      throw new CsvInputError(file, line, words);
    }
    if (err instanceof RowError)
      throw new CsvInputError(file, (await lineOfRow(file, format, rows + err.offset)) - err.linesBack, {
        key: err.key,
        params: err.params,
      });
    if (err instanceof NotUtf8Error) throw new CsvInputError(file, await firstNonUtf8Line(file), NOT_UTF8_LINE);
    throw err;
  }
  if (!header) throw new CsvInputError(file, 1, textProblem('empty'));
  return rows;
};

/** A header without a column the file must have: the column, and the header's columns. */
export const noColumn = (column: string, header: readonly string[]): Words =>
  problem('noColumn', { column, found: header.join(', ') });

/**
 * The column of `name` in a header: its exact name, else the same name in other letter case
 * ("Surname" for surname), as a list saved from a spreadsheet often has it; -1 when absent.
 */
export const columnOf = (header: readonly string[], name: string): number => {
  const exact = header.indexOf(name);
  if (exact >= 0) return exact;
  const lower = name.toLowerCase();
  return header.findIndex((h) => h.toLowerCase() === lower);
};

/** Where a second reader takes over the file, and what it must know of the file's start. */
export interface PartStart {
  from: number;
  delimiter: string;
  /** The record delimiter and fields per record, as the file's first line has them. */
  shape: { crlf: boolean; width: number };
  /** The header's cells, trimmed. */
  header: string[];
}

/** Bytes scanned at a time for quotes and line feeds. */
const SCAN = 1 << 20;

/**
 * Where the last `share` of the file begins at a record's start: the first line feed at or
 * after that byte that is not inside quotes (an even count of quote bytes before it: in CSV a
 * quote inside a quoted field is doubled). Null for a file the second reader would not read as
 * this one does: not UTF-8, a header it cannot split, no line feed there.
 */
export const splitPoint = (file: string, share: number): PartStart | null => {
  const total = statSync(file).size;
  const format = formatOf(file, total);
  if (format.encoding !== 'utf-8') return null;
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(SCAN);
    const first = buffer.subarray(0, readSync(fd, buffer, 0, SCAN, 0));
    const nl = first.indexOf(10);
    if (nl < 0) return null;
    let header: string[] | null = null;
    const splitter = new FastCsvSplitter(format.delimiter);
    splitter.feed(first.subarray(0, nl + 1).toString('utf8'), false, (cells) => {
      header = cells.map((h) => h.trim());
    });
    const shape = splitter.shape();
    if (!header || !shape) return null;
    const target = Math.floor(total * (1 - share));
    let quotes = 0;
    for (let at = 0; at < total; ) {
      const chunk = buffer.subarray(0, readSync(fd, buffer, 0, SCAN, at));
      if (chunk.length === 0) break;
      // Before the target only quotes count; from it on, the first line feed outside quotes.
      const lookFrom = Math.max(0, target - at);
      for (let q = chunk.indexOf(34); q >= 0 && q < lookFrom; q = chunk.indexOf(34, q + 1)) quotes++;
      for (let i = Math.min(lookFrom, chunk.length); i < chunk.length; i++) {
        const c = chunk[i];
        if (c === 34) quotes++;
        else if (c === 10 && quotes % 2 === 0)
          return at + i + 1 < total ? { from: at + i + 1, delimiter: format.delimiter, shape, header } : null;
      }
      at += chunk.length;
    }
    return null;
  } finally {
    closeSync(fd);
  }
};

/**
 * The most characters a compared cell may hold. No name, date, place or unit comes near it; a
 * cell far longer is a file read wrongly (a quote left open, the wrong separator, a text pasted
 * into a column), and the comparisons, linear in a cell's length but run on hundreds of
 * thousands of pairs, took hours on fifty records of 100,000 characters.
 */
export const MAX_CELL = 1000;

/**
 * A row that swallowed rows: a quote opened in a cell and closed by a stray one lines later, the
 * column count right again. The cell then runs over lines of which one has exactly a row's
 * columns; a name or a date never does. (Before, the rows in between were silently lost.) A quote
 * closed on the very next line leaves no whole row inside, but the cell then holds the rest of
 * its own row and the start of the next up to the same column: its first line has as many
 * separators as cells follow it, its last as many as precede it, and any between a whole row's.
 * Not in files of under four columns, where a line of an address written over lines may.
 */
const swallowsRows = (cell: string, delimiter: string, width: number, column: number): boolean => {
  if (width < 4 || !cell.includes('\n')) return false;
  const lines = cell.split('\n');
  const cells = lines.map((line) => line.split(delimiter).length);
  if (cells.slice(1).some((n) => n === width)) return true;
  const last = cells.length - 1;
  return cells[0] === width - column && cells[last] === column + 1 && cells.slice(1, last).every((n) => n === width);
};

/** What keeps a compared cell from being read as a value: its column and the words for it. */
export interface SuspectCell {
  column: number;
  problem: Words;
  /** Lines from the row's end back to its first, where the quote to look at is. */
  linesBack: number;
}

/**
 * The first of `columns` (−1: none) whose cell cannot be a value: longer than MAX_CELL, or
 * holding rows a stray quote swallowed; null when every one can.
 */
export const suspectCell = (
  record: readonly string[],
  columns: readonly number[],
  header: readonly string[],
  delimiter: string,
): SuspectCell | null => {
  for (const c of columns) {
    const cell = c >= 0 ? record[c] : undefined;
    if (cell === undefined) continue;
    if (cell.length > MAX_CELL)
      return {
        column: c,
        problem: problem('overlong', { column: header[c], count: cell.length, max: MAX_CELL }),
        linesBack: 0,
      };
    if (swallowsRows(cell, delimiter, header.length, c)) {
      const linesBack = record.reduce((n, v) => n + v.split('\n').length - 1, 0);
      return {
        column: c,
        problem: problem('swallowed', { column: header[c], count: cell.split('\n').length }),
        linesBack,
      };
    }
  }
  return null;
};

/**
 * Reads the records from `start.from` to the end into `into` (the second reader's side of a
 * SplitRead), each as `add` keeps it. False when it gave up (the fast path could not read a
 * record for certain, a byte that is not UTF-8, an empty `required` cell, a record `add` refuses
 * by returning false): the first reader then reads them itself, and reports what is wrong with
 * the line.
 */
export const readPart = async (
  file: string,
  start: PartStart,
  required: number,
  add: (record: string[]) => unknown,
): Promise<boolean> => {
  let empty = false;
  const onRecord = (record: string[]): void => {
    if (empty || isBlankRow(record)) return;
    if (!record[required] || add(record) === false) empty = true;
  };
  const splitter = new FastCsvSplitter(start.delimiter, start.shape);
  const range = { start: start.from, end: Number.POSITIVE_INFINITY, total: Number.POSITIVE_INFINITY };
  try {
    return await feedSplitter(file, splitter, 'utf-8', range, onRecord, undefined, () => empty);
  } catch (err) {
    if (err instanceof NotUtf8Error) return false;
    throw err;
  }
};
