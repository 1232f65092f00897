// Streaming CSV for the linkage commands: rows go straight into the columnar dataset, so memory
// holds the dictionary-coded records, never the file or row objects. A malformed file fails with
// its line number. Line numbers are not tracked per row (that costs a third of the parse time
// on a million rows): a bad row is located by re-reading the file up to it, on the error path only.
// A spreadsheet's own CSV is read as it is saved: UTF-8 or Windows-1251 (Excel's "CSV" in a
// Russian Windows), with a comma, semicolon or tab between columns (shared/text-files.ts, as the
// list importer reads it). The encoding is judged on the first megabyte; a UTF-8 file with other
// bytes further on (a list pasted together from two computers) stops at the first such line rather
// than reading its names as replacement characters.
import { isUtf8 } from 'node:buffer';
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { FastCsvSplitter } from './csv-fast.ts';
import { parse, CsvError } from 'csv-parse';
import {
  detectDelimiter,
  detectEncoding,
  type Encoding,
  TextFormatError,
  type TextProblem,
} from '../shared/text-files.ts';

export class CsvInputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    detail: string,
  ) {
    super(`${file}, line ${line}: ${detail}`);
    this.name = 'CsvInputError';
  }
}

/** Thrown by a row callback: the reader turns it into a CsvInputError with the row's line. */
export class RowError extends Error {}

export interface CsvReadOptions {
  /** A column every row must have a value in (the record id). */
  required?: string;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

const options = { bom: true, trim: true, skip_empty_lines: true } as const;

/** How the file is written: its encoding and the separator of its header line. */
interface Format {
  encoding: Encoding;
  delimiter: string;
}

/** Bytes read to tell the format: the header and enough rows to judge the encoding. */
const PROBE = 1 << 20;

const TEXT_PROBLEMS: Record<TextProblem, string> = {
  empty: 'the file is empty (no header row)',
  utf16: 'the file is UTF-16 ("Unicode text"): save it as CSV UTF-8',
  spreadsheet: 'the file is a spreadsheet, not CSV: save it as CSV UTF-8',
  binary: 'the file is not text',
  encoding: 'the file is neither UTF-8 nor Windows-1251 text: save it as CSV UTF-8',
};

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
    if (err instanceof TextFormatError) throw new CsvInputError(file, 1, TEXT_PROBLEMS[err.problem]);
    throw err;
  }
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
  let line = 1;
  let rest = Buffer.alloc(0);
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let bytes = Buffer.concat([rest, chunk]);
    for (let nl = bytes.indexOf(10); nl >= 0; nl = bytes.indexOf(10)) {
      if (!isUtf8(bytes.subarray(0, nl))) return line;
      line++;
      bytes = bytes.subarray(nl + 1);
    }
    rest = Buffer.from(bytes);
  }
  return isUtf8(rest) ? 0 : line;
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

/** The line on which data row `index` (0-based, header excluded) starts. */
const lineOfRow = async (file: string, format: Format, index: number): Promise<number> => {
  const parser = textOf(file, format.encoding).pipe(parse({ ...options, delimiter: format.delimiter, info: true }));
  let i = -1;
  for await (const { info } of parser as AsyncIterable<{ info: { lines: number } }>) {
    if (i++ === index) {
      parser.destroy();
      return info.lines;
    }
  }
  return 0;
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
): Promise<boolean> => {
  const splitter = new FastCsvSplitter(format.delimiter);
  const decode = decoderOf(format.encoding);
  const input = createReadStream(file, { highWaterMark: 1 << 20 });
  let bytes = 0;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (!splitter.feed(decode(chunk), false, onRecord)) return false;
      onProgress?.(bytes, total);
    }
    return splitter.feed(decode(), true, onRecord);
  } finally {
    input.destroy();
  }
};

/** Calls onRow(values, header, rowIndex) per data row; header cells are trimmed. */
export const readCsv = async (
  file: string,
  onRow: (row: string[], header: string[], index: number) => void,
  opts: CsvReadOptions = {},
): Promise<number> => {
  const total = statSync(file).size;
  let header: string[] | null = null;
  let requiredIndex = -1;
  let rows = 0;
  /** Records (the header included) already handed on: csv-parse skips them if it takes over. */
  let delivered = 0;
  const onRecord = (record: string[]): void => {
    delivered++;
    if (!header) {
      header = record.map((h) => h.trim());
      if (opts.required) {
        requiredIndex = header.indexOf(opts.required);
        if (requiredIndex < 0)
          throw new CsvInputError(file, 1, `the header has no "${opts.required}" column (found: ${header.join(', ')})`);
      }
      return;
    }
    if (requiredIndex >= 0 && !record[requiredIndex]) throw new RowError(`empty ${opts.required}`);
    onRow(record, header, rows);
    rows++;
  };
  const format = formatOf(file, total);
  let input: Readable | null = null;
  try {
    if (!(await fastPass(file, format, total, onRecord, opts.onProgress))) {
      input = textOf(file, format.encoding);
      let skip = delivered;
      for await (const record of input.pipe(parse({ ...options, delimiter: format.delimiter })) as AsyncIterable<
        string[]
      >) {
        if (skip > 0) skip--;
        else onRecord(record);
      }
    }
  } catch (err) {
    input?.destroy();
    if (err instanceof CsvError) {
      const line = (err as CsvError & { lines?: number }).lines ?? 0;
      throw new CsvInputError(file, line, err.message.replace(/^Invalid Record Length: |^Invalid Opening Quote: /, ''));
    }
    if (err instanceof RowError) throw new CsvInputError(file, await lineOfRow(file, format, rows), err.message);
    if (err instanceof NotUtf8Error)
      throw new CsvInputError(
        file,
        await firstNonUtf8Line(file),
        'the file starts as UTF-8, but this line is in another encoding (Windows-1251?): save the whole file as CSV UTF-8',
      );
    throw err;
  }
  if (!header) throw new CsvInputError(file, 1, TEXT_PROBLEMS.empty);
  return rows;
};
