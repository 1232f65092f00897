// Streaming CSV for the linkage commands: rows go straight into the columnar dataset, so memory
// holds the dictionary-coded records, never the file or row objects. A malformed file fails with
// its line number. Line numbers are not tracked per row (that costs a third of the parse time
// on a million rows): a bad row is located by re-reading the file up to it, on the error path only.
import { createReadStream, type ReadStream, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { FastCsvSplitter } from './csv-fast.ts';
import { parse, CsvError } from 'csv-parse';

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

/** The line on which data row `index` (0-based, header excluded) starts. */
const lineOfRow = async (file: string, index: number): Promise<number> => {
  const parser = createReadStream(file).pipe(parse({ ...options, info: true }));
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
  total: number,
  onRecord: (record: string[]) => void,
  onProgress?: (bytesRead: number, totalBytes: number) => void,
): Promise<boolean> => {
  const splitter = new FastCsvSplitter();
  const decoder = new StringDecoder('utf8');
  const input = createReadStream(file, { highWaterMark: 1 << 20 });
  let bytes = 0;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (!splitter.feed(decoder.write(chunk), false, onRecord)) return false;
      onProgress?.(bytes, total);
    }
    return splitter.feed(decoder.end(), true, onRecord);
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
  let input: ReadStream | null = null;
  try {
    if (!(await fastPass(file, total, onRecord, opts.onProgress))) {
      input = createReadStream(file, { highWaterMark: 1 << 20 });
      let skip = delivered;
      for await (const record of input.pipe(parse(options)) as AsyncIterable<string[]>) {
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
    if (err instanceof RowError) throw new CsvInputError(file, await lineOfRow(file, rows), err.message);
    throw err;
  }
  if (!header) throw new CsvInputError(file, 1, 'the file is empty (no header row)');
  return rows;
};
