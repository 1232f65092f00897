// How a spreadsheet saved a text file: UTF-8 or Windows-1251 (Excel's "CSV" in a Russian Windows),
// and which of comma, semicolon or tab separates its columns. Shared by the list importer and the
// linkage commands, so that a list that imports also links. Pure; a file that is no such text is
// a TextFormatError naming what it is instead.

export type Encoding = 'utf-8' | 'windows-1251';
export const ENCODINGS: readonly Encoding[] = ['utf-8', 'windows-1251'];

/** What a file is instead of text to read: empty, UTF-16, a spreadsheet, binary, another encoding. */
export const TEXT_PROBLEMS = ['empty', 'utf16', 'spreadsheet', 'binary', 'encoding'] as const;
export type TextProblem = (typeof TEXT_PROBLEMS)[number];

export class TextFormatError extends Error {
  constructor(readonly problem: TextProblem) {
    super(`not readable text: ${problem}`);
    this.name = 'TextFormatError';
  }
}

/**
 * The file's encoding: UTF-8 when it decodes as UTF-8, else Windows-1251 when its high bytes are
 * Cyrillic letters there; anything else (UTF-16 from "Unicode text", a spreadsheet's binary
 * format, a picture) is refused with a reason rather than read as noise.
 */
export const detectEncoding = (bytes: Uint8Array): Encoding => {
  if (bytes.length === 0) throw new TextFormatError('empty');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new TextFormatError('utf16');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) throw new TextFormatError('spreadsheet');
  const probe = bytes.subarray(0, 1 << 20);
  if (probe.includes(0)) throw new TextFormatError('binary');
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    let high = 0;
    let cyrillic = 0;
    for (const b of probe) {
      if (b < 0x80) continue;
      high++;
      // А–я, Ё, ё, and the typographic quotes and dashes Excel writes
      if (b >= 0xc0 || b === 0xa8 || b === 0xb8 || b === 0xab || b === 0xbb || b === 0x96 || b === 0x97) cyrillic++;
    }
    if (high > 0 && cyrillic / high >= 0.9) return 'windows-1251';
    throw new TextFormatError('encoding');
  }
};

export const decodeText = (bytes: Uint8Array, encoding: Encoding): string =>
  new TextDecoder(encoding, { fatal: encoding === 'utf-8' }).decode(bytes).replace(/^\uFEFF/, '');

/** The separator of the header line: the most frequent of comma, semicolon and tab. */
export const detectDelimiter = (text: string): string => {
  const first = text.slice(0, Math.min(text.length, 10_000)).split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, first.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : ',';
};
