// The format sniffing both the list importer and the linkage commands rely on.
import { describe, expect, it } from 'vitest';
import { decodeText, detectDelimiter, detectEncoding, TextFormatError } from './text-files.ts';

const problemOf = (bytes: Uint8Array): string | null => {
  try {
    detectEncoding(bytes);
    return null;
  } catch (err) {
    return err instanceof TextFormatError ? err.problem : 'thrown';
  }
};

describe('text files as spreadsheets save them', () => {
  it('tells UTF-8 from Windows-1251 and refuses what is no such text, saying what it is', () => {
    expect(detectEncoding(Buffer.from('Фамилия;Имя\n'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from([0xd4, 0xe0, 0xec, 0xe8, 0xeb, 0xe8, 0xff, 0x0a]))).toBe('windows-1251');
    expect(decodeText(Buffer.from([0xd4, 0xe0, 0xec]), 'windows-1251')).toBe('Фам');
    expect(problemOf(new Uint8Array())).toBe('empty');
    expect(problemOf(Buffer.from([0xff, 0xfe, 0x41, 0]))).toBe('utf16');
    expect(problemOf(Buffer.from('PK\u0003\u0004'))).toBe('spreadsheet');
    expect(problemOf(Buffer.from([0x41, 0, 0x42]))).toBe('binary');
    expect(problemOf(Buffer.from([0x41, 0x80, 0x81, 0x82]))).toBe('encoding');
  });
  it('takes the header line’s commonest separator, a comma on a tie or none', () => {
    expect(detectDelimiter('a;b;c\n1,2;3')).toBe(';');
    expect(detectDelimiter('a\tb\n')).toBe('\t');
    expect(detectDelimiter('a,b;c\n')).toBe(',');
    expect(detectDelimiter('name\n')).toBe(',');
  });
});
