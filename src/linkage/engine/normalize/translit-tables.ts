// Forward Cyrillic → Latin tables, one per system. Context rules (BGN "ye", GOST B "c" before
// front vowels, Ukrainian word-initial forms) live in transliterate.ts.

export type TranslitSystem =
  | 'gost779b'
  | 'icao9303'
  | 'bgnpcgn'
  | 'iso9'
  | 'mvd1997'
  | 'gostr52535'
  | 'ukraine2010'
  | 'informal';

const BASE: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ё: 'e',
  й: 'y',
  // Ukrainian letters, for systems that meet them in Ukrainian-spelt names.
  і: 'i',
  ї: 'i',
  є: 'ie',
  ґ: 'g',
  "'": '',
  '’': '',
};

/** GOST 7.79-2000 system B (ц: "cz", or "c" before и е ы й — handled in transliterate.ts). */
const GOST779B = {
  ...BASE,
  ё: 'yo',
  ж: 'zh',
  й: 'j',
  х: 'x',
  ц: 'cz',
  щ: 'shh',
  ъ: '``',
  ы: "y'",
  ь: '`',
  э: "e'",
  ю: 'yu',
  я: 'ya',
};

/** ICAO Doc 9303 (7th ed., Russian passports since 2014). */
const ICAO = { ...BASE, ё: 'e', й: 'i', ц: 'ts', ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia' };

/** GOST R 52535.1-2006 as used in passports 2010–2013: ICAO-like but ц = tc, ъ dropped. */
const GOSTR52535 = { ...ICAO, ц: 'tc', ъ: '' };

/** MVD order 310 (1997–2010 passports): Yuliya, Dmitriy; ye after vowels handled as BGN. */
const MVD1997 = { ...BASE, ё: 'e', й: 'y', ъ: '', ь: '', ю: 'yu', я: 'ya' };

/** BGN/PCGN 1947: ë after consonants, yë/ye word-initially and after vowels, ь = ', ъ = ". */
const BGN = { ...BASE, ё: 'ë', й: 'y', ъ: '"', ь: "'", ю: 'yu', я: 'ya' };

/** ISO 9:1995 (one letter for one letter). */
const ISO9 = {
  ...BASE,
  ж: 'ž',
  й: 'j',
  х: 'h',
  ц: 'c',
  ч: 'č',
  ш: 'š',
  щ: 'ŝ',
  ъ: 'ʺ',
  ы: 'y',
  ь: 'ʹ',
  э: 'è',
  ю: 'û',
  я: 'â',
  ё: 'ë',
  і: 'ì',
  ї: 'ï',
  є: 'ê',
  ґ: 'g̀',
};

/**
 * Ukraine's national romanisation (KMU resolution 55, 2010), applied to Ukrainian spellings; for
 * the Russian-only letters we chose ы → y, э → e, ё → e (how Ukrainian lists write Russian
 * names, e.g. Семен → Semen), ъ → dropped.
 */
const UKRAINE = {
  ...BASE,
  г: 'h',
  ґ: 'g',
  е: 'e',
  є: 'ie',
  и: 'y',
  і: 'i',
  ї: 'i',
  й: 'i',
  х: 'kh',
  ц: 'ts',
  щ: 'shch',
  ю: 'iu',
  я: 'ia',
  ы: 'y',
  э: 'e',
  ё: 'e',
  ь: '',
  ъ: '',
};

/** What people type without a standard: "Yuri", "Aleksey", "Alexandr", "Zhenya". */
const INFORMAL = { ...BASE, ё: 'yo', й: 'y', х: 'kh', ц: 'ts', ъ: '', ь: '', ю: 'yu', я: 'ya' };

export const TABLES: Record<TranslitSystem, Record<string, string>> = {
  gost779b: GOST779B,
  icao9303: ICAO,
  bgnpcgn: BGN,
  iso9: ISO9,
  mvd1997: MVD1997,
  gostr52535: GOSTR52535,
  ukraine2010: UKRAINE,
  informal: INFORMAL,
};

export const TRANSLIT_SYSTEMS = Object.keys(TABLES) as TranslitSystem[];
