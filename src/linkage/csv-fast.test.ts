// The fast CSV path must read exactly what csv-parse reads, and fail where and how it fails:
// random texts built from the characters that matter (quotes, commas, both line endings, blanks
// and other whitespace, a BOM), cut into random chunks.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { FastCsvSplitter } from './csv-fast.ts';
import { CsvInputError, delimiterOf, readCsv } from './linkage.csv.ts';

const OPTIONS = { bom: true, trim: true, skip_empty_lines: true } as const;
const PIECES = [
  ...['a', 'Жё', 'b c', ',', ',', '"', '""', '\n', '\n', '\r\n', ' ', '\t', '\u00a0', '\r', '1'],
  // Whitespace of other kinds at a field's edge, as lists copied from web pages have: thin and
  // zero-width spaces, a BOM mid-file, a line separator, NEL, vertical tab, form feed.
  ...['\u2009', '\u200b', '\ufeff', '\u2028', '\u0085', '\u000b', '\u000c', '\u3000'],
];
const text = fc
  .tuple(fc.boolean(), fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }))
  .map(([bom, parts]) => (bom ? '\ufeff' : '') + parts.join(''));
/** Mostly well-formed files: a header and rows of its width, some fields quoted. */
const field = fc.oneof(
  fc.constantFrom('', 'Иванов', ' Пётр ', '12.03.1990', 'a b'),
  fc.constantFrom('"x,y"', '"line\nbreak"', '"say ""hi"""', '""'),
);
const table = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.constantFrom('\n', '\r\n'), fc.integer({ min: 0, max: 6 }))
  .chain(([width, eol, rows]) =>
    fc
      .array(fc.array(field, { minLength: width, maxLength: width }), { minLength: rows, maxLength: rows })
      .map(
        (body) => [Array.from({ length: width }, (_, i) => `c${i}`), ...body].map((r) => r.join(',')).join(eol) + eol,
      ),
  );

const reference = (input: string, delimiter = ','): { records: string[][] } | { error: true } => {
  try {
    return { records: parse(input, { ...OPTIONS, delimiter }) as string[][] };
  } catch {
    return { error: true };
  }
};

const split = (input: string, cuts: number[], delimiter = ','): { records: string[][]; complete: boolean } => {
  const splitter = new FastCsvSplitter(delimiter);
  const records: string[][] = [];
  const at = [...new Set(cuts.map((c) => c % (input.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  for (const to of at) {
    if (!splitter.feed(input.slice(from, to), false, (r) => records.push(r))) return { records, complete: false };
    from = to;
  }
  return { records, complete: splitter.feed(input.slice(from), true, (r) => records.push(r)) };
};

/** The splitter's records are a prefix of csv-parse's, all of them when it did not give up. */
const expectPrefixOfCsvParse = (input: string, cuts: number[], delimiter = ','): void => {
  const expected = reference(input, delimiter);
  const got = split(input, cuts, delimiter);
  if ('error' in expected) {
    expect(got.complete).toBe(false);
    return;
  }
  expect(expected.records.slice(0, got.records.length)).toEqual(got.records);
  if (got.complete) expect(got.records).toEqual(expected.records);
};

describe('the fast CSV splitter', () => {
  it('yields a prefix of what csv-parse yields, and all of it when it does not give up', () => {
    fc.assert(
      fc.property(fc.oneof(text, table), fc.array(fc.nat(), { maxLength: 6 }), (input, cuts) =>
        expectPrefixOfCsvParse(input, cuts),
      ),
      { numRuns: 3000 },
    );
  });

  it('does the same with a semicolon or a tab between the fields', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(';', '\t'),
        fc.oneof(text, table),
        fc.array(fc.nat(), { maxLength: 6 }),
        (delimiter, commas, cuts) => expectPrefixOfCsvParse(commas.replaceAll(',', delimiter), cuts, delimiter),
      ),
      { numRuns: 3000 },
    );
  });

  it('reads well-formed tables without giving up', () => {
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 6 }), (input, cuts) => {
        expect(split(input, cuts)).toEqual({
          records: (reference(input) as { records: string[][] }).records,
          complete: true,
        });
        const semicolons = input.replaceAll(',', ';');
        expect(split(semicolons, cuts, ';')).toEqual({
          records: (reference(semicolons, ';') as { records: string[][] }).records,
          complete: true,
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('readCsv with the fast path', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kintrace-csv-'));
  const viaReadCsv = async (input: string): Promise<string[][] | string> => {
    const file = join(dir, 'in.csv');
    writeFileSync(file, input);
    const out: string[][] = [];
    try {
      await readCsv(file, (row, header) => {
        if (out.length === 0) out.push(header);
        out.push(row);
      });
      return out;
    } catch (err) {
      if (err instanceof CsvInputError) return `line ${err.line}`;
      throw err;
    }
  };

  it('gives the records csv-parse gives, and its errors with their lines where csv-parse fails', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(text, table), async (input) => {
        // readCsv takes the separator the header line shows (a tab in these texts, at times).
        const expected = reference(input, delimiterOf(input.replace(/^\ufeff/, '')));
        const got = await viaReadCsv(input);
        if ('error' in expected) expect(typeof got).toBe('string');
        else if (expected.records.length > 1) {
          // readCsv trims the header's cells (quoted ones too) and skips rows of empty cells.
          const [header, ...rows] = expected.records;
          const body = rows.filter((row) => row.some((cell) => cell !== ''));
          expect(got).toEqual(body.length ? [header.map((h) => h.trim()), ...body] : []);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('hands csv-parse the rest of a file after a line it leaves to it, without repeating a row', async () => {
    const got = await viaReadCsv('id,name\n1,anna\n2, boris\u00a0\n3,vera\n');
    expect(got).toEqual([
      ['id', 'name'],
      ['1', 'anna'],
      ['2', 'boris'],
      ['3', 'vera'],
    ]);
  });

  it('names the line of a row of the wrong length after many good rows', async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `${i},name${i}`);
    rows.splice(40_000, 0, '40000x,a,b');
    expect(await viaReadCsv(`id,name\n${rows.join('\n')}\n`)).toBe('line 40002');
  });
});
