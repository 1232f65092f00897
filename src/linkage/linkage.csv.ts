// Streaming CSV for the linkage commands: rows go straight into the columnar dataset, so memory
// holds the dictionary-coded records, never the file or row objects. A malformed file fails with
// its line number.
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

export interface CsvReadOptions {
  /** A column every row must have a value in (the record id). */
  required?: string;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/** Calls onRow(values, header) per data row; header cells are trimmed. */
export const readCsv = async (file: string, onRow: (row: string[], header: string[], line: number) => void, options: CsvReadOptions = {}): Promise<number> => {
  const total = statSync(file).size;
  let bytes = 0;
  const input = createReadStream(file);
  input.on('data', (chunk) => {
    bytes += chunk.length;
    options.onProgress?.(bytes, total);
  });
  let header: string[] | null = null;
  let requiredIndex = -1;
  let rows = 0;
  // on_record tags each row with its own line (the parser's running count is ahead of the row).
  const parser = input.pipe(
    parse({ bom: true, trim: true, skip_empty_lines: true, on_record: (record: string[], ctx) => ({ record, line: ctx.lines }) }),
  );
  try {
    for await (const { record, line } of parser as AsyncIterable<{ record: string[]; line: number }>) {
      if (!header) {
        header = record.map((h) => h.trim());
        if (options.required) {
          requiredIndex = header.indexOf(options.required);
          if (requiredIndex < 0) throw new CsvInputError(file, line, `the header has no "${options.required}" column (found: ${header.join(', ')})`);
        }
        continue;
      }
      if (requiredIndex >= 0 && !record[requiredIndex]) throw new CsvInputError(file, line, `empty ${options.required}`);
      rows++;
      onRow(record, header, line);
    }
  } catch (err) {
    input.destroy();
    if (err instanceof CsvError) {
      const line = (err as CsvError & { lines?: number }).lines ?? parser.info.lines;
      throw new CsvInputError(file, line, err.message.replace(/^Invalid Record Length: |^Invalid Opening Quote: /, ''));
    }
    throw err;
  }
  if (!header) throw new CsvInputError(file, 1, 'the file is empty (no header row)');
  return rows;
};
