// Windows-1251 bytes for tests: what Excel in a Russian Windows saves as "CSV".

/** The Windows-1251 bytes of a text of ASCII and Russian letters (А–я at 0xC0–0xFF, Ё 0xA8, ё 0xB8, № 0xB9). */
export const cp1251 = (text: string): Buffer =>
  Buffer.from(
    [...text].map((ch) => {
      const c = ch.codePointAt(0)!;
      if (c < 0x80) return c;
      if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
      if (c === 0x401) return 0xa8;
      if (c === 0x451) return 0xb8;
      if (c === 0x2116) return 0xb9;
      throw new Error(`no Windows-1251 byte in this helper for ${ch}`);
    }),
  );
