// Search keys for names and units. Deliberately simple for now (lowercase, ё→е, one space):
// the record-linkage engine (issue 4) brings transliteration and phonetic keys later and can
// recompute these columns from the entered forms, which are never overwritten.

export const searchKey = (s: string): string =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();

export const optionalKey = (s: string | null | undefined): string | null => (s ? searchKey(s) : null);
