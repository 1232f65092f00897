// Streaming CSV for the linkage commands: rows go straight into the columnar dataset, so memory
// holds the dictionary-coded records, never the file or row objects. A malformed file fails with
// its line number. Line numbers are not tracked per row (that costs a third of the parse time
// on a million rows): a bad row is located by re-reading the file up to it, on the error path only.
import { createReadStream, statSync } from 'node:fs';
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

/** Calls onRow(values, header, rowIndex) per data row; header cells are trimmed. */
export const readCsv = async (
  file: string,
  onRow: (row: string[], header: string[], index: number) => void,
  opts: CsvReadOptions = {},
): Promise<number> => {
  const total = statSync(file).size;
  let bytes = 0;
  const input = createReadStream(file, { highWaterMark: 1 << 20 });
  input.on('data', (chunk) => {
    bytes += chunk.length;
    opts.onProgress?.(bytes, total);
  });
  let header: string[] | null = null;
  let requiredIndex = -1;
  let rows = 0;
  const parser = input.pipe(parse(options));
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = record.map((h) => h.trim());
        if (opts.required) {
          requiredIndex = header.indexOf(opts.required);
          if (requiredIndex < 0)
            throw new CsvInputError(
              file,
              1,
              `the header has no "${opts.required}" column (found: ${header.join(', ')})`,
            );
        }
        continue;
      }
      if (requiredIndex >= 0 && !record[requiredIndex]) throw new RowError(`empty ${opts.required}`);
      onRow(record, header, rows);
      rows++;
    }
  } catch (err) {
    input.destroy();
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
